import XCTest
@testable import PasserelleMarkdown
@testable import PasserelleModel

final class UTF8TextTests: XCTestCase {
    /// Trimmed on the bytes as the string is on its scalars (`trimmedOfWhitespace`).
    func testTrimmingWhitespaceIsTheStringsTrimming() {
        let texts = ["", "x", " x ", "\n\nTexte.\n", "\u{A0}été\u{3000}", "\u{2028}\t a b \u{85}", "   ", "\u{A0}", "é", "a\u{301} ",
                     " \u{1F600}\n", "\u{FEFF}x\u{FEFF}", "x\u{200B}", "\r\n", "\u{2029}"]
        for text in texts {
            XCTAssertEqual(UTF8Text(text).trimmingWhitespace.string, text.trimmedOfWhitespace, text.debugDescription)
        }
        let visible = UTF8Text("a b")
        XCTAssertEqual(visible.trimmingWhitespace, visible)
    }

    func testATextIsItsStringsBytes() {
        let text: UTF8Text = "l’été"
        XCTAssertEqual(text.bytes, Array("l’été".utf8))
        XCTAssertEqual(text.string, "l’été")
        XCTAssertEqual("\(text)", "l’été")
        XCTAssertTrue(UTF8Text("").isEmpty)
        XCTAssertEqual(UTF8Text(validUTF8: [0x61, 0xFF]).string, "a\u{FFFD}", "bytes that are not UTF-8 read as repaired")
    }
}
