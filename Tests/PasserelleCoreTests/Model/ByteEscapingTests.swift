import XCTest
@testable import PasserelleModel

final class ByteEscapingTests: XCTestCase {
    /// Digits doubled, `x` dropped, `é` (two bytes, read whole) written as `e`.
    private func rewrite(_ text: String) -> String {
        text.escapingBytes(kept: { !($0 >= 0x30 && $0 <= 0x39) && $0 != UInt8(ascii: "x") && $0 != 0xC3 }) { bytes, index, result in
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "x"): break
            case 0xC3 where index < bytes.count && bytes[index] == 0xA9: result.append(UInt8(ascii: "e")); index += 1
            case 0xC3: result.append(byte)
            default: result += [byte, byte]
            }
        }
    }

    func testKeptRunsAreCopiedAndEachOtherByteWritten() {
        XCTAssertEqual(rewrite("no change ü"), "no change ü", "all kept: the text itself")
        XCTAssertEqual(rewrite(""), "")
        XCTAssertEqual(rewrite("1"), "11")
        XCTAssertEqual(rewrite("a1b22xé😀x"), "a11b2222e😀")
        XCTAssertEqual(rewrite("xxx"), "")
        XCTAssertEqual(rewrite("été 2005"), "ete 22000055")
    }

    /// The bytes appended from a place, after what the result held: the same rewriting.
    func testBytesAreAppendedRewrittenFromTheirStart() {
        var result = Array("> ".utf8)
        Array("skip a1x".utf8).withUnsafeBufferPointer { bytes in
            ByteEscaping.append(bytes, from: 5, kept: { $0 != UInt8(ascii: "1") && $0 != UInt8(ascii: "x") }, { bytes, index, result in
                if bytes[index] == UInt8(ascii: "1") { result += Array("one".utf8) }
                index += 1
            }, to: &result)
        }
        XCTAssertEqual(String(decoding: result, as: UTF8.self), "> aone")
    }
}
