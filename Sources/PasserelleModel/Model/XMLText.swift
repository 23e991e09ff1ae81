import Foundation
/// Escaping for XML and HTML text and attribute values (`&apos;` is valid in both).
package enum XMLText {
    package static func escape(_ text: String) -> String {
        // Most text (paths, URLs, titles) needs nothing and is returned as it is. Every character
        // replaced or dropped is ASCII.
        text.escapingBytes(kept: { byte in
            switch byte {
            case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): return false
            case UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"): return true
            default: return byte >= 0x20
            }
        }) { bytes, index, result in
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "&"): result += "&amp;".utf8
            case UInt8(ascii: "<"): result += "&lt;".utf8
            case UInt8(ascii: ">"): result += "&gt;".utf8
            case UInt8(ascii: "\""): result += "&quot;".utf8
            case UInt8(ascii: "'"): result += "&apos;".utf8
            default: break // Characters XML 1.0 forbids are dropped.
            }
        }
    }
}
