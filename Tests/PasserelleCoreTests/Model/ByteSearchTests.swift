import XCTest
@testable import PasserelleModel

final class ByteSearchTests: XCTestCase {
    func testTheFirstOccurrenceOfTheNeedlesBytes() {
        let bytes = Array("<p>a</p></body></body>".utf8)
        XCTAssertEqual(bytes.firstRange(of: "</body>"), 8..<15)
        XCTAssertNil(bytes.firstRange(of: "</html>"))
        XCTAssertNil(bytes.firstRange(of: ""), "an empty needle is found nowhere")
        XCTAssertEqual(Array("ééé".utf8).firstRange(of: "é"), 0..<2, "bytes, not characters")
        XCTAssertEqual(Array("aab".utf8).firstRange(of: "ab"), 1..<3, "after a partial match")
    }

    func testUTF8OrderIsCodePointOrder() {
        var seed = SeededGenerator(state: 7)
        let alphabet = Array("aZé/-0ü中🌍.")
        for _ in 0..<2_000 {
            let a = String((0..<Int.random(in: 0...6, using: &seed)).map { _ in alphabet.randomElement(using: &seed)! })
            let b = String((0..<Int.random(in: 0...6, using: &seed)).map { _ in alphabet.randomElement(using: &seed)! })
            XCTAssertEqual(String.utf8Precedes(a, b), a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) { $0.value < $1.value },
                           "\(a) / \(b) (seed 7)")
        }
    }

    func testAByteOfTheUTF8IsFoundInPlace() {
        XCTAssertTrue("tab\there".utf8Contains { $0 == 0x09 })
        XCTAssertFalse("court".utf8Contains { $0 == 0x09 }, "a small string too")
        XCTAssertTrue(String(repeating: "é", count: 40).utf8Contains { $0 == 0xA9 }, "bytes, not characters")
        XCTAssertFalse("".utf8Contains { _ in true })
    }

    func testASuffixIsComparedOnTheBytes() {
        XCTAssertTrue("fr/projets/p/index.html".utf8HasSuffix("index.html"))
        XCTAssertTrue("index.html".utf8HasSuffix("index.html"), "the whole text")
        XCTAssertFalse("ndex.html".utf8HasSuffix("index.html"), "shorter than the suffix")
        XCTAssertFalse("fr/index.htm".utf8HasSuffix(".html"))
        XCTAssertTrue("été".utf8HasSuffix(""), "every text ends with nothing")
        XCTAssertTrue(String(repeating: "é", count: 20).utf8HasSuffix("é"), "bytes of a large string")
    }
}
