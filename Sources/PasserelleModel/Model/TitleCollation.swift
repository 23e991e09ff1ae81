import Foundation

/// Orders titles the way a reader of a language expects (ICU collation: `Événements` with `E`).
public struct TitleCollation: Sendable {
    public let locale: Locale

    public init(locale: String) { self.locale = Locale(identifier: locale) }

    /// Titles made ready for many comparisons: each is bridged once, folded once, and compared
    /// with one `NSLocale` (comparing through `String.compare(_:options:range:locale:)` made a
    /// `CFLocale` per call).
    public struct Prepared {
        let plain: [String]
        let bridged: [NSString]
        /// The simple keys (`simpleKey`) one after the other, and where each title's is (nil for
        /// a title without one): compared in place, not copied out of an array of arrays.
        let simpleBytes: [UInt8]
        let simple: [Range<Int>?]
        let locale: NSLocale

        /// Whether title `i` comes before title `j` (false when they are equal).
        public func inOrder(_ i: Int, _ j: Int) -> Bool { order(i, j) < 0 }

        /// -1, 0 or 1: title `i` before title `j`, the same, or after it. Two titles with simple
        /// keys that differ are in the order of their keys, without comparing the titles first
        /// (equal titles have equal keys; `==` on long accented titles was half of a sort).
        @usableFromInline
        package func order(_ i: Int, _ j: Int) -> Int {
            if let x = simple[i], let y = simple[j] {
                // The keys' byte order (`lexicographicallyPrecedes`), by memcmp.
                let order = simpleBytes.withUnsafeBufferPointer { bytes -> Int32 in
                    let common = min(x.count, y.count)
                    return common == 0 ? 0 : memcmp(bytes.baseAddress! + x.lowerBound, bytes.baseAddress! + y.lowerBound, common)
                }
                if order != 0 { return order < 0 ? -1 : 1 }
                if x.count != y.count { return x.count < y.count ? -1 : 1 }
            }
            if plain[i] == plain[j] { return 0 }
            return TitleCollation.icuInOrder(bridged[i], bridged[j], locale: locale) ? -1 : 1
        }
    }

    public func prepare(_ titles: [String]) -> Prepared {
        var bytes: [UInt8] = [], ranges: [Range<Int>?] = []
        ranges.reserveCapacity(titles.count)
        for title in titles {
            guard let key = TitleCollation.simpleKey(title) else { ranges.append(nil); continue }
            ranges.append(bytes.count..<(bytes.count + key.count))
            bytes += key
        }
        return Prepared(plain: titles, bridged: titles.map { $0 as NSString }, simpleBytes: bytes, simple: ranges,
                        locale: NSLocale(localeIdentifier: locale.identifier))
    }

    /// `items` sorted by `title` in this collation, then by `tieBreak` where titles are equal.
    /// Inlinable, so that it is specialized where it is used: generic, its copies of the items
    /// (a tuple of an id and a title, for the A–Z order) went through the runtime's witnesses.
    @inlinable
    public func sorted<Item, Key: Comparable>(_ items: [Item], title: (Item) -> String, tieBreak: (Item) -> Key) -> [Item] {
        let titles = prepare(items.map(title))
        let keys = items.map(tieBreak)
        let order = items.indices.sorted { i, j in
            let order = titles.order(i, j)
            return order < 0 || (order == 0 && keys[i] < keys[j])
        }
        return order.map { items[$0] }
    }

    /// For titles made, once folded, only of ASCII letters, digits and spaces: the folded bytes,
    /// whose byte order is the collation's primary order (space < digits < letters, accents and
    /// case ignored). Two titles with different keys are ordered by them without asking ICU.
    static func simpleKey(_ title: String) -> [UInt8]? {
        let folded = TextFolding.fold(title)
        for byte in folded.utf8 where !(byte == 0x20 || (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte)) { return nil }
        return Array(folded.utf8)
    }

    /// Whether `a` comes before `b`, asking ICU for each comparison (for a few titles; `prepare` for many).
    public func areInOrder(_ a: String, _ b: String) -> Bool {
        TitleCollation.icuInOrder(a as NSString, b as NSString, locale: NSLocale(localeIdentifier: locale.identifier))
    }

    /// ICU's order: letters ignoring case and accents, then with them, then by Unicode scalars.
    private static func icuInOrder(_ a: NSString, _ b: NSString, locale: NSLocale) -> Bool {
        func compare(_ options: NSString.CompareOptions) -> ComparisonResult {
            a.compare(b as String, options: options, range: NSRange(location: 0, length: a.length), locale: locale)
        }
        let primary = compare([.caseInsensitive, .diacriticInsensitive])
        if primary != .orderedSame { return primary == .orderedAscending }
        let secondary = compare([])
        if secondary != .orderedSame { return secondary == .orderedAscending }
        return (a as String).unicodeScalars.lexicographicallyPrecedes((b as String).unicodeScalars)
    }
}
