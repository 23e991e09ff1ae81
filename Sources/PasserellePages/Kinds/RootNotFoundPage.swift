import PasserelleModel
import PasserelleTemplates

/// `404.html` at the root, in every language, for addresses outside the languages' folders.
package struct RootNotFoundPage: PageKind {
    package var name: String { "root 404" }
    package var templates: [String] { ["root"] }
    package var keys: [String] { ["notFound"] }

    package func jobs(in site: Site) -> [PageJob] { [.atRoot] }

    package func render(_ job: PageJob, _ renderer: PageRenderer, pages: [PageRenderer.Page]) -> [PageRenderer.Page] {
        var context = renderer.rootContext(path: "404.html")
        context["notFound"] = true
        context["baseHref"] = .text(renderer.site.config.baseURL)
        context["alternates"] = .records([] as [TemplateRecord])
        return [PageRenderer.Page(path: "404.html", content: renderer.theme.render("root", context))]
    }
}
