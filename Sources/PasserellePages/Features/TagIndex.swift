import PasserelleMarkdown
import PasserelleModel
import PasserelleTemplates
/// The tags of one language, each with a URL slug and its entries in title order.
public struct TagIndex: Sendable {
    public struct Tag: Sendable {
        public let name: String
        public let slug: String
        public let entryIDs: [EntryID]
    }

    /// Tags sorted by the language's collation.
    public let tags: [Tag]

    /// The slugs of the tags of `language`, without ordering anything.
    public static func slugs(site: Site, language: LanguageCode) -> Set<String> {
        var slugs = Set<String>()
        for entry in site.entries.values {
            for name in entry.variant(for: language, order: site.languageCodes).metadata.tags { slugs.insert(slug(for: name)) }
        }
        slugs.remove("")
        return slugs
    }

    public init(site: Site, language: LanguageCode) {
        let collation = TitleCollation(locale: site.config.locale(of: language))
        var names: [String: String] = [:]
        var members: [String: [(EntryID, String)]] = [:]
        for entry in site.entries.values {
            let meta = entry.variant(for: language, order: site.languageCodes).metadata
            for name in meta.tags {
                let slug = TagIndex.slug(for: name)
                guard !slug.isEmpty else { continue }
                if names[slug].map({ collation.areInOrder(name, $0) }) ?? true { names[slug] = name }
                if !(members[slug] ?? []).contains(where: { $0.0 == entry.id }) { members[slug, default: []].append((entry.id, meta.title)) }
            }
        }
        tags = names.map { slug, name in
            Tag(name: name, slug: slug, entryIDs: members[slug, default: []].sorted { a, b in
                a.1 == b.1 ? a.0 < b.0 : collation.areInOrder(a.1, b.1)
            }.map(\.0))
        }.sorted { a, b in a.name == b.name ? a.slug < b.slug : collation.areInOrder(a.name, b.name) }
    }

    /// `Phase 1` → `phase-1`, `Éducation` → `education`.
    public static func slug(for name: String) -> String { HeadingID.make(from: name) }
}
