import Foundation
import XCTest
@testable import PasserelleCore
@testable import PasserellePages
@testable import PasserelleResolve
@testable import PasserelleTemplates

/// The render plan against what the page kinds actually render: every file a body reaches is in
/// a job that declares it, so that a text edit redoes every file a clean build would change.
final class RenderPlanTests: XCTestCase {
    private func resolvedSite(_ fixture: String, extraEntries: Int = 0) throws -> (Site, Theme) {
        try FixtureSite.resolved(fixture, extraEntries: extraEntries)
    }

    /// Each job's files by path, rendered one job at a time.
    private func filesByJob(_ plan: RenderPlan, _ theme: Theme) -> [[String: [UInt8]]] {
        let renderer = PageRenderer(site: plan.site, theme: theme)
        return plan.jobs.map { job in
            Dictionary(plan.render([job], with: renderer).map { ($0.path, $0.bytes) }, uniquingKeysWith: { a, _ in a })
        }
    }

    /// For every entry page of the fixtures, a new body (HTML and plain text) is put into the model:
    /// every job whose files change must be one the plan selects for that edit, and nothing else changes.
    func testEveryFileABodyReachesIsInAJobThatDeclaresIt() throws {
        for fixture in ["bilingual", "calendar"] {
            let (site, theme) = try resolvedSite(fixture)
            let plan = RenderPlan(site: site)
            let before = filesByJob(plan, theme)
            var edits = 0
            for id in site.entries.keys.sorted() {
                for language in site.languageCodes {
                    var entries = site.entries
                    var page = try XCTUnwrap(entries[id]?.pages[language])
                    page.html = UTF8Text("<p>A body nobody has written before (\(id), \(language)).</p>")
                    page.plainText = UTF8Text("A body nobody has written before (\(id), \(language)).")
                    entries[id]!.pages[language] = page
                    let edited = Site(config: site.config, sections: site.sections, entries: entries, homeIntros: site.homeIntros,
                                      assets: site.assets, buildDate: site.buildDate)
                    let editedPlan = RenderPlan(site: edited)
                    XCTAssertEqual(editedPlan.jobs, plan.jobs)
                    let after = filesByJob(editedPlan, theme)
                    let selected = editedPlan.jobs(showing: [RenderPlan.EditedBody(entry: id, language: language)])
                    // The kinds that find their jobs for an edit directly find those their declarations give.
                    let declared = editedPlan.jobs.filter { $0.language == language && PageKinds.all[$0.kind].bodies(of: $0, in: edited).shows(anyOf: [id]) }
                    XCTAssertEqual(Set(selected.map { "\($0)" }), Set(declared.map { "\($0)" }), "\(fixture): \(id) \(language)")
                    for (index, job) in plan.jobs.enumerated() where before[index] != after[index] {
                        XCTAssertTrue(selected.contains(job), "\(fixture): a new body of \(id) in \(language) changes the files of a \(PageKinds.all[job.kind].name) job that does not declare it")
                    }
                    XCTAssertTrue(selected.contains { PageKinds.all[$0.kind] is EntryPages }, "\(id) \(language): its own page is redone")
                    edits += 1
                }
            }
            XCTAssertGreaterThanOrEqual(edits, 10, fixture)
        }
    }

    /// The bodies a job shows besides its own entry's are those the snapshot keeps: the feed's entries (with their HTML) and a language's events.
    func testQuotedBodiesAreTheFeedsAndTheCalendarsOfEachLanguage() throws {
        let (site, _) = try resolvedSite("minimal", extraEntries: 30)
        let quoted = RenderPlan(site: site).quotedBodies()
        for language in site.languageCodes {
            let feed = Set(AtomFeed.latest(site: site, language: language).map(\.entry.id))
            XCTAssertFalse(feed.isEmpty)
            for id in feed {
                XCTAssertTrue(quoted.html.contains(.init(entry: id, language: language)), "\(id) is in the \(language) feed")
            }
            let events = site.entries.values.filter { $0.variant(for: language, order: site.languageCodes).metadata.event != nil }.map(\.id)
            XCTAssertFalse(events.isEmpty)
            for id in events {
                XCTAssertTrue(quoted.plainText.contains(.init(entry: id, language: language)), "\(id) is in the \(language) calendar")
            }
        }
        let everyBody = site.entries.count * site.languageCodes.count
        XCTAssertLessThan(quoted.plainText.count, everyBody, "only some bodies are quoted")
    }

