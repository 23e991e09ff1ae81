import PasserelleModel
import PasserelleTemplates
import Foundation

/// The static search index of one language: per entry its title, section, URL (relative to the
/// language root), summary, and the distinct folded words of its body, so that a small script can
/// search it offline with accents and case folded away.
public struct SearchIndex: Sendable {
    public struct Record: Sendable {
        public let title: String
        public let section: String
        public let url: String
        public let summary: String
        /// Distinct words of the body not in the title or summary, folded (`événement` → `evenement`),
        /// in order of first appearance, space-separated.
        public let words: String
        /// The text's language when it differs from the index's (a fallback).
        public let textLanguage: LanguageCode?

        /// The record as the index file writes it.
        public var json: String {
            // Written into one string (a list of pairs and a string per value cost two copies of each).
            var json = ""
            json.reserveCapacity(title.utf8.count + section.utf8.count + url.utf8.count + summary.utf8.count + words.utf8.count + 48)
            json += #"{"t":"#
            JSONText.append(title, to: &json)
            json += #","s":"#
            JSONText.append(section, to: &json)
            json += #","u":"#
            JSONText.append(url, to: &json)
            if !summary.isEmpty {
                json += #","d":"#
                JSONText.append(summary, to: &json)
            }
            json += #","w":"#
            JSONText.append(words, to: &json)
            if let textLanguage {
                json += #","lang":"#
                JSONText.append(textLanguage.rawValue, to: &json)
            }
            json += "}"
            return json
        }
    }

    public let language: LanguageCode
    public let records: [Record]

    /// At most this many distinct body words per entry: enough to find it, small enough for slow links.
    public static let wordLimit = 300

    /// The index of `language`, with its records in `order` (the A–Z order).
    public init(site: Site, language: LanguageCode, order: [EntryID]) {
        self.language = language
        // In chunks across cores, each with its own cache of folded words.
        let chunks = stride(from: 0, to: order.count, by: 512).map { order[$0..<min($0 + 512, order.count)] }
        records = chunks.concurrentMap { chunk in
            var cache: [String: String] = [:]
            return chunk.map { SearchIndex.record(for: $0, site: site, language: language, cache: &cache) }
        }.flatMap { $0 }
    }

    package static func record(for id: EntryID, site: Site, language: LanguageCode, cache: inout [String: String]) -> Record {
        let entry = site[id]
        let page = entry.pages[language]
        let meta = entry.shownText(in: language).metadata
        let url = String(page.outputPath.dropFirst(language.rawValue.utf8.count + 1))
        var words = SearchWords()
        words.hide(wordsOf: meta.title, foldCache: &cache)
        if let summary = meta.summary { words.hide(wordsOf: summary, foldCache: &cache) }
        words.keep(wordsOf: page.plainText, limit: SearchIndex.wordLimit, foldCache: &cache)
        return Record(title: meta.title, section: entry.section.title(in: language), url: url,
                      summary: meta.summary ?? "", words: words.text,
                      textLanguage: page.isFallback ? page.textLanguage : nil)
    }

    /// Lower-case, accent-free, `œ` → `oe`: the same folding the search script applies to queries.
    public static func fold(_ text: String) -> String { TextFolding.fold(text) }

    /// Distinct folded words of two letters or more, in order of first appearance.
    public static func words(in text: String) -> [String] {
        var folded: [String: String] = [:]
        var words = SearchWords()
        words.keep(wordsOf: text, limit: .max, foldCache: &folded)
        return words.text.split(separator: " ").map(String.init)
    }

    /// Each record as JSON, in index order: a rebuild after a text edit replaces one of them.
    public var fragments: [String] { records.map(\.json) }

    public var json: String { SearchIndex.json(language: language, fragments: fragments) }

    /// The index file from its records' JSON.
    static func json(language: LanguageCode, fragments: [String]) -> String {
        // Megabytes on a large site: written once into a string of the right size.
        var json = ""
        json.reserveCapacity(fragments.reduce(64) { $0 + $1.utf8.count + 1 })
        json += #"{"language":"#
        JSONText.append(language.rawValue, to: &json)
        json += #","entries":["#
        for (index, fragment) in fragments.enumerated() {
            if index > 0 { json += "," }
            json += fragment
        }
        json += "]}\n"
        return json
    }

    /// The same index as a script, for pages opened from `file://` where `fetch` of a local file is blocked.
    static func script(json: String) -> String {
        // The JSON ends with a newline, left out; dropLast() on the string counted every character first.
        var script = "window.passerelleSearch = "
        script.reserveCapacity(script.utf8.count + json.utf8.count + 2)
        script += json[..<json.index(before: json.endIndex)]
        script += ";\n"
        return script
    }

    public var script: String { SearchIndex.script(json: json) }
}
