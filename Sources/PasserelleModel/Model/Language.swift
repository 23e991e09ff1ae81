import Foundation

/// A language the site is published in: its code (`fr`), its own name and its ICU locale.
public struct Language: Hashable, Sendable {
    public let code: LanguageCode
    public let name: String
    public let locale: String

    public init(code: LanguageCode, name: String, locale: String) {
        self.code = code
        self.name = name
        self.locale = locale
    }

    public var foundationLocale: Locale { Locale(identifier: locale) }
}
