import PasserelleModel
import PasserelleTemplates
import Foundation

/// The records of one language's search index as JSON, in index order, with the entry each one
/// is for: a rebuild after a text edit replaces the edited entry's record and keeps the others.
public struct SearchFragments: Sendable {
    public let language: LanguageCode
    public let entryIDs: [EntryID]
    public let json: [String]

    package init(language: LanguageCode, entryIDs: [EntryID], json: [String]) {
        self.language = language
        self.entryIDs = entryIDs
        self.json = json
    }

    /// Collects the fragments of each language as the search jobs render them (from any thread).
    public final class Store: Sendable {
        private let byLanguage = Locked<[LanguageCode: SearchFragments]>([:])

        func keep(_ fragments: SearchFragments) {
            byLanguage.withLock { $0[fragments.language] = fragments }
        }

        public var all: [LanguageCode: SearchFragments] { byLanguage.withLock { $0 } }
    }

    /// The same records with `records[id]` in place of the record of each `id` it names.
    package func replacing(_ records: [EntryID: String]) -> SearchFragments {
        var json = self.json
        for (index, id) in entryIDs.enumerated() {
            if let record = records[id] { json[index] = record }
        }
        return SearchFragments(language: language, entryIDs: entryIDs, json: json)
    }
}
