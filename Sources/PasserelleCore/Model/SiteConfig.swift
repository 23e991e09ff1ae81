/// The settings of a site, read from `content/site.yaml`.
public struct SiteConfig: Sendable {
    public let title: [String: String]
    public let baseURL: String
    public let languages: [Language]
    public let theme: String
    public let sections: [SectionConfig]
    public let unsafeHTML: Bool

    public var defaultLanguage: Language { languages[0] }
    public var languageCodes: [String] { languages.map(\.code) }

    public func section(named name: String) -> SectionConfig? { sections.first { $0.name == name } }
    public func language(_ code: String) -> Language? { languages.first { $0.code == code } }
    public func title(in language: String) -> String { title[language] ?? title[defaultLanguage.code] ?? "" }
}
