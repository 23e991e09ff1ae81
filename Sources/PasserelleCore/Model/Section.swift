/// A section of the built site: its settings, its entries in display order, its intro texts.
public struct Section: Sendable {
    public let config: SectionConfig
    /// Entry ids, in listing order per language (weight, then title by the language's collation).
    public let orderedEntries: [String: [String]]
    /// Rendered intro (`_index.<lang>.md`) per language, if any.
    public let intros: [String: RenderedText]
}

/// A rendered text that is not an entry: a section intro or the home page intro.
public struct RenderedText: Sendable {
    public let title: String?
    public let html: String
    public let textLanguage: String
}
