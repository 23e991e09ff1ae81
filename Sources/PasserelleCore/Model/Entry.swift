/// One piece of content, identified by `<section>/<slug>`, with its text in one or more languages.
public struct Entry: Sendable {
    public let id: String
    public let section: SectionConfig
    /// The slug from the file name, shared by all translations.
    public let fileSlug: String
    /// The texts that exist, by language code.
    public let variants: [String: EntryVariant]
    /// The page of this entry in each site language (a fallback page where the translation is missing).
    public var pages: [String: EntryPage] = [:]

    /// The text shown to readers of `language`: its own, else the first available in site order.
    public func variant(for language: String, order: [String]) -> EntryVariant {
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
