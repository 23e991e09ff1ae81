/// Reads the YAML that front matter is nearly always written in, without Yams: one mapping of
/// simple keys to texts, one-line `[a, b]` lists and `- item` lists. It gives the tree Yams would
/// compose, marks included, and gives up (nil) on anything else, which is then Yams' to read:
/// nested mappings, `{…}`, escapes, multi-line or empty values, comments after a value, anchors,
/// tags, duplicate keys, tabs and control characters, and every syntax error.
///
/// Yams (libyaml, then one Swift value per event) took three quarters of the time spent on
/// front matter; this reads the same texts about ten times faster.
package enum FlatYAMLParser {
    /// The root mapping of `text`, or nil when `text` is not of the flat form this reads.
    package static func parse(_ text: String) -> YAMLNode? {
        var text = text
        return text.withUTF8 { bytes in
            var parser = Lines(bytes: bytes)
            return parser.mapping()
        }
    }

    private struct Lines {
        let bytes: UnsafeBufferPointer<UInt8>
        var start = 0
        var number = 0

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        /// The next line's bytes `start..<end`, or nil at the end of the text.
        mutating func next() -> (start: Int, end: Int)? {
            guard start < bytes.count else { return nil }
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            defer { start = end + 1 }
            number += 1
            return (start, end)
        }

        mutating func mapping() -> YAMLNode? {
            guard FlatYAMLParser.holdsOnlyPlainCharacters(bytes) else { return nil }
            var pairs: [YAMLNode.Pair] = []
            var rootMark: YAMLNode.Mark?
            // A key written with no value: the `- item` lines that follow are its list.
            var listKey: YAMLNode?
            var items: [YAMLNode] = []
            var itemIndent = 0
            var listMark = YAMLNode.Mark(line: 0, column: 0)

            func endList() -> Bool {
                guard let key = listKey else { return true }
                guard !items.isEmpty else { return false }
                pairs.append(YAMLNode.Pair(key: key, value: .sequence(items, listMark)))
                listKey = nil
                items = []
                return true
            }

            while let (lineStart, lineEnd) = next() {
                var index = lineStart
                while index < lineEnd && bytes[index] == 0x20 { index += 1 }
                // Blank lines and comment lines.
                if index == lineEnd || bytes[index] == 0x23 { continue }
                let indent = index - lineStart
                if listKey != nil, bytes[index] == 0x2D, index + 1 < lineEnd, bytes[index + 1] == 0x20 {
                    if items.isEmpty {
                        itemIndent = indent
                        listMark = YAMLNode.Mark(line: number, column: indent + 1)
                    } else if indent != itemIndent {
                        return nil
                    }
                    var valueStart = index + 2
                    while valueStart < lineEnd && bytes[valueStart] == 0x20 { valueStart += 1 }
                    guard let item = scalar(valueStart, lineEnd, inList: false, lineStart: lineStart) else { return nil }
                    items.append(item)
                    continue
                }
                guard indent == 0, endList() else { return nil }
                // `key:` then a space and a value, or the end of the line.
                var keyEnd = index
                while keyEnd < lineEnd && FlatYAMLParser.isKeyByte(bytes[keyEnd]) { keyEnd += 1 }
                guard keyEnd > index, keyEnd < lineEnd, bytes[keyEnd] == 0x3A, !FlatYAMLParser.isDigitOrDash(bytes[index]) else { return nil }
                let key = FlatYAMLParser.text(bytes, index, keyEnd)
                guard !pairs.contains(where: { $0.key.string == key }) else { return nil }
                let keyNode = YAMLNode.scalar(.init(string: key, isPlain: true, mark: YAMLNode.Mark(line: number, column: 1)))
                if rootMark == nil { rootMark = keyNode.mark }
                var valueStart = keyEnd + 1
                guard valueStart == lineEnd || bytes[valueStart] == 0x20 else { return nil }
                while valueStart < lineEnd && bytes[valueStart] == 0x20 { valueStart += 1 }
                if valueStart == lineEnd {
                    listKey = keyNode
                    continue
                }
                let value: YAMLNode?
                if bytes[valueStart] == 0x5B {
                    value = list(valueStart, lineEnd, lineStart: lineStart)
                } else {
                    value = scalar(valueStart, lineEnd, inList: false, lineStart: lineStart)
                }
                guard let value else { return nil }
                pairs.append(YAMLNode.Pair(key: keyNode, value: value))
            }
            guard endList(), let rootMark, !pairs.isEmpty else { return nil }
            return .mapping(pairs, rootMark)
        }

        /// The mark of byte `index` of the line that starts at `lineStart`.
        func mark(_ index: Int, lineStart: Int) -> YAMLNode.Mark {
            var column = 1
            for offset in lineStart..<index where bytes[offset] & 0xC0 != 0x80 { column += 1 }
            return YAMLNode.Mark(line: number, column: column)
        }

        /// A one-line `[a, "b", 'c']` that ends the line.
        func list(_ open: Int, _ lineEnd: Int, lineStart: Int) -> YAMLNode? {
            var items: [YAMLNode] = []
            var index = open + 1
            func skipSpaces() { while index < lineEnd && bytes[index] == 0x20 { index += 1 } }
            skipSpaces()
            if index < lineEnd && bytes[index] == 0x5D {
                index += 1
            } else {
                while true {
                    skipSpaces()
                    guard index < lineEnd else { return nil }
                    let itemStart = index
                    var itemEnd: Int
                    if bytes[index] == 0x22 || bytes[index] == 0x27 {
                        guard let close = FlatYAMLParser.closingQuote(bytes, from: index, before: lineEnd) else { return nil }
                        itemEnd = close + 1
                    } else {
                        itemEnd = index
                        while itemEnd < lineEnd && bytes[itemEnd] != 0x2C && bytes[itemEnd] != 0x5D { itemEnd += 1 }
                        while itemEnd > itemStart && bytes[itemEnd - 1] == 0x20 { itemEnd -= 1 }
                    }
                    guard let item = scalar(itemStart, itemEnd, inList: true, lineStart: lineStart) else { return nil }
                    items.append(item)
                    index = itemEnd
                    skipSpaces()
                    guard index < lineEnd else { return nil }
                    index += 1
                    if bytes[index - 1] == 0x5D { break }
                    guard bytes[index - 1] == 0x2C else { return nil }
                }
            }
            skipSpaces()
            guard index == lineEnd else { return nil }
            return .sequence(items, mark(open, lineStart: lineStart))
        }

        /// A text from `start` to `end` (the end of its line, or of its list item): plain, or
        /// quoted without escapes.
        func scalar(_ start: Int, _ end: Int, inList: Bool, lineStart: Int) -> YAMLNode? {
            guard start < end else { return nil }
            let first = bytes[start]
            if first == 0x22 || first == 0x27 {
                guard let close = FlatYAMLParser.closingQuote(bytes, from: start, before: end) else { return nil }
                for index in close + 1..<end where bytes[index] != 0x20 { return nil }
                return .scalar(.init(string: FlatYAMLParser.text(bytes, start + 1, close), isPlain: false, mark: mark(start, lineStart: lineStart)))
            }
            // A plain text may start with none of YAML's indicators, nor `- ` or `-` alone.
            if FlatYAMLParser.indicators.contains(first) { return nil }
            if first == 0x2D && (start + 1 == end || bytes[start + 1] == 0x20) { return nil }
            var last = end
            while last > start && bytes[last - 1] == 0x20 { last -= 1 }
            for index in start..<last {
                let byte = bytes[index]
                // `: ` would start a mapping, ` #` a comment; a list item holds no colon, number
                // sign, bracket or brace.
                if byte == 0x3A && (inList || index + 1 == last || bytes[index + 1] == 0x20) { return nil }
                if byte == 0x23 && (inList || bytes[index - 1] == 0x20) { return nil }
                if inList && (byte == 0x5B || byte == 0x5D || byte == 0x7B || byte == 0x7D) { return nil }
            }
            return .scalar(.init(string: FlatYAMLParser.text(bytes, start, last), isPlain: true, mark: mark(start, lineStart: lineStart)))
        }
    }

    /// `? : , [ ] { } # & * ! | > ' " % @` and backquote: what a plain text may not start with.
    private static let indicators: Set<UInt8> = Set("?:,[]{}#&*!|>'\"%@`".utf8)

    /// The closing quote of the quoted text opening at `open`, before `end`; nil when it has an
    /// escape (a backslash in double quotes, `''` in single ones) or no closing quote.
    private static func closingQuote(_ bytes: UnsafeBufferPointer<UInt8>, from open: Int, before end: Int) -> Int? {
        let quote = bytes[open]
        var index = open + 1
        while index < end {
            if bytes[index] == quote {
                if quote == 0x27 && index + 1 < end && bytes[index + 1] == 0x27 { return nil }
                return index
            }
            if quote == 0x22 && bytes[index] == 0x5C { return nil }
            index += 1
        }
        return nil
    }

    /// Letters, digits, `_` and `-`: the keys read here.
    private static func isKeyByte(_ byte: UInt8) -> Bool {
        byte >= 0x61 && byte <= 0x7A || byte >= 0x41 && byte <= 0x5A || byte >= 0x30 && byte <= 0x39 || byte == 0x5F || byte == 0x2D
    }

    private static func isDigitOrDash(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 || byte == 0x2D }

    /// No tab, no control character, no line or paragraph separator, no byte order mark: what
    /// YAML treats apart.
    private static func holdsOnlyPlainCharacters(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x20 && byte != 0x0A || byte == 0x7F { return false }
            // U+0080–U+009F (NEL among them), U+2028, U+2029, U+FEFF.
            if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] < 0xA0 { return false }
            if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 { return false }
            if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBB, bytes[index + 2] == 0xBF { return false }
            index += 1
        }
        return true
    }

    private static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }
}
