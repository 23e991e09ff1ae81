import PasserelleModel
import PasserelleTemplates

/// `search.json` and `search-index.js` of a language: a record of every entry (title, words of its text), in A–Z order.
package struct SearchIndexFiles: PageKind {
    package var name: String { "search index" }

    package func jobs(in site: Site) -> [PageJob] {
        site.languageCodes.map { PageJob(language: $0, isLong: true) }
    }

    package func bodies(of job: PageJob, in site: Site) -> BodyUse { .records }

    package func render(_ job: PageJob, _ renderer: PageRenderer, pages: [PageRenderer.Page]) -> [PageRenderer.Page] {
        let language = job.language
        // After a text edit: the last build's records, with those of the edited entries made again.
        guard let carried = renderer.carriedSearch, let last = carried.records[language] else { return renderer.renderSearchIndex(language) }
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
