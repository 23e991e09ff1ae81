import Foundation

/// A language the site is published in: its code (`fr`), its own name and its ICU locale.
public struct Language: Hashable, Sendable {
    public let code: LanguageCode
    public let name: String
    public let locale: String
    /// Whether the language is written right to left (CLDR, from the locale): `<html dir="rtl">`.
    /// Read once here: every page's chrome asks it of every language.
    public let isRightToLeft: Bool

    public init(code: LanguageCode, name: String, locale: String) {
        self.code = code
        self.name = name
        self.locale = locale
        isRightToLeft = Language.isRightToLeft(locale)
    }

    public var foundationLocale: Locale { Locale(identifier: locale) }

    public static func isRightToLeft(_ locale: String) -> Bool {
        Locale.Language(identifier: locale).characterDirection == .rightToLeft
    }

    /// The language's name in its own words, from CLDR ("français" → "Français", "العربية"),
    /// for a `languages:` item without `name`; the code where CLDR has none.
    public static func autonym(_ code: String, locale: String) -> String {
        let own = Locale(identifier: locale)
        guard let name = own.localizedString(forLanguageCode: code), !name.isEmpty else { return code }
        return name.prefix(1).uppercased(with: own) + name.dropFirst()
    }
}
