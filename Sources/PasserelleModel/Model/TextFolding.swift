import Foundation

/// Lower case, accents removed, `œ` → `oe`, `æ` → `ae`: how heading ids, tag slugs and search
/// words are folded. The same result as Foundation's diacritic- and case-insensitive folding,
/// which it calls only for text outside ASCII and Latin-1/Latin Extended-A (or with combining
/// marks): Foundation's folding goes through CFString and was a visible share of large builds.
public enum TextFolding {
    /// The folded form of each scalar from U+00C0 to U+024F, made once by Foundation itself.
    private static let latin: [String] = (0xC0...0x24F).map { value in
        foundationFold(String(Character(Unicode.Scalar(UInt32(value))!)))
    }

    /// The same folded forms as UTF-8, for folding bytes without making strings.
    package static let latinUTF8: [[UInt8]] = latin.map { Array($0.utf8) }

    /// `latinUTF8` flat, four bytes per scalar (unused ones zero), read without an array per letter.
    private static let latinTable: [UInt8] = latinUTF8.flatMap { folded -> [UInt8] in
        precondition(folded.count <= 4)
        return folded + [UInt8](repeating: 0, count: 4 - folded.count)
    }

    /// Folds the UTF-8 of a word made of ASCII letters and digits and letters from U+00C0 to
    /// U+024F into `output`, exactly as `fold` would; false (output undefined) when the word has
    /// other letters, which need `fold`.
    package static func foldLatin(_ word: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> Bool {
        output.removeAll(keepingCapacity: true)
        return latinTable.withUnsafeBufferPointer { table in
            var index = 0
            while index < word.count {
                let byte = word[index]
                if byte < 0x80 {
                    output.append(byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte)
                    index += 1
                } else if byte & 0xE0 == 0xC0, index + 1 < word.count {
                    let value = Int(byte & 0x1F) << 6 | Int(word[index + 1] & 0x3F)
                    guard value >= 0xC0 && value <= 0x24F else { return false }
                    let folded = (value - 0xC0) * 4
                    for offset in 0..<4 where table[folded + offset] != 0 { output.append(table[folded + offset]) }
                    index += 2
                } else {
                    return false
                }
            }
            return true
        }
    }

    package static func foldLatin(_ word: [UInt8], into output: inout [UInt8]) -> Bool {
        word.withUnsafeBufferPointer { foldLatin($0, into: &output) }
    }

    package static func foundationFold(_ text: String) -> String {
        text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX"))
            .replacingOccurrences(of: "œ", with: "oe").replacingOccurrences(of: "æ", with: "ae")
    }

    public static func fold(_ text: String) -> String {
        // Written as UTF-8 bytes: appending to a string scalar by scalar cost more than the folding.
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                result.append(UInt8(value >= 0x41 && value <= 0x5A ? value + 32 : value))
            } else if value >= 0xC0 && value <= 0x24F {
                result += latinUTF8[Int(value) - 0xC0]
            } else if value < 0xC0 && !(0x80...0x9F).contains(value) && !(0xAA...0xBA).contains(value) && value != 0xB5 {
                result += UTF8.encode(scalar)! // signs and spaces of Latin-1: unchanged
            } else {
                return foundationFold(text)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
