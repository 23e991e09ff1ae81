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

    /// The default slugs of generated pages, when `site.yaml` does not set them under `paths`.
    public static let defaultGeneratedSlugs: [String: [String: String]] = [
        "az": ["fr": "index-a-z", "en": "a-z"],
        "tags": ["fr": "mots-cles", "en": "tags"],
        "search": ["fr": "recherche", "en": "search"],
    ]

    /// The slug of a generated page (`az`, `tags`, `search`) in `language`.
    public func generatedSlug(_ page: String, _ language: String) -> String {
        generatedSlugs[page]?[language] ?? SiteConfig.defaultGeneratedSlugs[page]?[language] ?? page
    }

    public var defaultLanguage: Language { languages[0] }

    /// The same settings published at another address (`--base-url`, for previews).
    public func with(baseURL: String) -> SiteConfig {
        SiteConfig(title: title, baseURL: baseURL.hasSuffix("/") ? baseURL : baseURL + "/", languages: languages, theme: theme,
                   sections: sections, unsafeHTML: unsafeHTML, generatedSlugs: generatedSlugs)
    }
    public var languageCodes: [String] { languages.map(\.code) }

    public func section(named name: String) -> SectionConfig? { sections.first { $0.name == name } }
    public func language(_ code: String) -> Language? { languages.first { $0.code == code } }
    public func title(in language: String) -> String { title[language] ?? title[defaultLanguage.code] ?? "" }

    /// Every stored property, as the memberwise initializer takes them (visible to the other stages).
    package init(title: [String: String], baseURL: String, languages: [Language], theme: String, sections: [SectionConfig], unsafeHTML: Bool, generatedSlugs: [String: [String: String]]) {
        self.title = title
        self.baseURL = baseURL
        self.languages = languages
        self.theme = theme
        self.sections = sections
        self.unsafeHTML = unsafeHTML
        self.generatedSlugs = generatedSlugs
    }
}
