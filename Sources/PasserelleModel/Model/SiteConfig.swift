import Foundation

/// The settings of a site, read from `content/site.yaml`.
public struct SiteConfig: Sendable {
    public let title: [String: String]
    public let baseURL: String
    public let languages: [Language]
    public let theme: String
    public let sections: [SectionConfig]
    public let unsafeHTML: Bool
    /// Slugs of the generated pages per language: `az`, `tags`, `search`.
    public let generatedSlugs: [String: [String: String]]
    /// The most a page's HTML may weigh (`budget: { page: 60KB }`), or nil.
    public let pageBudget: PageBudget?

    /// The default slugs of generated pages, when `site.yaml` does not set them under `paths`.
    public static let defaultGeneratedSlugs: [String: [String: String]] = [
        "az": ["fr": "index-a-z", "en": "a-z"],
        "tags": ["fr": "mots-cles", "en": "tags"],
        "search": ["fr": "recherche", "en": "search"],
    ]

    /// The slug of a generated page (`az`, `tags`, `search`) in `language`.
    public func generatedSlug(_ page: String, _ language: LanguageCode) -> String {
        generatedSlugs[page]?[language.rawValue] ?? SiteConfig.defaultGeneratedSlugs[page]?[language.rawValue] ?? page
    }

    public var defaultLanguage: Language { languages[0] }

    /// The same settings published at another address (`--base-url`, for previews).
    public func with(baseURL: String) -> SiteConfig {
        SiteConfig(title: title, baseURL: baseURL.hasSuffix("/") ? baseURL : baseURL + "/", languages: languages, theme: theme,
                   sections: sections, unsafeHTML: unsafeHTML, generatedSlugs: generatedSlugs, pageBudget: pageBudget)
    }
    public var languageCodes: [LanguageCode] { languages.map(\.code) }

    public func section(named name: String) -> SectionConfig? { sections.first { $0.name == name } }
    public func language(_ code: String) -> Language? { languages.first { $0.code.rawValue == code } }

    /// Whether the site language `code` is written right to left.
    public func isRightToLeft(_ code: LanguageCode) -> Bool { languages.first { $0.code == code }?.isRightToLeft ?? false }
    /// The ICU locale of one of the site's languages (its code, for a code the site does not have).
    public func locale(of code: LanguageCode) -> String { languages.first { $0.code == code }?.locale ?? code.rawValue }
    public func foundationLocale(of code: LanguageCode) -> Locale { Locale(identifier: locale(of: code)) }
    public func title(in language: LanguageCode) -> String { title[language.rawValue] ?? title[defaultLanguage.code.rawValue] ?? "" }

    /// Every stored property, as the memberwise initializer takes them (visible to the other stages).
    package init(title: [String: String], baseURL: String, languages: [Language], theme: String, sections: [SectionConfig], unsafeHTML: Bool,
                 generatedSlugs: [String: [String: String]], pageBudget: PageBudget? = nil) {
        self.pageBudget = pageBudget
        self.title = title
        self.baseURL = baseURL
        self.languages = languages
        self.theme = theme
        self.sections = sections
        self.unsafeHTML = unsafeHTML
        self.generatedSlugs = generatedSlugs
    }
}

/// The weight budget of a page: its HTML file's size, at most `bytes`.
public struct PageBudget: Sendable, Equatable {
    public let bytes: Int
    /// As `site.yaml` writes it (`60KB`).
    public let text: String
    /// Where `site.yaml` sets it: the warnings for pages over it point there.
    public let location: SourceLocation

    public init(bytes: Int, text: String, location: SourceLocation) {
        self.bytes = bytes
        self.text = text
        self.location = location
    }

    /// The bytes of a size written `60KB`, `60 KB`, `1.5MB` or `50000` (KB: 1,024 bytes; MB: 1,024 KB), or nil.
    public static func bytes(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased()
        let units: [(String, Double)] = [("KIB", 1024), ("MIB", 1_048_576), ("KB", 1024), ("MB", 1_048_576), ("K", 1024), ("M", 1_048_576), ("B", 1)]
        var number = Substring(trimmed), scale = 1.0
        for (unit, factor) in units where trimmed.hasSuffix(unit) {
            number = trimmed.dropLast(unit.count)
            scale = factor
            break
        }
        guard let value = Double(number.trimmingCharacters(in: .whitespaces)), value > 0, value.isFinite else { return nil }
        return Int((value * scale).rounded())
    }
}
