/// One content file as read from disk: where it is, what it is named, and its text.
///
/// Immutable, and a class: every text, render job and diagnostic of the file refers to it, and
/// a reference is one retain where a copy of its eight fields was eight (on other cores' cache lines).
public final class SourceFile: Sendable {
    /// The path shown in diagnostics, e.g. `content/events/tunis-2005.fr.md`.
    public let displayPath: String
    /// The path inside the content folder, e.g. `events/tunis-2005.fr.md`.
    public let relativePath: String
    /// The section folder, or nil for files at the content root (the home page intro).
    public let section: String?
    public let slug: String
    public let language: LanguageCode
    /// `_index.<lang>.md`: the intro of a section listing (or of the home page at the root).
    public let isIndex: Bool
    /// The text with any byte-order mark removed and line endings normalised to `\n`.
    public let text: String
    /// The file's bytes, when they are not `text`'s (a byte-order mark or CR line endings were removed).
    public let original: [UInt8]?

    /// `<section>/<slug>`: the entry the file is a text of (made once: resolving reads it often).
    public let id: EntryID

    public convenience init(displayPath: String, relativePath: String, section: String?, slug: String, language: LanguageCode,
                isIndex: Bool, text: String, original: [UInt8]? = nil) {
        self.init(displayPath: displayPath, relativePath: relativePath, section: section, slug: slug, language: language,
                  isIndex: isIndex, text: text, original: original, id: EntryID(section.map { $0 + "/" + slug } ?? slug))
    }

    /// The same, given the id its section and slug most likely name (a snapshot read back knows
    /// its entry's): taken when it is that id, so that it is not made again.
    package convenience init(displayPath: String, relativePath: String, section: String?, slug: String, language: LanguageCode,
                             isIndex: Bool, text: String, likelyID: EntryID) {
        let idText = section.map { $0 + "/" + slug } ?? slug
        self.init(displayPath: displayPath, relativePath: relativePath, section: section, slug: slug, language: language,
                  isIndex: isIndex, text: text, original: nil, id: likelyID.rawValue == idText ? likelyID : EntryID(idText))
    }

    private init(displayPath: String, relativePath: String, section: String?, slug: String, language: LanguageCode,
                 isIndex: Bool, text: String, original: [UInt8]?, id: EntryID) {
        self.displayPath = displayPath
        self.relativePath = relativePath
        self.section = section
        self.slug = slug
        self.language = language
        self.isIndex = isIndex
        self.text = text
        self.original = original
        self.id = id
    }

    /// The same file without its text: what a site keeps of a file once its body is rendered.
    public var withoutText: SourceFile {
        SourceFile(displayPath: displayPath, relativePath: relativePath, section: section, slug: slug, language: language,
                   isIndex: isIndex, text: "", original: nil, id: id)
    }

    /// The file's git blob id, as `git hash-object` gives it (`GitBlobID`).
    public var blobID: String { original.map { GitBlobID.of($0) } ?? GitBlobID.of(text.utf8) }
}
