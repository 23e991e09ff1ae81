import Foundation

/// Orders titles the way a reader of a language expects (ICU collation: `Événements` with `E`).
public struct TitleCollation: Sendable {
    public let locale: Locale

    public init(locale: String) { self.locale = Locale(identifier: locale) }

    /// `items` sorted by `title` in this collation, then by `tieBreak` where titles are equal.
    /// Each title is bridged once, and the locale is passed as the `NSLocale` Foundation wants:
    /// comparing through `String.compare(_:options:range:locale:)` made a `CFLocale` per call.
    public func sorted<Item>(_ items: [Item], title: (Item) -> String, tieBreak: (Item) -> String) -> [Item] {
        let plain = items.map(title)
        let titles = plain.map { $0 as NSString }
        let keys = items.map(tieBreak)
        let nsLocale = NSLocale(localeIdentifier: locale.identifier)
        func compare(_ a: NSString, _ b: NSString, _ options: NSString.CompareOptions) -> ComparisonResult {
            a.compare(b as String, options: options, range: NSRange(location: 0, length: a.length), locale: nsLocale)
        }
        let order = items.indices.sorted { i, j in
            let a = titles[i], b = titles[j]
            if plain[i] == plain[j] { return keys[i] < keys[j] }
            let primary = compare(a, b, [.caseInsensitive, .diacriticInsensitive])
            if primary != .orderedSame { return primary == .orderedAscending }
            let secondary = compare(a, b, [])
            if secondary != .orderedSame { return secondary == .orderedAscending }
            return plain[i].unicodeScalars.lexicographicallyPrecedes(plain[j].unicodeScalars)
        }
        return order.map { items[$0] }
    }

    public func areInOrder(_ a: String, _ b: String) -> Bool {
        let primary = a.compare(b, options: [.caseInsensitive, .diacriticInsensitive], range: nil, locale: locale)
        if primary != .orderedSame { return primary == .orderedAscending }
        let secondary = a.compare(b, options: [], range: nil, locale: locale)
        if secondary != .orderedSame { return secondary == .orderedAscending }
        return a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
    }
}
