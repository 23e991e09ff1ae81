import PasserelleModel
import PasserelleTemplates

/// `search.json` and `search-index.js` of a language: a record of every entry (title, words of its text), in A–Z order.
package struct SearchIndexFiles: PageKind {
    package var name: String { "search index" }

    package func jobs(in site: Site) -> [PageJob] {
        site.languageCodes.map { PageJob(language: $0, isLong: true) }
    }

    package func bodies(of job: PageJob, in site: Site) -> BodyUse { .records }

    /// The records of `file`, the `search.json` of `language` the last build wrote, for a text
    /// edit to carry over: one per entry of `order` (the snapshot's), or nil when it is not that file.
    package static func carriedRecords(of file: [UInt8], language: LanguageCode, order: [EntryID]) -> SearchFragments? {
        let prefix = Array(SearchIndex.json(language: language, fragments: []).utf8.dropLast(3)) // up to `"entries":[`
        let suffix = Array("]}\n".utf8)
        guard file.count >= prefix.count + suffix.count, file.starts(with: prefix), file.suffix(suffix.count).elementsEqual(suffix) else { return nil }
        // The records are flat objects of strings: each ends at the brace that closes it outside a string.
        var records: [String] = []
        records.reserveCapacity(order.count)
        let ok = file.withUnsafeBufferPointer { bytes -> Bool in
            var index = prefix.count, start = index
            let end = bytes.count - suffix.count
            var inString = false, depth = 0
            while index < end {
                let byte = bytes[index]
                if inString {
                    if byte == UInt8(ascii: "\\") { index += 1 } else if byte == UInt8(ascii: "\"") { inString = false }
                } else if byte == UInt8(ascii: "\"") {
                    inString = true
                } else if byte == UInt8(ascii: "{") {
                    if depth == 0 { start = index }
                    depth += 1
                } else if byte == UInt8(ascii: "}") {
                    depth -= 1
                    guard depth >= 0 else { return false }
                    if depth == 0 { records.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...index]), as: UTF8.self)) }
                } else if depth == 0, byte != UInt8(ascii: ",") {
                    return false
                }
                index += 1
            }
            return !inString && depth == 0
        }
        guard ok, records.count == order.count else { return nil }
        return SearchFragments(language: language, entryIDs: order, json: records)
    }

    package func render(_ job: PageJob, _ renderer: PageRenderer, pages: [PageRenderer.Page]) -> [PageRenderer.Page] {
        let language = job.language
        // After a text edit: the last build's records, with those of the edited entries made again.
        guard let carried = renderer.carried, let last = carried.search[language] else { return renderer.renderSearchIndex(language) }
        var folded: [String: String] = [:], records: [EntryID: String] = [:]
        for edit in carried.edited where edit.language == language {
            records[edit.entry] = SearchIndex.record(for: edit.entry, site: renderer.site, language: language, cache: &folded).json
        }
        let fragments = last.replacing(records)
        renderer.searchFragments.keep(fragments)
        return renderer.searchIndexFiles(fragments.json, language)
    }
}

extension PageRenderer {
    /// `search.json` and `search-index.js`: a job of their own, the largest of a language.
    func renderSearchIndex(_ language: LanguageCode) -> [Page] {
        let order = atoz(language).groups.flatMap(\.entryIDs)
        let fragments = SearchIndex(site: site, language: language, order: order).fragments
        searchFragments.keep(SearchFragments(language: language, entryIDs: order, json: fragments))
        return searchIndexFiles(fragments, language)
    }

    /// `search.json` and `search-index.js` from the JSON of their records.
    package func searchIndexFiles(_ fragments: [String], _ language: LanguageCode) -> [Page] {
        let json = SearchIndex.json(language: language, fragments: fragments)
        return [Page(path: SitePaths.searchIndex(language), content: json),
                Page(path: SitePaths.searchScriptIndex(language), content: SearchIndex.script(json: json))]
    }
}
