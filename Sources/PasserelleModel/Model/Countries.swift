import Foundation

/// ISO 3166-1 alpha-2 country codes, and their names in a language, from ICU (CLDR).
public enum Countries {
    /// Every assigned code (and XK, Kosovo's code in common use), upper case.
    public static let codes: Set<String> = {
        // ICU's regions that are not countries of ISO 3166-1: Ascension, Clipperton, Sark,
        // Diego Garcia, Ceuta and Melilla, the EU, the eurozone, the Canaries, outlying
        // Oceania, Tristan da Cunha, the UN.
        let notCountries: Set<String> = ["AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN"]
        return Set(Locale.Region.isoRegions.map(\.identifier).filter { $0.count == 2 && $0.allSatisfy(\.isLetter) && !notCountries.contains($0) })
    }()

    /// Codes editors write for a country whose ISO code is another.
    static let commonMistakes = ["UK": "GB", "EL": "GR"]

    /// The name of `code` in `locale`'s language ("Sénégal" in French).
    public static func name(_ code: String, locale: Locale) -> String {
        locale.localizedString(forRegionCode: code) ?? code
    }

    /// The code an editor most likely meant by `text` when it is not a code: `UK` → `GB`,
    /// `sn` → `SN`, `Senegal` or `Sénégal` → `SN` (names in `locales`), else the closest codes.
    public static func suggestions(for text: String, locales: [Locale]) -> [String] {
        let upper = text.uppercased()
        if let code = commonMistakes[upper] { return [code] }
        if codes.contains(upper) { return [upper] }
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        for locale in locales + [Locale(identifier: "en")] {
            if let code = codes.sorted().first(where: { name($0, locale: locale).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) == folded }) {
                return [code]
            }
        }
        return Suggestion.closest(to: upper, in: codes.sorted())
    }
}
