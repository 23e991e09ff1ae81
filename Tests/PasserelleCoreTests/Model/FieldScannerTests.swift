import XCTest
@testable import PasserelleModel

final class FieldScannerTests: XCTestCase {
    /// The fields of each line of `text`, read by `read`.
    func lines<T>(_ text: [UInt8], _ read: (inout FieldScanner) -> T) -> [T] {
        var found: [T] = []
        text.withUnsafeBufferPointer { bytes in FieldScanner.forEachLine(in: bytes) { found.append(read(&$0)) } }
        return found
    }

    func testNumbersWrittenByAppendFieldReadBack() {
        var seed = SeededGenerator(state: 42)
        var text: [UInt8] = []
        var expected: [(Int64, UInt64)] = []
        for _ in 0..<500 {
            let decimal = Int64.random(in: Int64.min + 1...Int64.max, using: &seed), hex = UInt64.random(in: 0...UInt64.max, using: &seed)
            expected.append((decimal, hex))
            text.appendField(decimal)
            text.appendField(hex, radix: 16)
            text += Array("name with spaces\n".utf8)
        }
        let read = lines(text) { scanner in (scanner.integer(), scanner.hexadecimal(), scanner.rest()) }
        XCTAssertEqual(read.count, expected.count)
        for (got, want) in zip(read, expected) {
            XCTAssertEqual(got.0, want.0, "seed 42")
            XCTAssertEqual(got.1, want.1, "seed 42")
            XCTAssertEqual(got.2, "name with spaces")
        }
    }

    func testPrefixesAndMalformedFields() {
        let read = lines(Array("file 12 ff x\nother\n-\n12a\n".utf8)) { scanner -> String in
            guard scanner.skip("file ") else { return scanner.restIsAny(of: ["other", "more"]) ? "other" : "unknown:\(scanner.integer().map(String.init) ?? "nil")" }
            return "\(scanner.integer()!) \(scanner.hexadecimal()!) \(scanner.rest())"
        }
        XCTAssertEqual(read, ["12 255 x", "other", "unknown:nil", "unknown:nil"], "'-' alone and '12a' are no numbers")
        XCTAssertEqual(lines(Array("1234567890abcdef0\n".utf8)) { $0.hexadecimal() }, [nil], "more than 16 digits")
        XCTAssertEqual(lines(Array("last line without break".utf8)) { $0.rest() }, ["last line without break"])
    }
}
