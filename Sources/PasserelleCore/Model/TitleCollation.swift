import Foundation

/// Orders titles the way a reader of a language expects (ICU collation: `Événements` with `E`).
public struct TitleCollation: Sendable {
    public let locale: Locale

    public init(locale: String) { self.locale = Locale(identifier: locale) }

    public func areInOrder(_ a: String, _ b: String) -> Bool {
        let primary = a.compare(b, options: [.caseInsensitive, .diacriticInsensitive], range: nil, locale: locale)
        if primary != .orderedSame { return primary == .orderedAscending }
        let secondary = a.compare(b, options: [], range: nil, locale: locale)
        if secondary != .orderedSame { return secondary == .orderedAscending }
        return a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
    }
}
