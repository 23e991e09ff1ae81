/// A content section as declared in `site.yaml`: its folder, kind, localized slugs and titles.
public struct SectionConfig: Hashable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case entry, event, page
    }

    public let name: String
    public let kind: Kind
    public let slugs: [String: String]
    public let titles: [String: String]
    /// Its typed front-matter keys, in declared order.
    public let fields: [FieldDefinition]
    /// What makes its listing a catalog, if anything.
    public let catalog: CatalogConfig?

    public func field(named name: String) -> FieldDefinition? { fields.first { $0.name == name } }

    public func slug(in language: LanguageCode) -> String { slugs[language.rawValue] ?? name }
    public func title(in language: LanguageCode) -> String { titles[language.rawValue] ?? name }

    /// Every stored property, as the memberwise initializer takes them (visible to the other stages).
    package init(name: String, kind: Kind, slugs: [String: String], titles: [String: String],
                 fields: [FieldDefinition] = [], catalog: CatalogConfig? = nil) {
        self.fields = fields
        self.catalog = catalog
        self.name = name
        self.kind = kind
        self.slugs = slugs
        self.titles = titles
    }
}
