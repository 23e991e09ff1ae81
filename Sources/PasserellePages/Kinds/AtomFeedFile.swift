import PasserelleModel
import PasserelleTemplates

/// `feed.xml` of a language: its latest entries, with their bodies (Atom 1.0).
package struct AtomFeedFile: PageKind {
    package var name: String { "Atom feed" }
    package var chromeLinkKey: String? { "feedURL" }

    package func chromeLinkTarget(in site: Site, language: LanguageCode) -> String? { SitePaths.feed(language) }

    package func jobs(in site: Site) -> [PageJob] {
        site.languageCodes.map { PageJob(language: $0) }
    }

    package func bodies(of job: PageJob, in site: Site) -> BodyUse {
        .quoted(Set(AtomFeed.latest(site: site, language: job.language).map(\.entry.id)), html: true)
    }

    package func render(_ job: PageJob, _ renderer: PageRenderer, pages: [PageRenderer.Page]) -> [PageRenderer.Page] {
        [PageRenderer.Page(path: SitePaths.feed(job.language), content: AtomFeed(site: renderer.site, language: job.language).xml)]
    }
}
