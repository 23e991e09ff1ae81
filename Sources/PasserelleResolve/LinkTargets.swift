import PasserelleModel

/// What a body's link to an entry shows in a language: the title of the entry's text in that
/// language (or the first in site order) and the path of its page there.
///
/// A full build's bodies hold tens of thousands of links (58,000 in the 10k bench corpus): the
/// table reads each entry's titles and paths once, side by side, rather than each link reading
/// the entry, its page and its text from their own places in memory. A text edit, which renders
/// a few bodies, reads them from the entries as it goes.
package struct LinkTargets: Sendable {
    package struct Target: Sendable, Equatable {
        package let title: String
        package let path: String
    }

    /// With a table: `targets[place * languages.count + language]`, `places` by id. Without one
    /// (`entries` set): each target read from its entry when asked for.
    private let places: EntryTable<Int>
    private let targets: [Target]
    private let entries: [EntryID: Entry]?
    private let languages: [LanguageCode]

    /// The targets of `entries`, every one read now, on all cores.
    package init(table entries: [EntryID: Entry], ids: [EntryID], languages: [LanguageCode]) {
        // Made in their places, not per entry and then joined: joining copied 40,000 targets on one core.
        targets = Array(0..<ids.count * languages.count).concurrentMap { position in
            let (place, language) = position.quotientAndRemainder(dividingBy: languages.count)
            return LinkTargets.target(of: entries[ids[place]]!, in: languages[language], languages: languages)
        }
        places = EntryTable(ids.enumerated().map { ($1, $0) })
        self.entries = nil
        self.languages = languages
    }

    /// The targets of `entries`, each read when it is asked for.
    package init(reading entries: [EntryID: Entry], languages: [LanguageCode]) {
        places = EntryTable()
        targets = []
        self.entries = entries
        self.languages = languages
    }

    /// The target `id` shows in the language at `languageIndex` of the site's languages; nil for an
    /// entry the site does not hold (its file has errors).
    package func target(_ id: EntryID, languageIndex: Int) -> Target? {
        if let entries {
            return entries[id].map { LinkTargets.target(of: $0, in: languages[languageIndex], languages: languages) }
        }
        guard let place = places[id] else { return nil }
        return targets[place * languages.count + languageIndex]
    }

    private static func target(of entry: Entry, in language: LanguageCode, languages: [LanguageCode]) -> Target {
        Target(title: entry.variant(for: language, order: languages).metadata.title, path: entry.pages[language].outputPath)
    }
}
