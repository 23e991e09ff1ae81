/// One piece of content, identified by `<section>/<slug>`, with its text in one or more languages.
///
/// A value with its fields in one shared box (copied on write): pages, lists and links read
/// entries out of the site's table all the time, and a copy is then one retain, not seven.
public struct Entry: Sendable {
    /// The fields, immutable, shared by every copy of the entry.
    private final class Fields: Sendable {
        let id: String
        let section: SectionConfig
        let fileSlug: String
        let variants: [String: EntryVariant]
        let pages: [String: EntryPage]

        init(id: String, section: SectionConfig, fileSlug: String, variants: [String: EntryVariant], pages: [String: EntryPage]) {
            self.id = id
            self.section = section
            self.fileSlug = fileSlug
            self.variants = variants
            self.pages = pages
        }
    }

    private var storage: Fields

    public init(id: String, section: SectionConfig, fileSlug: String, variants: [String: EntryVariant], pages: [String: EntryPage] = [:]) {
        storage = Fields(id: id, section: section, fileSlug: fileSlug, variants: variants, pages: pages)
    }

    public var id: String { storage.id }
    public var section: SectionConfig { storage.section }
    /// The slug from the file name, shared by all translations.
    public var fileSlug: String { storage.fileSlug }
    /// The texts that exist, by language code.
    public var variants: [String: EntryVariant] { storage.variants }
    /// The page of this entry in each site language (a fallback page where the translation is missing).
    /// Setting it puts the fields in a new box: the shared one is never written.
    public var pages: [String: EntryPage] {
        get { storage.pages }
        set { storage = Fields(id: storage.id, section: storage.section, fileSlug: storage.fileSlug, variants: storage.variants, pages: newValue) }
    }

    /// The text shown to readers of `language`: its own, else the first available in site order.
    public func variant(for language: String, order: [String]) -> EntryVariant {
        let variants = storage.variants
        if let own = variants[language] { return own }
        for code in order { if let other = variants[code] { return other } }
        return variants.values.sorted { $0.language < $1.language }[0]
    }
}

/// The text of an entry in one language, as parsed from its file.
///
/// A class, immutable: every page, link and list that shows an entry reads its text, and
/// passing one reference costs one retain where a copy of the fields cost twenty.
public final class EntryVariant: Sendable {
    public let language: String
    public let metadata: EntryMetadata
    public let body: String
    public let bodyFirstLine: Int
    public let source: SourceFile

    public init(language: String, metadata: EntryMetadata, body: String, bodyFirstLine: Int, source: SourceFile) {
        self.language = language
        self.metadata = metadata
        self.body = body
        self.bodyFirstLine = bodyFirstLine
        self.source = source
    }

    public var slug: String? { metadata.slug }
}
