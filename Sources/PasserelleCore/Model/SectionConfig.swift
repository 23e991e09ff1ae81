/// A content section as declared in `site.yaml`: its folder, kind, localized slugs and titles.
public struct SectionConfig: Hashable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case entry, event, page
    }

    public let name: String
    public let kind: Kind
    public let slugs: [String: String]
    public let titles: [String: String]

    public func slug(in language: String) -> String { slugs[language] ?? name }
    public func title(in language: String) -> String { titles[language] ?? name }
}
