import XCTest
@testable import PasserelleModel
@testable import PasserellePages

final class EntryPagesTests: XCTestCase {
    func testAPagePerEntryAndLanguageWithItsBodyLinksAndBacklinks() throws {
        let files = try FixtureSite.files(of: EntryPages(), in: "bilingual")
        XCTAssertEqual(files.count, 10, "five entries in two languages")
        let calendar = try XCTUnwrap(files["fr/recommandations/calendrier/index.html"])
        XCTAssertTrue(calendar.contains(#"<a href="../education/index.html">Éducation</a>"#), "[[education]] as a link")
        XCTAssertTrue(calendar.contains("Sommet de Tunis"), "related: the event")
        let education = try XCTUnwrap(files["fr/recommandations/education/index.html"])
        XCTAssertTrue(education.contains("Calendrier des événements"), "a backlink to the page that links here")
    }

    func testAFallbackPageSaysItsTextsLanguage() throws {
        let files = try FixtureSite.files(of: EntryPages(), in: "bilingual")
        let fallback = try XCTUnwrap(files["en/recommendations/education/index.html"])
        XCTAssertTrue(fallback.contains(#"lang="fr""#), "the French text is marked as French")
        XCTAssertTrue(fallback.contains(#"<html lang="en">"#), "in the English site")
    }

    func testATextEditFindsItsJobsWithoutListingEveryJob() throws {
        let (site, _) = try FixtureSite.resolved("bilingual")
        let kind = EntryPages()
        let edits: [LanguageCode: Set<EntryID>] = ["fr": ["recommendations/zebra"], "en": ["recommendations/zebra", "nowhere/gone"]]
        let found = kind.jobs(showing: edits, in: site)
        XCTAssertEqual(found.map(\.language), ["fr", "en"])
        XCTAssertEqual(found.map(\.subject), [.entry("recommendations/zebra"), .entry("recommendations/zebra")], "an id the site lacks is left out")
        let all = kind.jobs(in: site).filter { job in edits[job.language].map { kind.bodies(of: job, in: site).shows(anyOf: $0) } ?? false }
        XCTAssertEqual(found, all, "the same jobs as asking every job")
    }
}
