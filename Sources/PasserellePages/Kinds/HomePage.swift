import PasserelleModel
import PasserelleTemplates

/// The home page of a language: its intro, then every listed section with its first entries.
package struct HomePage: PageKind {
    package var name: String { "home" }
    package var templates: [String] { ["home"] }
    package var keys: [String] { ["intro", "introLang", "sections", "anchor", "count", "entries", "more"] }

    package func jobs(in site: Site) -> [PageJob] {
        site.languageCodes.map { PageJob(language: $0) }
    }

    package func render(_ job: PageJob, _ renderer: PageRenderer, pages: [PageRenderer.Page]) -> [PageRenderer.Page] {
        let language = job.language, site = renderer.site
        let path = SitePaths.home(language)
        var context = renderer.chrome(language: language, path: path, title: nil) { SitePaths.home($0) }
        if let intro = site.homeIntros[language] {
            context["intro"] = .text(intro.html)
            context["introLang"] = intro.textLanguage != language ? .text(intro.textLanguage.rawValue) : false
        }
        context["sections"] = .records(site.sections.filter { $0.config.kind != .page }.map { section -> TemplateRecord in
            let ids = section.orderedEntries[language]
            return ["title": .text(section.config.title(in: language)), "anchor": "section-\(section.config.name)",
                    "url": .text(SitePaths.relative(from: path, to: SitePaths.section(section.config, language))),
                    "count": .number(ids.count),
                    "entries": .records(ids.prefix(8).map { renderer.entryLink(site[$0], language: language, from: path) }),
                    "more": .bool(ids.count > 8)]
        })
        return [renderer.page("home", context, path: path) { SitePaths.home($0) }]
    }
}
