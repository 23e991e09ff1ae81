import PasserelleModel
import Foundation

/// Turns heading text into a URL fragment: lower case, accents folded, words joined by `-`.
public enum HeadingID {
    public static func make(from text: String) -> String { latinID(text) ?? foldedID(text) }

    /// The id of any text, folded by `TextFolding` (through Foundation outside Latin letters).
    package static func foldedID(_ text: String) -> String {
        let folded = TextFolding.fold(text)
        var result = ""
        var pendingDash = false
        for scalar in folded.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingDash && !result.isEmpty { result += "-" }
                pendingDash = false
                result.unicodeScalars.append(scalar)
            } else if scalar == "-" || scalar == "_" || scalar.properties.isWhitespace || scalar == "'" || scalar == "’" {
                pendingDash = true
            }
        }
        return result
    }

    /// The same id made from the UTF-8 bytes, for text in ASCII and Latin letters (with `’`,
    /// no-break spaces and Latin-1 signs); nil for other text, which `make` folds through Foundation.
    package static func latinID(_ text: String) -> String? {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        var pendingDash = false
        func append(_ byte: UInt8) {
            if pendingDash && !result.isEmpty { result.append(0x2D) }
            pendingDash = false
            result.append(byte)
        }
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                switch byte {
                case 0x61...0x7A, 0x30...0x39: append(byte)
                case 0x41...0x5A: append(byte + 32)
                case 0x2D, 0x5F, 0x27, 0x20, 0x09...0x0D: pendingDash = true
                default: break
                }
                continue
            }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            guard index + length <= bytes.count else { return nil }
            var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
            index += length
            switch value {
            case 0xC0...0x24F:
                let folded = TextFolding.latinUTF8[Int(value) - 0xC0]
                guard folded.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return nil }
                for letter in folded { append(letter) }
            case 0xA0, 0x2019, 0x2007, 0x2009, 0x202F: pendingDash = true // no-break and thin spaces, apostrophe
            case 0xA1...0xBF where value != 0xAA && value != 0xB5 && value != 0xBA: break // signs: dropped
            case 0x2010...0x2015, 0x2018, 0x201C, 0x201D, 0x2026: break // dashes, quotes, ellipsis: dropped
            default: return nil
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
