import PasserelleModel
import PasserelleTemplates
/// What is left to translate: per section, entries missing a language and translations older than
/// their source (by `updated`, else the day of the file's last git commit).
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

    public struct SectionStatus: Sendable {
        public let section: SectionConfig
        public let missing: [Missing]
        public let stale: [Stale]
    }

    public let sections: [SectionStatus]
    public let languages: [LanguageCode]

    /// `commitDays`: last commit day by path relative to the content folder (see `GitHistory`).
    public init(site: Site, commitDays: [String: CalendarDate]) {
        languages = site.languageCodes
        sections = site.sections.map { section in
            let ids = section.orderedEntries[site.config.defaultLanguage.code]
            var missing: [Missing] = []
            var stale: [Stale] = []
            for id in ids {
                let entry = site[id]
                let title = entry.variant(for: site.config.defaultLanguage.code, order: site.languageCodes).metadata.title
                let present = site.languageCodes.filter { entry.variants[$0] != nil }
                if present.count < site.languageCodes.count {
                    missing.append(Missing(id: id, title: title, present: present,
                                           missing: site.languageCodes.filter { entry.variants[$0] == nil }))
                    continue
                }
                let dated = present.compactMap { code -> (LanguageCode, CalendarDate)? in
                    entry.variants[code].flatMap { variant in
                        (variant.metadata.updated ?? commitDays[variant.source.relativePath]).map { (code, $0) }
                    }
                }
                guard dated.count == present.count, let newest = dated.max(by: { ($0.1, $1.0) < ($1.1, $0.0) }) else { continue }
                for (code, date) in dated where date < newest.1 {
                    stale.append(Stale(id: id, title: title, language: code, date: date, sourceLanguage: newest.0, sourceDate: newest.1))
                }
            }
            return SectionStatus(section: section.config, missing: missing, stale: stale)
        }
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
