import PasserelleModel
import PasserelleTemplates

/// `robots.txt`, which names the sitemap.
package struct RobotsFile: PageKind {
    package var name: String { "robots.txt" }

    package func jobs(in site: Site) -> [PageJob] { [.atRoot] }

    package func render(_ job: PageJob, _ renderer: PageRenderer, pages: [PageRenderer.Page]) -> [PageRenderer.Page] {
        [PageRenderer.Page(path: "robots.txt", content: Sitemap.robots(baseURL: renderer.site.config.baseURL))]
    }
}
