import PasserelleModel
import PasserelleTemplates

/// `sitemap.xml`: every listed page, with its translations.
package struct SitemapFile: PageKind {
    package var name: String { "sitemap" }
    package var phase: RenderPhase { .afterPages }

    package func jobs(in site: Site) -> [PageJob] { [.atRoot] }

    package func render(_ job: PageJob, _ renderer: PageRenderer, pages: [PageRenderer.Page]) -> [PageRenderer.Page] {
        [PageRenderer.Page(path: "sitemap.xml", content: Sitemap(pages: pages, config: renderer.site.config).xml)]
    }
}
