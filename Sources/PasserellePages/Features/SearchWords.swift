import PasserelleModel
import PasserelleTemplates
import Foundation

/// The distinct folded words of a text for the search index, collected as UTF-8 bytes: each word
/// is found in place in the text's UTF-8, and told apart from the words already seen by small
/// open-addressing tables over byte buffers, so no `String` or `Set` entry is made per word.
///
/// A body names the same words again and again: a word written as it was before (raw bytes,
/// case and accents included) is passed over before it is folded; a word of ASCII lower-case
/// letters and digits is its own folded form and goes straight to the table of folded words.
/// A `String` is made only for a word with letters outside ASCII and Latin-1/Extended, to fold
/// it (through a cache shared across texts).
struct SearchWords {
    /// The words kept so far, space-separated, folded.
    private(set) var bytes: [UInt8] = []
    private(set) var count = 0
    /// Every folded word seen: kept, or hidden (the title's, when collecting a body).
    private var folded = ByteSet()
    /// Every raw word seen that needed folding: seen again, it folds to a word already handled.
    private var raw = ByteSet()
    private var scratch: [UInt8] = []

    init() {
        bytes.reserveCapacity(2048)
        scratch.reserveCapacity(64)
    }

    /// Makes the words of `text` known without keeping them (they will not be kept later either).
    mutating func hide(wordsOf text: String, foldCache: inout [String: String]) {
        scan(text, limit: Int.max, hidden: true, foldCache: &foldCache)
    }

    /// Keeps the words of `text` not known yet, up to `limit` words in all.
    mutating func keep(wordsOf text: String, limit: Int, foldCache: inout [String: String]) {
        scan(text, limit: limit, hidden: false, foldCache: &foldCache)
    }

    /// `keep(wordsOf:limit:foldCache:)` of a text read in place as bytes (a body's plain text).
    mutating func keep(wordsOf text: UTF8Text, limit: Int, foldCache: inout [String: String]) {
        text.bytes.withUnsafeBufferPointer { scan($0, limit: limit, hidden: false, foldCache: &foldCache) }
    }

