/// An entry as published in one site language: where it goes and what it shows.
public struct EntryPage: Sendable {
    /// The language of the site this page belongs to.
    public let language: String
    /// The language the text is actually written in (differs on a fallback page).
    public let textLanguage: String
    public let slug: String
    /// Path of the written file, relative to the output root: `fr/recommandations/calendrier/index.html`.
    public let outputPath: String
    public var html: String = ""
    public var headingIDs: [String] = []
    /// The body without markup.
    public var plainText: String = ""
    /// Entry ids named in `related`, in order.
    public var related: [String] = []
    /// Entry ids referenced from the body, in order of first appearance.
    public var bodyReferences: [String] = []
    /// Entry ids that reference this entry from their page in the same language, sorted.
    public var backlinks: [String] = []

    public var isFallback: Bool { language != textLanguage }
}
