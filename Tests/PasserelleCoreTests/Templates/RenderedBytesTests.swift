import XCTest
@testable import PasserelleTemplates

final class RenderedBytesTests: XCTestCase {
    func testAppendsGrowPastTheFirstCapacityAndKeepTheBytesInOrder() {
        let output = RenderedBytes(capacity: 4)
        var expected: [UInt8] = []
        for index in 0..<1_000 {
            let piece = Array("<p>\(index) été</p>".utf8)
            piece.withUnsafeBufferPointer { output.append($0) }
            expected += piece
        }
        output.append("")
        output.append("😀 fin")
        expected += Array("😀 fin".utf8)
        XCTAssertEqual(output.count, expected.count)
        XCTAssertEqual(output.array, expected)
        XCTAssertEqual(output[0], UInt8(ascii: "<"))
    }

    func testInsertionPutsBytesBeforeAnIndexAnywhere() {
        let output = RenderedBytes(capacity: 2)
        output.append("ab\ncd")
        output.insert(contentsOf: Array("  ".utf8), at: 3)
        output.insert(contentsOf: Array("> ".utf8), at: 0)
        output.insert(contentsOf: Array("!".utf8), at: output.count)
        output.insert(contentsOf: [], at: 1)
        XCTAssertEqual(String(decoding: output.array, as: UTF8.self), "> ab\n  cd!")
    }
}
