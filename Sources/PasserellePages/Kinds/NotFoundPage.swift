import PasserelleModel
import PasserelleTemplates

/// The 404 page of a language. It is served at any missing address, so its links resolve against
/// `<base href>` on the site's URL rather than against where it happens to be shown.
package struct NotFoundPage: PageKind {
    package var name: String { "404" }
    package var templates: [String] { ["404"] }

    package func jobs(in site: Site) -> [PageJob] {
        site.languageCodes.map { PageJob(language: $0) }
    }

    package func render(_ job: PageJob, _ renderer: PageRenderer, pages: [PageRenderer.Page]) -> [PageRenderer.Page] {
        let language = job.language
        let path = SitePaths.notFound(language)
        var context = renderer.chrome(language: language, path: path, title: renderer.theme.strings(language)["not_found_title"]) { SitePaths.notFound($0) }
        context["baseHref"] = .text(renderer.site.config.baseURL + language.rawValue + "/")
        context["alternates"] = .records([] as [TemplateRecord])
        context["noindex"] = true
        return [PageRenderer.Page(path: path, content: renderer.theme.render("404", context))]
    }
}
