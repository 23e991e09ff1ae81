/// An entry as published in one site language: where it goes and what it shows.
///
/// A value with its fields in one shared box (copied on write): every list, link and backlink
/// that shows a page copies it out of its entry, and a copy is then one retain, not ten.
public struct EntryPage: Sendable {
    private final class Fields: @unchecked Sendable {
        // Mutated only while the box is uniquely referenced (`fields` below): never shared then.
        let language: String
        let textLanguage: String
        let slug: String
        let outputPath: String
        var html: String
        var headingIDs: [String]
        var plainText: String
        var related: [String]
        var bodyReferences: [String]
        var backlinks: [String]

        init(language: String, textLanguage: String, slug: String, outputPath: String, html: String,
             headingIDs: [String], plainText: String, related: [String], bodyReferences: [String], backlinks: [String]) {
            self.language = language
            self.textLanguage = textLanguage
            self.slug = slug
            self.outputPath = outputPath
            self.html = html
            self.headingIDs = headingIDs
            self.plainText = plainText
            self.related = related
            self.bodyReferences = bodyReferences
            self.backlinks = backlinks
        }

        func copy() -> Fields {
            Fields(language: language, textLanguage: textLanguage, slug: slug, outputPath: outputPath, html: html,
                   headingIDs: headingIDs, plainText: plainText, related: related, bodyReferences: bodyReferences, backlinks: backlinks)
        }
    }

    private var storage: Fields

    /// The box, made unique first: what a setter changes.
    private var fields: Fields {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            return storage
        }
    }

    public init(language: String, textLanguage: String, slug: String, outputPath: String, html: String = "",
                headingIDs: [String] = [], plainText: String = "", related: [String] = [],
                bodyReferences: [String] = [], backlinks: [String] = []) {
        storage = Fields(language: language, textLanguage: textLanguage, slug: slug, outputPath: outputPath, html: html,
                         headingIDs: headingIDs, plainText: plainText, related: related,
                         bodyReferences: bodyReferences, backlinks: backlinks)
    }

    /// The language of the site this page belongs to.
    public var language: String { storage.language }
    /// The language the text is actually written in (differs on a fallback page).
    public var textLanguage: String { storage.textLanguage }
    public var slug: String { storage.slug }
    /// Path of the written file, relative to the output root: `fr/recommandations/calendrier/index.html`.
    public var outputPath: String { storage.outputPath }
    public var html: String {
        get { storage.html }
        set { fields.html = newValue }
    }
    public var headingIDs: [String] {
        get { storage.headingIDs }
        set { fields.headingIDs = newValue }
    }
    /// The body without markup.
    public var plainText: String {
        get { storage.plainText }
        set { fields.plainText = newValue }
    }
    /// Entry ids named in `related`, in order.
    public var related: [String] {
        get { storage.related }
        set { fields.related = newValue }
    }
    /// Entry ids referenced from the body, in order of first appearance.
    public var bodyReferences: [String] {
        get { storage.bodyReferences }
        set { fields.bodyReferences = newValue }
    }
    /// Entry ids that reference this entry from their page in the same language, sorted.
    public var backlinks: [String] {
        get { storage.backlinks }
        set { fields.backlinks = newValue }
    }

    /// Sets what the rendered body gives the page, in one change of the box.
    package mutating func setBody(html: String, headingIDs: [String], plainText: String, references: [String]) {
        let fields = self.fields
        fields.html = html
        fields.headingIDs = headingIDs
        fields.plainText = plainText
        fields.bodyReferences = references
    }

    public var isFallback: Bool { storage.language != storage.textLanguage }
}
