import PasserelleModel
import PasserelleTemplates

/// The tags of a language, each with its number of entries.
package struct TagsPage: GeneratedPage {
    package var name: String { "tags" }
    package var templates: [String] { ["tags"] }
    package var keys: [String] { ["tags", "count", "empty"] }
    package static let pathKey = "tags"
    package var chromeLinkKey: String? { "tagsURL" }

    package func render(_ job: PageJob, _ renderer: PageRenderer, pages: [PageRenderer.Page]) -> [PageRenderer.Page] {
        [renderer.renderTagsOverview(renderer.tags(job.language), job.language)]
    }
}

extension PageRenderer {
    func renderTagsOverview(_ tags: [TagIndex.Tag], _ language: LanguageCode) -> Page {
        let path = SitePaths.generated(TagsPage.pathKey, site.config, language)
        var context = chrome(language: language, path: path, title: theme.strings(language)["tags_title"]) {
            SitePaths.generated(TagsPage.pathKey, self.site.config, $0)
        }
        context[TagsPage.pathKey] = .records(tags.map { ["name": .text($0.name), "count": .number($0.entryIDs.count),
                                      "url": .text(SitePaths.relative(from: path, to: SitePaths.tag($0.slug, site.config, language)))] })
        context["empty"] = .bool(tags.isEmpty)
        return page(TagsPage.pathKey, context, path: path) { SitePaths.generated(TagsPage.pathKey, self.site.config, $0) }
    }
}
