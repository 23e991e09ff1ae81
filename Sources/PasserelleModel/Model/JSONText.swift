/// Minimal, deterministic JSON writing for the generated indexes (keys in the order given).
package enum JSONText {
    package static func string(_ id: EntryID) -> String { string(id.rawValue) }
    package static func string(_ code: LanguageCode) -> String { string(code.rawValue) }

    package static func string(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count + 2)
        append(text, to: &result)
        return result
    }

    /// Appends `text` as a JSON string to `result`, in place.
    package static func append(_ text: String, to result: inout String) {
        result += "\""
        result += escaped(text)
        result += "\""
    }

    private static func escaped(_ text: String) -> String {
        // Nothing to escape but quotes, backslashes, controls, `<` and U+2028/2029 (lead byte 0xE2).
        text.escapingBytes(kept: { $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C && $0 != 0x3C && $0 != 0xE2 }) { bytes, index, result in
            let byte = bytes[index]
            index += 1
            switch byte {
            case 0x22: result += #"\""#.utf8
            case 0x5C: result += #"\\"#.utf8
            case 0x0A: result += #"\n"#.utf8
            case 0x0D: result += #"\r"#.utf8
            case 0x09: result += #"\t"#.utf8
            case 0x3C: result += #"\u003c"#.utf8 // keeps `</script>` inert when the JSON is embedded in a script file
            case 0xE2 where index + 1 < bytes.count && bytes[index] == 0x80 && (bytes[index + 1] == 0xA8 || bytes[index + 1] == 0xA9):
                result += (bytes[index + 1] == 0xA8 ? #"\u2028"# : #"\u2029"#).utf8
                index += 2
            case 0xE2: result.append(byte)
            default:
                let hex = String(byte, radix: 16)
                result += ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8
            }
        }
    }

    /// An object from ordered key/value pairs whose values are already JSON.
    package static func object(_ pairs: [(String, String)]) -> String {
        // Written into one string of the right size: the search index writes one per entry.
        var result = "{"
        result.reserveCapacity(pairs.reduce(2) { $0 + $1.0.utf8.count + $1.1.utf8.count + 4 } + 8)
        for (index, pair) in pairs.enumerated() {
            if index > 0 { result += "," }
            result += string(pair.0)
            result += ":"
            result += pair.1
        }
        result += "}"
        return result
    }

    package static func array(_ items: [String]) -> String {
        var result = "["
        result.reserveCapacity(items.reduce(2) { $0 + $1.utf8.count + 1 })
        for (index, item) in items.enumerated() {
            if index > 0 { result += "," }
            result += item
        }
        result += "]"
        return result
    }
}
