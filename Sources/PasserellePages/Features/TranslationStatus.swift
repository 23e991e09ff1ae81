import PasserelleModel
import PasserelleTemplates
/// What is left to translate: per section, entries missing a language, translations whose
/// recorded source (`translated_from`) has changed since, with the source's changes as a word diff
/// when git still has the recorded version, and, for translations without `translated_from`,
/// those older than their source (by `updated`, else the day of the file's last git commit).
public struct TranslationStatus: Sendable {
    public struct Missing: Sendable {
        public let id: EntryID
        public let title: String
        public let present: [LanguageCode]
        public let missing: [LanguageCode]
    }

    public struct Stale: Sendable {
        public let id: EntryID
        public let title: String
        public let language: LanguageCode
        public let date: CalendarDate
        public let sourceLanguage: LanguageCode
        public let sourceDate: CalendarDate
    }

    /// A translation made from an earlier version of its source than the current one.
    public struct Outdated: Sendable {
        public let id: EntryID
        public let title: String
        public let language: LanguageCode
        /// The translation's file, as diagnostics name it.
        public let file: String
        public let sourceLanguage: LanguageCode
        public let sourceFile: String
        /// The blob id recorded, as written, and the source file's now.
        public let recorded: String
        public let current: String
        /// The source's changes since the recorded version; nil when git does not have it.
        public let changes: [WordDiff.Segment]?
    }

    public struct SectionStatus: Sendable {
        public let section: SectionConfig
        public let missing: [Missing]
        public let outdated: [Outdated]
        public let stale: [Stale]
    }

    public let sections: [SectionStatus]
    public let languages: [LanguageCode]

    /// `commitDays`: last commit day by path relative to the content folder (see `GitHistory`);
    /// `recordedText`: the text of a blob id or abbreviation, when git has it.
    public init(site: Site, commitDays: [String: CalendarDate], recordedText: (String) -> String? = { _ in nil }) {
        languages = site.languageCodes
        sections = site.sections.map { section in
            let ids = section.orderedEntries[site.config.defaultLanguage.code]
            var missing: [Missing] = []
            var outdated: [Outdated] = []
            var stale: [Stale] = []
            for id in ids {
                let entry = site[id]
                let title = entry.variant(for: site.config.defaultLanguage.code, order: site.languageCodes).metadata.title
                let present = site.languageCodes.filter { entry.variants[$0] != nil }
                // Outdated as the resolver found it (`EntryPage.outdatedFrom`): the source hashed again only for its id.
                for code in present where entry.pages[code].outdatedFrom != nil {
                    guard let variant = entry.variants[code], let recorded = variant.metadata.translatedFrom,
                          let source = entry.variants[recorded.language] else { continue }
                    let current = source.source.blobID
                    let changes = recordedText(recorded.blob).map { WordDiff.segments(from: TranslationStatus.normalized($0), to: source.source.text) }
                    outdated.append(Outdated(id: id, title: title, language: code, file: variant.source.displayPath,
                                             sourceLanguage: recorded.language, sourceFile: source.source.displayPath,
                                             recorded: recorded.blob, current: current, changes: changes))
                }
                if present.count < site.languageCodes.count {
                    missing.append(Missing(id: id, title: title, present: present,
                                           missing: site.languageCodes.filter { entry.variants[$0] == nil }))
                    continue
                }
                // Without `translated_from`, the dates decide.
                let dated = present.compactMap { code -> (LanguageCode, CalendarDate)? in
                    entry.variants[code].flatMap { variant in
                        (variant.metadata.updated ?? commitDays[variant.source.relativePath]).map { (code, $0) }
                    }
                }
                guard dated.count == present.count, let newest = dated.max(by: { ($0.1, $1.0) < ($1.1, $0.0) }) else { continue }
                for (code, date) in dated where date < newest.1 && entry.variants[code]?.metadata.translatedFrom == nil {
                    stale.append(Stale(id: id, title: title, language: code, date: date, sourceLanguage: newest.0, sourceDate: newest.1))
                }
            }
            return SectionStatus(section: section.config, missing: missing, outdated: outdated, stale: stale)
        }
    }

    /// A file's text as the loader reads it: no byte-order mark, `\n` line endings.
    static func normalized(_ text: String) -> String {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    public var json: String {
        JSONText.object([
            ("languages", JSONText.array(languages.map { JSONText.string($0) })),
            ("sections", JSONText.array(sections.map { status in
                JSONText.object([
                    ("section", JSONText.string(status.section.name)),
                    ("missing", JSONText.array(status.missing.map {
                        JSONText.object([("id", JSONText.string($0.id)), ("title", JSONText.string($0.title)),
                                         ("present", JSONText.array($0.present.map { JSONText.string($0) })),
                                         ("missing", JSONText.array($0.missing.map { JSONText.string($0) }))])
                    })),
                    ("outdated", JSONText.array(status.outdated.map { item in
                        JSONText.object([("id", JSONText.string(item.id)), ("title", JSONText.string(item.title)),
                                         ("language", JSONText.string(item.language)), ("file", JSONText.string(item.file)),
                                         ("source", JSONText.string(item.sourceLanguage)), ("sourceFile", JSONText.string(item.sourceFile)),
                                         ("recorded", JSONText.string(item.recorded)), ("current", JSONText.string(item.current)),
                                         ("changes", item.changes.map { changes in
                                             JSONText.array(changes.map { JSONText.array([JSONText.string($0.change.rawValue), JSONText.string($0.text)]) })
                                         } ?? "null")])
                    })),
                    ("stale", JSONText.array(status.stale.map {
                        JSONText.object([("id", JSONText.string($0.id)), ("title", JSONText.string($0.title)),
                                         ("language", JSONText.string($0.language)), ("date", JSONText.string($0.date.iso)),
                                         ("source", JSONText.string($0.sourceLanguage)), ("sourceDate", JSONText.string($0.sourceDate.iso))])
                    })),
                ])
            })),
        ]) + "\n"
    }
}