    /// A full render is the jobs of every kind, each file once, with the sitemap made last.
    func testFullRenderWritesEachPathOnceWithTheSitemapLast() throws {
        let (site, theme) = try resolvedSite("calendar")
        let pages = RenderPlan(site: site).render(with: PageRenderer(site: site, theme: theme))
        XCTAssertEqual(Set(pages.map(\.path)).count, pages.count)
        XCTAssertEqual(pages.last?.path, "sitemap.xml")
        for path in ["index.html", "404.html", "robots.txt", "translation-status.html", "translation-status.json",
                     "fr/index.html", "en/atom.xml", "fr/calendar.ics", "en/search-index.js"] {
            XCTAssertTrue(pages.contains { $0.path == path }, path)
        }
        // Every kind with templates has jobs here or in the catalog fixture (the catalog's facet pages).
        let (catalogSite, _) = try resolvedSite("catalog")
        for (index, kind) in PageKinds.all.enumerated() where !kind.templates.isEmpty {
            XCTAssertTrue(RenderPlan(site: site).jobs.contains { $0.kind == index } || RenderPlan(site: catalogSite).jobs.contains { $0.kind == index }, kind.name)
        }
    }

    /// The render takes the languages' jobs in turn (so that the cores write into different
    /// folders), each language's in its order, and every job once; the pages still come back in
    /// the order of the jobs, phase by phase.
    func testJobsAreRenderedFromEachLanguageInTurn() throws {
        let (fr, en, ar) = (LanguageCode("fr"), LanguageCode("en"), LanguageCode("ar"))
        let jobs = [fr, fr, fr, en, en, ar].map { PageJob(language: $0) }
        XCTAssertEqual(RenderPlan.alternatingLanguages([0, 1, 2, 3, 4, 5], of: jobs), [0, 3, 5, 1, 4, 2])
        XCTAssertEqual(RenderPlan.alternatingLanguages([1, 2, 4], of: jobs), [1, 4, 2])
        XCTAssertEqual(RenderPlan.alternatingLanguages([], of: jobs), [])

        let (site, theme) = try resolvedSite("calendar")
        let plan = RenderPlan(site: site)
        let pages = plan.render(with: PageRenderer(site: site, theme: theme))
        // In the order of the jobs, those rendered after the pages (the sitemap) last.
        let inOrder = plan.jobs.filter { PageKinds.all[$0.kind].phase == .pages } + plan.jobs.filter { PageKinds.all[$0.kind].phase == .afterPages }
        let oneByOne = inOrder.flatMap { plan.render([$0], with: PageRenderer(site: site, theme: theme)) }
        XCTAssertEqual(pages.map(\.path), oneByOne.map(\.path))
    }

    /// The theme's templates are those the kinds name, and a template key no kind provides is an error.
    func testThemeRequirementsComeFromTheKinds() throws {
        let requirements = PageKinds.themeRequirements
        let templates = try FileManager.default.contentsOfDirectory(atPath: FixtureSite.defaultTheme.appendingPathComponent("templates").path)
            .filter { $0.hasSuffix(".mustache") }.map { String($0.dropLast(".mustache".count)) }
        // Besides them, only partials that one of them includes (`{{>pager}}`).
        let folder = FixtureSite.defaultTheme.appendingPathComponent("templates")
        let partials = try Set(templates.flatMap { name in
            try TemplateParser.compile(String(contentsOf: folder.appendingPathComponent(name + ".mustache"), encoding: .utf8))
                .references.filter { $0.kind == .partial }.map(\.name)
        })
        XCTAssertEqual(Set(requirements.templates), Set(templates).subtracting(partials.subtracting(requirements.templates)))
        XCTAssertEqual(partials.subtracting(requirements.templates), ["pager"])
        XCTAssertTrue(requirements.keys.isSuperset(of: ["azURL", "feedURL", "tagsURL", "searchURL", "entry", "weeks", "missingCount"]))
        XCTAssertEqual(PageKinds.chromeLinks(in: try resolvedSite("minimal").0, language: "en").map(\.key), ["azURL", "tagsURL", "searchURL", "feedURL"])
    }
}
