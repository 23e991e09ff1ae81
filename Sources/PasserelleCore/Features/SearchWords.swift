import Foundation

/// The distinct folded words of a text for the search index, collected as UTF-8 bytes: the
/// words are written space-separated into one buffer and told apart by a small open-addressing
/// table over that buffer, so no `String` or `Set` entry is made per word. A `String` is made
/// only for a word with letters outside ASCII, to fold it (through a cache shared across texts).
struct SearchWords {
    /// The words kept so far, space-separated, folded.
    private(set) var bytes: [UInt8] = []
    private(set) var count = 0
    /// Words that are known but not kept (the title's, when collecting a body).
    private var hidden: [UInt8] = []
    /// Slots of the table: 0 when empty, else 1 + the index of the word in `words`.
    private var slots = [Int32](repeating: 0, count: 256)
    /// Per known word: where it starts, its length, whether it lives in `hidden`.
    private var words: [(start: Int32, length: Int32, hidden: Bool)] = []
    private var scratch: [UInt8] = []
    private var foldedBytes: [UInt8] = []

    init() {
        bytes.reserveCapacity(2048)
        scratch.reserveCapacity(64)
        foldedBytes.reserveCapacity(64)
    }

    /// Makes the words of `text` known without keeping them (they will not be kept later either).
    mutating func hide(wordsOf text: String, foldCache: inout [String: String]) {
        scan(text, limit: Int.max, hidden: true, foldCache: &foldCache)
    }

    /// Keeps the words of `text` not known yet, up to `limit` words in all.
    mutating func keep(wordsOf text: String, limit: Int, foldCache: inout [String: String]) {
        scan(text, limit: limit, hidden: false, foldCache: &foldCache)
    }

    /// The kept words as one space-separated string.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    private mutating func scan(_ text: String, limit: Int, hidden: Bool, foldCache: inout [String: String]) {
        var text = text
        var isASCII = true
        text.withUTF8 { utf8 in
            var index = 0
            let end = utf8.count
            while index < end {
                if !hidden && count >= limit { return }
                let byte = utf8[index]
                if byte < 0x80 {
                    guard SearchWords.isWordByte(byte) else {
                        index += 1
                        flush(isASCII: isASCII, hidden: hidden, foldCache: &foldCache)
                        isASCII = true
                        continue
                    }
                    // A run of ASCII letters and digits, most words whole: inserted from the text
                    // itself when it needs no lower-casing and nothing came before it.
                    let start = index
                    var hasUpper = false
                    while index < end, SearchWords.isWordByte(utf8[index]) {
                        hasUpper = hasUpper || utf8[index] <= 0x5A && utf8[index] >= 0x41
                        index += 1
                    }
                    let run = UnsafeBufferPointer(rebasing: utf8[start..<index])
                    if scratch.isEmpty && !hasUpper && (index == end || utf8[index] < 0x80) {
                        if run.count >= 2 { insert(run, hidden: hidden) }
                        continue
                    }
                    for byte in run { scratch.append(byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte) }
                    continue
                }
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for offset in 1..<length where index + offset < end {
                    value = value << 6 | UInt32(utf8[index + offset] & 0x3F)
                }
                // Latin-1 and Latin Extended-A and -B letters (all of U+00C0–U+024F but × and ÷)
                // without the Unicode tables, the rest through them.
                let isLatinLetter = value >= 0xC0 && value <= 0x24F && value != 0xD7 && value != 0xF7
                let scalar = Unicode.Scalar(value) ?? " "
                if isLatinLetter || scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    for offset in 0..<length where index + offset < end { scratch.append(utf8[index + offset]) }
                    isASCII = false
                } else {
                    flush(isASCII: isASCII, hidden: hidden, foldCache: &foldCache)
                    isASCII = true
                }
                index += length
            }
            if hidden || count < limit { flush(isASCII: isASCII, hidden: hidden, foldCache: &foldCache) }
        }
    }

    /// ASCII letters and digits.
    @inline(__always)
    private static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x61 && byte <= 0x7A || byte >= 0x30 && byte <= 0x39 || byte >= 0x41 && byte <= 0x5A
    }

    private mutating func flush(isASCII: Bool, hidden: Bool, foldCache: inout [String: String]) {
        guard !scratch.isEmpty else { return }
        defer { scratch.removeAll(keepingCapacity: true) }
        guard scratch.count >= 2 else { return }
        if isASCII {
            insertScratch(hidden: hidden)
            return
        }
        // Letters of French and other Latin-script languages are folded byte by byte.
        if TextFolding.foldLatin(scratch, into: &foldedBytes) {
            guard foldedBytes.count >= 2,
                  foldedBytes.allSatisfy({ $0 < 0x80 }) || String(decoding: foldedBytes, as: UTF8.self).count >= 2 else { return }
            swap(&scratch, &foldedBytes)
            insertScratch(hidden: hidden)
            return
        }
        let raw = String(decoding: scratch, as: UTF8.self)
        let folded: String
        if let known = foldCache[raw] {
            folded = known
        } else {
            folded = TextFolding.fold(raw)
            foldCache[raw] = folded
        }
        guard folded.count >= 2 else { return }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: folded.utf8)
        insertScratch(hidden: hidden)
    }

    /// Adds the word in `scratch` unless it is known.
    private mutating func insertScratch(hidden: Bool) {
        let word = scratch
        word.withUnsafeBufferPointer { insert($0, hidden: hidden) }
    }

    /// Adds `word` unless it is known.
    private mutating func insert(_ word: UnsafeBufferPointer<UInt8>, hidden: Bool) {
        let mask = slots.count - 1
        var slot = SearchWords.hash(word) & mask
        while slots[slot] != 0 {
            let known = words[Int(slots[slot]) - 1]
            if Int(known.length) == word.count && matches(known, word) { return }
            slot = (slot + 1) & mask
        }
        let start: Int
        if hidden {
            start = self.hidden.count
            self.hidden.append(contentsOf: word)
        } else {
            if !bytes.isEmpty { bytes.append(0x20) }
            start = bytes.count
            bytes.append(contentsOf: word)
            count += 1
        }
        words.append((Int32(start), Int32(word.count), hidden))
        slots[slot] = Int32(words.count)
        if words.count * 2 > slots.count { grow() }
    }

    private func matches(_ known: (start: Int32, length: Int32, hidden: Bool), _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let wanted = word.baseAddress else { return true }
        let compare = { (stored: UnsafeBufferPointer<UInt8>) in memcmp(stored.baseAddress! + Int(known.start), wanted, word.count) == 0 }
        return known.hidden ? hidden.withUnsafeBufferPointer(compare) : bytes.withUnsafeBufferPointer(compare)
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (index, word) in words.enumerated() {
            let source = word.hidden ? hidden : bytes
            var slot = source.withUnsafeBufferPointer {
                SearchWords.hash(UnsafeBufferPointer(rebasing: $0[Int(word.start)..<Int(word.start + word.length)]))
            } & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index + 1)
        }
    }

    /// FNV-1a of a word's bytes, folded to an `Int`.
    private static func hash(_ word: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: hash ^ (hash >> 32))
    }
}
