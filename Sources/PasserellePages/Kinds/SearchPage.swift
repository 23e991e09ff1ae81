import PasserelleModel
import PasserelleTemplates

/// The search page of a language, which loads its search index (from `file://` too).
package struct SearchPage: GeneratedPage {
    package var name: String { "search" }
    package var templates: [String] { ["search"] }
    package var keys: [String] { ["indexScript", "searchScript", "languageRoot", "textLanguages", "label"] }
    package static let pathKey = "search"
    package var chromeLinkKey: String? { "searchURL" }

    package func render(_ job: PageJob, _ renderer: PageRenderer, pages: [PageRenderer.Page]) -> [PageRenderer.Page] {
        [renderer.renderSearch(job.language)]
    }
}

extension PageRenderer {
    func renderSearch(_ language: LanguageCode) -> Page {
        let path = SitePaths.generated(SearchPage.pathKey, site.config, language)
        var context = chrome(language: language, path: path, title: theme.strings(language)["search_title"]) {
            SitePaths.generated(SearchPage.pathKey, self.site.config, $0)
        }
        context["indexScript"] = .text(SitePaths.relative(from: path, to: SitePaths.searchScriptIndex(language)))
        context["searchScript"] = .text(SitePaths.rootPrefix(from: path) + "theme/search.js")
        context["languageRoot"] = .text(SitePaths.relative(from: path, to: SitePaths.home(language)).replacingOccurrences(of: "index.html", with: ""))
        // How a record whose text is in another language is marked: "texte en anglais".
        let mark = theme.strings(language)["search_text_language"] ?? "({language})"
        context["textLanguages"] = .records(site.languageCodes.filter { $0 != language }.map { other -> TemplateRecord in
            ["code": .text(other.rawValue), "label": .text(mark.replacingOccurrences(of: "{language}", with: languageName(other, in: language)))]
        })
        return page(SearchPage.pathKey, context, path: path) { SitePaths.generated(SearchPage.pathKey, self.site.config, $0) }
    }
}
