import Foundation
/// Escaping for XML and HTML text and attribute values (`&apos;` is valid in both).
package enum XMLText {
    package static func escape(_ text: String) -> String {
        // Most text (paths, URLs, titles) needs nothing: checking the bytes is cheaper than rebuilding it.
        let clean = !text.utf8Contains { byte in
            switch byte {
            case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): return true
            case UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"): return false
            default: return byte < 0x20
            }
        }
        if clean { return text }
        // Byte by byte: every character replaced or dropped is ASCII, so the rest is copied as it is.
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count + text.utf8.count / 8)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): result += "&amp;".utf8
            case UInt8(ascii: "<"): result += "&lt;".utf8
            case UInt8(ascii: ">"): result += "&gt;".utf8
            case UInt8(ascii: "\""): result += "&quot;".utf8
            case UInt8(ascii: "'"): result += "&apos;".utf8
            // Characters XML 1.0 forbids are dropped.
            case UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"): result.append(byte)
            case ..<0x20: continue
            default: result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
