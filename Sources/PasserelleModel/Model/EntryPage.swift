/// An entry as published in one site language: where it goes and what it shows.
///
/// A value with its fields in one shared box (copied on write): every list, link and backlink
/// that shows a page copies it out of its entry, and a copy is then one retain, not ten.
public struct EntryPage: Sendable {
    private struct Fields: Sendable {
        let language: LanguageCode
        let textLanguage: LanguageCode
        let slug: String
        let outputPath: String
        var html: UTF8Text
        var headingIDs: [String]
        var plainText: UTF8Text
        var related: [EntryID]
        var bodyReferences: [EntryID]
        var backlinks: [EntryID]
        var fieldTargets: [String: [EntryID]] = [:]
        var typedBacklinks: [TypedBacklinks] = []
        var outdatedFrom: LanguageCode?
        var relatedAnchors: [EntryID: String] = [:]
    }

    /// The fields, immutable, shared by every copy of the page.
    private final class Box: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var storage: Box

    /// Changes fields: a new box with the changed copy (the shared one is never written).
    private mutating func change(_ body: (inout Fields) -> Void) {
        var fields = storage.fields
        body(&fields)
        storage = Box(fields)
    }

    public init(language: LanguageCode, textLanguage: LanguageCode, slug: String, outputPath: String, html: UTF8Text = "",
                headingIDs: [String] = [], plainText: UTF8Text = "", related: [EntryID] = [],
                bodyReferences: [EntryID] = [], backlinks: [EntryID] = []) {
        storage = Box(Fields(language: language, textLanguage: textLanguage, slug: slug, outputPath: outputPath, html: html,
                             headingIDs: headingIDs, plainText: plainText, related: related,
                             bodyReferences: bodyReferences, backlinks: backlinks))
    }

    /// The language of the site this page belongs to.
    public var language: LanguageCode { storage.fields.language }
    /// The language the text is actually written in (differs on a fallback page).
    public var textLanguage: LanguageCode { storage.fields.textLanguage }
    public var slug: String { storage.fields.slug }
    /// Path of the written file, relative to the output root: `fr/recommandations/calendrier/index.html`.
    public var outputPath: String { storage.fields.outputPath }
    public var html: UTF8Text {
        get { storage.fields.html }
        set { change { $0.html = newValue } }
    }
    public var headingIDs: [String] {
        get { storage.fields.headingIDs }
        set { change { $0.headingIDs = newValue } }
    }
    /// The body without markup.
    public var plainText: UTF8Text {
        get { storage.fields.plainText }
        set { change { $0.plainText = newValue } }
    }
    /// Entry ids named in `related`, in order.
    public var related: [EntryID] {
        get { storage.fields.related }
        set { change { $0.related = newValue } }
    }
    /// Entry ids referenced from the body, in order of first appearance.
    public var bodyReferences: [EntryID] {
        get { storage.fields.bodyReferences }
        set { change { $0.bodyReferences = newValue } }
    }
    /// Entry ids that reference this entry from their page in the same language, sorted.
    public var backlinks: [EntryID] {
        get { storage.fields.backlinks }
        set { change { $0.backlinks = newValue } }
    }

    /// Per `references` field of its text: the entry ids it names, in order.
    public var fieldTargets: [String: [EntryID]] {
        get { storage.fields.fieldTargets }
        set { change { $0.fieldTargets = newValue } }
    }
    /// The entries that name this one in a `references` field, by section and field (sorted by
    /// section, then field, as `site.yaml` declares them).
    public var typedBacklinks: [TypedBacklinks] {
        get { storage.fields.typedBacklinks }
        set { change { $0.typedBacklinks = newValue } }
    }
    /// The heading a `related` reference names (`calendar#key-dates`), by target, as written in
    /// the text the page shows (the heading ids of the target's page in that text's language).
    public var relatedAnchors: [EntryID: String] {
        get { storage.fields.relatedAnchors }
        set { change { $0.relatedAnchors = newValue } }
    }
    /// The language of the text this page's translation was made from, when that text has changed
    /// since (`translated_from` names another version of it): the page says so.
    public var outdatedFrom: LanguageCode? {
        get { storage.fields.outdatedFrom }
        set { change { $0.outdatedFrom = newValue } }
    }

    /// Sets what the page's `related` and `references` fields name, in one change.
    package mutating func setRelated(_ related: [EntryID], anchors: [EntryID: String], fieldTargets: [String: [EntryID]]) {
        change { fields in
            fields.related = related
            fields.relatedAnchors = anchors
            fields.fieldTargets = fieldTargets
        }
    }

    /// Sets what the rendered body gives the page, and the pages that reference it, in one change.
    package mutating func setBody(html: UTF8Text, headingIDs: [String], plainText: UTF8Text, references: [EntryID], backlinks: [EntryID] = []) {
        change { fields in
            fields.html = html
            fields.headingIDs = headingIDs
            fields.plainText = plainText
            fields.bodyReferences = references
            fields.backlinks = backlinks
        }
    }

    public var isFallback: Bool { storage.fields.language != storage.fields.textLanguage }
}

/// The entries of one section that name an entry in one of its `references` fields.
public struct TypedBacklinks: Sendable, Hashable {
    public let section: String
    public let field: String
    public var sources: [EntryID]

    public init(section: String, field: String, sources: [EntryID]) {
        self.section = section
        self.field = field
        self.sources = sources
    }
}

extension EntryPage {
    /// A heading id written for a page whose headings are `written`, on a page whose headings are
    /// `shown`: the heading at the same place there, so that a French `#dates-cles` on the
    /// English page is `#key-dates`; as written when it is not among `written`, or `shown` has
    /// fewer headings. Two pages that show the same text have the same headings, and keep it.
    public static func heading(_ anchor: String, writtenAmong written: [String], on shown: [String]) -> String {
        guard let place = written.firstIndex(of: anchor), place < shown.count else { return anchor }
        return shown[place]
    }
}
