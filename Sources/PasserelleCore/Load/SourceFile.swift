/// One content file as read from disk: where it is, what it is named, and its text.
public struct SourceFile: Sendable {
    /// The path shown in diagnostics, e.g. `content/events/tunis-2005.fr.md`.
    public let displayPath: String
    /// The path inside the content folder, e.g. `events/tunis-2005.fr.md`.
    public let relativePath: String
    /// The section folder, or nil for files at the content root (the home page intro).
    public let section: String?
    public let slug: String
    public let language: String
    /// `_index.<lang>.md`: the intro of a section listing (or of the home page at the root).
    public let isIndex: Bool
    /// The text with any byte-order mark removed and line endings normalised to `\n`.
    public let text: String

    public var id: String { section.map { "\($0)/\(slug)" } ?? slug }
}
