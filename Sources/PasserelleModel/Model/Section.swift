/// A section of the built site: its settings, its entries in display order, its intro texts.
public struct Section: Sendable {
    public let config: SectionConfig
    /// Entry ids, in listing order per language (weight, then title by the language's collation).
    public let orderedEntries: LanguageTable<[EntryID]>
    /// Rendered intro (`_index.<lang>.md`) per language, if any.
    public let intros: LanguageTable<RenderedText?>

    /// Every stored property, as the memberwise initializer takes them (visible to the other stages).
    package init(config: SectionConfig, orderedEntries: LanguageTable<[EntryID]>, intros: LanguageTable<RenderedText?>) {
        self.config = config
        self.orderedEntries = orderedEntries
        self.intros = intros
    }
}

/// A rendered text that is not an entry: a section intro or the home page intro.
public struct RenderedText: Sendable {
    public let title: String?
    public let html: String
    public let textLanguage: LanguageCode

    /// Every stored property, as the memberwise initializer takes them (visible to the other stages).
    package init(title: String?, html: String, textLanguage: LanguageCode) {
        self.title = title
        self.html = html
        self.textLanguage = textLanguage
    }
}
