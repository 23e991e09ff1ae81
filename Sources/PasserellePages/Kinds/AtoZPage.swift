import PasserelleModel
import PasserelleTemplates

/// The A–Z index of a language: every entry under the letter of its title, in the language's collation.
package struct AtoZPage: GeneratedPage {
    package var name: String { "A–Z index" }
    package var templates: [String] { ["az"] }
    package var keys: [String] { ["letters", "letter", "anchor", "groups", "entries"] }
    package static let pathKey = "az"
    package var chromeLinkKey: String? { "azURL" }

    package func render(_ job: PageJob, _ renderer: PageRenderer, pages: [PageRenderer.Page]) -> [PageRenderer.Page] {
        [renderer.renderAtoZ(job.language)]
    }
}

extension PageRenderer {
    func renderAtoZ(_ language: LanguageCode) -> Page {
        let path = SitePaths.generated(AtoZPage.pathKey, site.config, language)
        var context = chrome(language: language, path: path, title: theme.strings(language)["az_title"]) {
            SitePaths.generated(AtoZPage.pathKey, self.site.config, $0)
        }
        let groups = atoz(language).groups
        context["letters"] = .records(groups.map { ["letter": .text($0.letter), "anchor": .text($0.letter == "#" ? "az-other" : "az-" + $0.letter.lowercased())] })
        context["groups"] = .records(groups.map { group -> TemplateRecord in
            ["letter": .text(group.letter), "anchor": .text(group.letter == "#" ? "az-other" : "az-" + group.letter.lowercased()),
             "entries": .records(group.entryIDs.map { entryLink(site[$0], language: language, from: path) })]
        })
        return page(AtoZPage.pathKey, context, path: path) { SitePaths.generated(AtoZPage.pathKey, self.site.config, $0) }
    }
}