    /// The kept words as one space-separated string.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    private mutating func scan(_ text: String, limit: Int, hidden: Bool, foldCache: inout [String: String]) {
        var text = text
        text.withUTF8 { scan($0, limit: limit, hidden: hidden, foldCache: &foldCache) }
    }

    private mutating func scan(_ utf8: UnsafeBufferPointer<UInt8>, limit: Int, hidden: Bool, foldCache: inout [String: String]) {
        SearchWords.byteClasses.withUnsafeBufferPointer { byteClasses in
            let end = utf8.count
            var index = 0
            while index < end {
                if !hidden && count >= limit { return }
                // A word: a run of ASCII letters and digits and of other letters and digits.
                var byteClass = byteClasses[Int(utf8[index])]
                if byteClass == SearchWords.separator {
                    index += 1
                    continue
                }
                let start = index
                var classes: UInt8 = 0
                // ASCII letters and digits in a tight loop; another letter by its scalar.
                while index < end {
                    byteClass = byteClasses[Int(utf8[index])]
                    if byteClass & SearchWords.asciiLetterOrDigit != 0 {
                        classes |= byteClass
                        index &+= 1
                    } else if byteClass == SearchWords.notASCII {
                        let length = SearchWords.letterLength(utf8, at: index)
                        guard length > 0 else { break }
                        index = min(index + length, end) // a scalar cut short at the end (bytes not UTF-8) ends there
                        classes |= byteClass
                    } else {
                        break
                    }
                }
                if index == start {
                    // Not a letter: skip the whole scalar.
                    index = min(index + SearchWords.scalarLength(utf8[index]), end)
                    continue
                }
                add(UnsafeBufferPointer(rebasing: utf8[start..<index]), isASCII: classes & SearchWords.notASCII == 0,
                    hasUpper: classes & SearchWords.upper != 0, hidden: hidden, foldCache: &foldCache)
            }
        }
    }

    /// What a byte is to the scan (`byteClasses`): flags, or-ed over a word's bytes.
    private static let separator: UInt8 = 0, lowerOrDigit: UInt8 = 1, upper: UInt8 = 2, notASCII: UInt8 = 4
    private static let asciiLetterOrDigit = lowerOrDigit | upper

    /// The class of each byte value: ASCII letters and digits, other ASCII (separators), and the
    /// lead and continuation bytes of other scalars (told apart by `letterLength`).
    private static let byteClasses: [UInt8] = (0...255).map { (byte: Int) -> UInt8 in
        switch byte {
        case 0x61...0x7A, 0x30...0x39: return lowerOrDigit
        case 0x41...0x5A: return upper
        case 0x80...: return notASCII
        default: return separator
        }
    }

    @inline(__always)
    private static func scalarLength(_ lead: UInt8) -> Int {
        lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
    }

    /// The length in bytes of the scalar at `index` (not ASCII) when it is a letter or a digit, else 0.
    private static func letterLength(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = utf8[index]
        let length = scalarLength(byte)
        var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length where index + offset < utf8.count {
            value = value << 6 | UInt32(utf8[index + offset] & 0x3F)
        }
        // Latin-1 and Latin Extended-A and -B letters (all of U+00C0–U+024F but × and ÷)
        // without the Unicode tables, the rest through them.
        if value >= 0xC0 && value <= 0x24F && value != 0xD7 && value != 0xF7 { return length }
        let scalar = Unicode.Scalar(value) ?? " "
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil ? length : 0
    }

    /// Adds the folded form of `word` unless it is known, or too short.
    private mutating func add(_ word: UnsafeBufferPointer<UInt8>, isASCII: Bool, hasUpper: Bool, hidden: Bool,
                              foldCache: inout [String: String]) {
        guard word.count >= 2 else { return }
        if isASCII && !hasUpper {
            insert(word, hidden: hidden)
            return
        }
        guard raw.insert(word) else { return }
        scratch.removeAll(keepingCapacity: true)
        if isASCII {
            for byte in word { scratch.append(byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte) }
        } else if TextFolding.foldLatin(word, into: &scratch) {
            // Letters of French and other Latin-script languages are folded byte by byte.
            guard scratch.count >= 2, scratch.allSatisfy({ $0 < 0x80 }) || String(decoding: scratch, as: UTF8.self).count >= 2 else { return }
        } else {
            // `foldLatin` stopped at a letter outside its table: what it wrote is dropped.
            scratch.removeAll(keepingCapacity: true)
            let rawText = String(decoding: word, as: UTF8.self)
            let foldedText: String
            if let known = foldCache[rawText] {
                foldedText = known
            } else {
                foldedText = TextFolding.fold(rawText)
                foldCache[rawText] = foldedText
            }
            guard foldedText.count >= 2 else { return }
            scratch.append(contentsOf: foldedText.utf8)
        }
        let foldedWord = scratch // `insert` cannot read `scratch` while it may change `self`.
        foldedWord.withUnsafeBufferPointer { insert($0, hidden: hidden) }
    }

    /// Adds the folded `word` unless it is known.
    private mutating func insert(_ word: UnsafeBufferPointer<UInt8>, hidden: Bool) {
        guard folded.insert(word), !hidden else { return }
        if !bytes.isEmpty { bytes.append(0x20) }
        bytes.append(contentsOf: word)
        count += 1
    }

    /// A set of byte strings: their bytes end to end in one buffer, found through an
    /// open-addressing table of FNV-1a hashes. In memory of its own, not arrays: an array's
    /// append and subscript checks cost more than the hash (a build makes a million inserts).
    /// A class, which frees that memory; a `SearchWords` is never copied while it is filled.
    private final class ByteSet {
        private var storage: UnsafeMutablePointer<UInt8>
        private var storageCount = 0, storageCapacity = 1_024
        /// Slots of the table (a power of two of them): 0 when empty, else 1 + the index of the word in `words`.
        private var slots: UnsafeMutablePointer<Int32>
        private var slotCount = 256
        /// Per word: where it starts in `storage`, its length, its hash (compared before the bytes).
        private var words: UnsafeMutablePointer<Word>
        private var wordCount = 0
        private struct Word {
            var start: Int32, length: Int32, hash: UInt32
        }

        init() {
            storage = .allocate(capacity: storageCapacity)
            slots = .allocate(capacity: slotCount)
            slots.initialize(repeating: 0, count: slotCount)
            // At most half the slots are taken: `slotCount / 2` words fit before the table grows.
            words = .allocate(capacity: slotCount / 2)
        }

        deinit {
            storage.deallocate()
            slots.deallocate()
            words.deallocate()
        }

        /// Adds `word`; false when it was there already.
        func insert(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
            let hash = ByteSet.hash(word)
            let mask = slotCount - 1
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 {
                let known = words[Int(slots[slot]) - 1]
                if known.hash == hash, Int(known.length) == word.count,
                   word.isEmpty || memcmp(storage + Int(known.start), word.baseAddress!, word.count) == 0 {
                    return false
                }
                slot = (slot + 1) & mask
            }
            if storageCount + word.count > storageCapacity {
                storageCapacity = max(storageCapacity * 2, storageCount + word.count)
                let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: storageCapacity)
                grown.initialize(from: storage, count: storageCount)
                storage.deallocate()
                storage = grown
            }
            if let bytes = word.baseAddress { (storage + storageCount).initialize(from: bytes, count: word.count) }
            words[wordCount] = Word(start: Int32(storageCount), length: Int32(word.count), hash: hash)
            storageCount += word.count
            wordCount += 1
            slots[slot] = Int32(wordCount)
            if wordCount * 2 >= slotCount { grow() }
            return true
        }

        private func grow() {
            slots.deallocate()
            slotCount *= 2
            slots = .allocate(capacity: slotCount)
            slots.initialize(repeating: 0, count: slotCount)
            let grownWords = UnsafeMutablePointer<Word>.allocate(capacity: slotCount / 2)
            grownWords.initialize(from: words, count: wordCount)
            words.deallocate()
            words = grownWords
            let mask = slotCount - 1
            for index in 0..<wordCount {
                var slot = Int(truncatingIfNeeded: words[index].hash) & mask
                while slots[slot] != 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(index + 1)
            }
        }

        /// FNV-1a of a word's bytes, folded to 32 bits.
        @inline(__always)
        private static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt32 {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in word { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            return UInt32(truncatingIfNeeded: hash ^ (hash >> 32))
        }
    }
}
