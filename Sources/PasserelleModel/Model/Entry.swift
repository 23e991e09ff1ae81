/// One piece of content, identified by `<section>/<slug>`, with its text in one or more languages.
///
/// A value with its fields in one shared box (copied on write): pages, lists and links read
/// entries out of the site's table all the time, and a copy is then one retain, not seven.
public struct Entry: Sendable {
    /// The fields, immutable, shared by every copy of the entry.
    private final class Fields: Sendable {
        let id: EntryID
        let section: SectionConfig
        let fileSlug: String
        let variants: [LanguageCode: EntryVariant]
        /// The same texts in a list: two or three, found by comparing their short codes, not by
        /// hashing them (pages, links and lists ask for an entry's text tens of times per page).
        let variantList: [EntryVariant]
        let pages: LanguageTable<EntryPage>

        init(id: EntryID, section: SectionConfig, fileSlug: String, variants: [LanguageCode: EntryVariant], pages: LanguageTable<EntryPage>) {
            self.id = id
            self.section = section
            self.fileSlug = fileSlug
            self.variants = variants
            variantList = variants.values.sorted { $0.language < $1.language }
            self.pages = pages
        }

        func variant(in language: LanguageCode) -> EntryVariant? {
            for variant in variantList where variant.language == language { return variant }
            return nil
        }
    }

    private var storage: Fields

    public init(id: EntryID, section: SectionConfig, fileSlug: String, variants: [LanguageCode: EntryVariant], pages: LanguageTable<EntryPage>) {
        storage = Fields(id: id, section: section, fileSlug: fileSlug, variants: variants, pages: pages)
    }

    public var id: EntryID { storage.id }
    public var section: SectionConfig { storage.section }
    /// The slug from the file name, shared by all translations.
    public var fileSlug: String { storage.fileSlug }
    /// The texts that exist, by language code.
    public var variants: [LanguageCode: EntryVariant] { storage.variants }
    /// The page of this entry in each site language (a fallback page where the translation is missing).
    /// Setting it puts the fields in a new box: the shared one is never written.
    public var pages: LanguageTable<EntryPage> {
        get { storage.pages }
        set { storage = Fields(id: storage.id, section: storage.section, fileSlug: storage.fileSlug, variants: storage.variants, pages: newValue) }
    }

    /// The text its page in `language` shows: its own, or the one its fallback page was made with.
    public func shownText(in language: LanguageCode) -> EntryVariant {
        guard let text = storage.variant(in: storage.pages[language].textLanguage) else {
            preconditionFailure("the page of '\(storage.id)' in '\(language)' shows a text the entry does not have")
        }
        return text
    }

    /// The text shown to readers of `language`: its own, else the first available in site order.
    public func variant(for language: LanguageCode, order: [LanguageCode]) -> EntryVariant {
        Entry.variant(for: language, order: order, lookup: storage.variant(in:)) { storage.variantList[0] }
    }

    /// `variant(for:order:)` among `variants` (not empty), before the entry is made.
    public static func variant(of variants: [LanguageCode: EntryVariant], for language: LanguageCode, order: [LanguageCode]) -> EntryVariant {
        variant(for: language, order: order, lookup: { variants[$0] }) { variants.values.sorted { $0.language < $1.language }[0] }
    }

    /// The rule of both: the text in `language`, else the first in site `order`, else `first` (the first by code).
    @inline(__always)
    private static func variant(for language: LanguageCode, order: [LanguageCode], lookup: (LanguageCode) -> EntryVariant?,
                                first: () -> EntryVariant) -> EntryVariant {
        if let own = lookup(language) { return own }
        for code in order { if let other = lookup(code) { return other } }
        return first()
    }
}

/// The text of an entry in one language, as parsed from its file.
///
/// A class, immutable: every page, link and list that shows an entry reads its text, and
/// passing one reference costs one retain where a copy of the fields cost twenty.
public final class EntryVariant: Sendable {
    public let language: LanguageCode
    public let metadata: EntryMetadata
    /// The Markdown after the front matter: a slice of the source's text.
    public let body: Substring
    public let bodyFirstLine: Int
    public let source: SourceFile

    /// The variant once its body is rendered into its pages: no Markdown, and its file's text only
    /// when `keepsText` (a translation records that text's version: the status page diffs it).
    public func rendered(keepsText: Bool) -> EntryVariant {
        EntryVariant(language: language, metadata: metadata, body: "", bodyFirstLine: bodyFirstLine, source: keepsText ? source : source.withoutText)
    }

    public init(language: LanguageCode, metadata: EntryMetadata, body: Substring, bodyFirstLine: Int, source: SourceFile) {
        self.language = language
        self.metadata = metadata
        self.body = body
        self.bodyFirstLine = bodyFirstLine
        self.source = source
    }

    public var slug: String? { metadata.slug }
}
