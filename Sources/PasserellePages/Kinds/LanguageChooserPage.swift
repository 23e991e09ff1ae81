import PasserelleModel
import PasserelleTemplates

/// `index.html` at the root: the language chooser, for readers whose language is none of the site's.
package struct LanguageChooserPage: PageKind {
    package var name: String { "language chooser" }
    package var templates: [String] { ["root"] }
    package var keys: [String] { ["titles", "enter", "notFoundTexts", "text"] }

    package func jobs(in site: Site) -> [PageJob] { [.atRoot] }

    package func render(_ job: PageJob, _ renderer: PageRenderer, pages: [PageRenderer.Page]) -> [PageRenderer.Page] {
        [renderer.page("root", renderer.rootContext(path: "index.html"), path: "index.html") { SitePaths.home($0) }]
    }
}
