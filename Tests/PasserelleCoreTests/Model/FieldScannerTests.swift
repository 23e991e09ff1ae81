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

    /// The decimal and hexadecimal fields are `String(_:radix:)`'s digits, at the edges of each width.
    func testFieldsAtTheEdges() {
        var values: [Int64] = [0, 1, 9, 10, 15, 16, 99, 100, 255, 256, Int64.max, Int64.min + 1, -1, -10, -16]
        var power: Int64 = 1
        for _ in 1...18 {
            power *= 10
            values += [power - 1, power, power + 1, -power]
        }
        for value in values {
            var text: [UInt8] = []
            text.appendField(value)
            XCTAssertEqual(String(decoding: text, as: UTF8.self), String(value) + " ")
            text = []
            text.appendField(value, radix: 16)
            XCTAssertEqual(String(decoding: text, as: UTF8.self), String(value, radix: 16) + " ")
        }
        for value in [UInt64.max, UInt64.max - 1, 1 << 63, 0xF, 0x10, 0xABCDEF] {
            var text: [UInt8] = []
            text.appendField(value, radix: 16)
            XCTAssertEqual(String(decoding: text, as: UTF8.self), String(value, radix: 16) + " ")
            text = []
            text.appendField(value)
            XCTAssertEqual(String(decoding: text, as: UTF8.self), String(value) + " ")
        }
        // Another radix: the general digits.
        var octal: [UInt8] = []
        octal.appendField(Int32(-511), radix: 8)
        XCTAssertEqual(String(decoding: octal, as: UTF8.self), "-777 ")
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
