import Foundation

/// The whole site, resolved and rendered to HTML fragments: built once, then only read by the writers.
public struct Site: Sendable {
    public let config: SiteConfig
    public let sections: [Section]
    public let entries: [String: Entry]
    /// Home page intro (`content/_index.<lang>.md`) per language.
    public let homeIntros: [String: RenderedText]
    /// Content assets, relative to `content/assets/`.
    public let assets: [String]
    /// The build's clock: `SOURCE_DATE_EPOCH` when set.
    public let buildDate: Date

    public var languageCodes: [String] { config.languageCodes }

    public func section(named name: String) -> Section? { sections.first { $0.config.name == name } }

    /// Every stored property, as the memberwise initializer takes them (visible to the other stages).
    package init(config: SiteConfig, sections: [Section], entries: [String: Entry], homeIntros: [String: RenderedText], assets: [String], buildDate: Date) {
        self.config = config
        self.sections = sections
        self.entries = entries
        self.homeIntros = homeIntros
        self.assets = assets
        self.buildDate = buildDate
    }
}
