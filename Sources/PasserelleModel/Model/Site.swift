import Foundation

/// The whole site, resolved and rendered to HTML fragments: built once, then only read by the writers.
public struct Site: Sendable {
    public let config: SiteConfig
    public let sections: [Section]
    public let entries: [EntryID: Entry]
    /// The ids of `entries`, sorted: the order jobs, links and the snapshot go through them in.
    public let entryIDs: [EntryID]
    /// `entries` again, for lookups by id (`entry(_:)`, the subscript): pages and lists look up
    /// the entries they link to tens of times per page.
    private let entryTable: EntryTable<Entry>
    /// Home page intro (`content/_index.<lang>.md`) per language.
    public let homeIntros: LanguageTable<RenderedText?>
    /// Content assets, relative to `content/assets/`.
    public let assets: [String]
    /// The build's clock: `SOURCE_DATE_EPOCH` when set.
    public let buildDate: Date

    public var languageCodes: [LanguageCode] { config.languageCodes }

    /// The entry `id` names. Every id a resolved site holds names one of its entries (the resolver
    /// keeps no other), so this lookup cannot miss; an id from elsewhere is a programming error.
    public subscript(id: EntryID) -> Entry {
        guard let entry = entryTable[id] else { preconditionFailure("'\(id)' is not an entry of this site") }
        return entry
    }

    /// The entry `id` names, if the site has one: `entries[id]`, without hashing the id.
    @inline(__always)
    public func entry(_ id: EntryID) -> Entry? { entryTable[id] }

    public func section(named name: String) -> Section? { sections.first { $0.config.name == name } }

    /// Every stored property, as the memberwise initializer takes them (visible to the other
    /// stages); `entryIDs`, the ids of `entries` sorted, when the caller has them already.
    package init(config: SiteConfig, sections: [Section], entries: [EntryID: Entry], entryIDs: [EntryID]? = nil,
                 homeIntros: LanguageTable<RenderedText?>, assets: [String], buildDate: Date) {
        assert(entryIDs.map { $0 == entries.keys.sorted() } ?? true, "entryIDs are the ids of the entries, sorted")
        self.config = config
        self.sections = sections
        self.entries = entries
        entryTable = EntryTable(entries)
        self.entryIDs = entryIDs ?? entries.keys.sorted()
        self.homeIntros = homeIntros
        self.assets = assets
        self.buildDate = buildDate
    }
}
