import XCTest
@testable import PasserelleModel

final class XMLTextTests: XCTestCase {
    func testTheFiveSpecialCharactersAreEscaped() {
        XCTAssertEqual(XMLText.escape(#"<a href="x">Tom & Jerry's</a>"#), "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;")
        XCTAssertEqual(XMLText.escape("plain été\n"), "plain été\n", "nothing else changes")
    }

    func testCharactersXMLForbidsAreDroppedAndTheRestKept() {
        XCTAssertEqual(XMLText.escape("a\u{0}b\u{7}\u{1F}<c>\td\r\n€ 😀 & é"), "ab&lt;c&gt;\td\r\n€ 😀 &amp; é")
    }
}
