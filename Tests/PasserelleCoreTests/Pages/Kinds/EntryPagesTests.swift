import Foundation
import XCTest
@testable import PasserelleCore
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

    /// Backlinks are grouped by section in the sections' order (not the ids'), each group in its
    /// section's listing order (here by weight, not by id).
    func testBacklinksAreGroupedInSectionOrderAndListedInListingOrder() throws {
        let site = try FixtureSite("bilingual", theme: FixtureSite.defaultTheme)
        defer { site.remove() }
        let zebra = try site.read("recommendations/zebra.fr.md", in: site.content)
        try site.write("recommendations/zebra.fr.md", zebra.replacingOccurrences(of: "weight: 2", with: "weight: 0")
            .replacingOccurrences(of: "Dernier.", with: "Dernier, voir [[education]]."))
        let event = try site.read("events/tunis-2005.fr.md", in: site.content)
        try site.write("events/tunis-2005.fr.md", event.replacingOccurrences(of: "Le sommet.", with: "Le sommet et [[education]]."))
        let report = site.build()
        XCTAssertTrue(report.succeeded, "\(report.diagnostics)")
        let page = try site.read("fr/recommandations/education/index.html")
        let backlinks = try XCTUnwrap(page.range(of: "class=\"backlinks\"")).lowerBound
        let order = ["<h3>Recommandations</h3>", "Zèbre", "Calendrier des événements", "<h3>Événements</h3>", "Sommet de Tunis"]
            .map { page.range(of: $0, range: backlinks..<page.endIndex)?.lowerBound }
        XCTAssertFalse(order.contains(nil), page)
        XCTAssertEqual(order.compactMap { $0 }, order.compactMap { $0 }.sorted(), page)
    }

    func testAFallbackPageSaysItsTextsLanguage() throws {
        let files = try FixtureSite.files(of: EntryPages(), in: "bilingual")
        let fallback = try XCTUnwrap(files["en/recommendations/education/index.html"])
        XCTAssertTrue(fallback.contains(#"lang="fr""#), "the French text is marked as French")
        XCTAssertTrue(fallback.contains(#"<html lang="en">"#), "in the English site")
    }

    /// A fallback page's body links keep their targets' headings in the reader's language: the
    /// French `[[calendar#dates-cles]]` on the English side leads to the English `#key-dates`.
    func testAFallbackBodysAnchorsLeadToTheHeadingsOfTheReadersLanguage() throws {
        let files = try FixtureSite.files(of: EntryPages(), in: "bilingual")
        let french = try XCTUnwrap(files["fr/recommandations/education/index.html"])
        XCTAssertTrue(french.contains("<a href=\"../calendrier/index.html#dates-cles\">calendrier</a>"), french)
        let english = try XCTUnwrap(files["en/recommendations/education/index.html"])
        XCTAssertTrue(english.contains("<a href=\"../calendar/index.html#key-dates\">calendrier</a>"), english)
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

    /// `related: [calendar#key-dates]` keeps its heading; on a page that shows another language's
    /// text than the one it was written for, the heading at the same place there.
    func testARelatedHeadingIsKeptAndFollowsTheReadersLanguage() throws {
        let site = try FixtureSite("bilingual", theme: FixtureSite.defaultTheme)
        defer { site.remove() }
        let add = { (path: String, related: String) in
            let text = try site.read(path, in: site.content)
            try site.write(path, text.replacingOccurrences(of: "---\ntitle:", with: "---\nrelated: [\(related)]\ntitle:"))
        }
        try add("recommendations/zebra.en.md", "calendar#key-dates")
        try add("recommendations/education.fr.md", "calendar#dates-cles")
        let report = site.build()
        XCTAssertTrue(report.succeeded, "\(report.diagnostics)")
        XCTAssertTrue(try site.read("en/recommendations/zebra/index.html").contains("<a href=\"../calendar/index.html#key-dates\">"))
        XCTAssertTrue(try site.read("fr/recommandations/education/index.html").contains("<a href=\"../calendrier/index.html#dates-cles\">"))
        // The French text on the English side: the English calendar's heading at the same place.
        let fallback = try site.read("en/recommendations/education/index.html")
        XCTAssertTrue(fallback.contains("<a href=\"../calendar/index.html#key-dates\">"), fallback)
        // A text edit renders the page again from the snapshot, which keeps the heading.
        try site.write("recommendations/zebra.en.md", try site.read("recommendations/zebra.en.md", in: site.content) + "\nOne more line.\n")
        XCTAssertEqual(site.build().textsRebuilt, 1)
        XCTAssertTrue(try site.read("en/recommendations/zebra/index.html").contains("<a href=\"../calendar/index.html#key-dates\">"))

        try add("recommendations/zebra.fr.md", "calendar#dates-cle")
        let broken = site.build()
        XCTAssertFalse(broken.succeeded)
        XCTAssertTrue(broken.diagnostics.map(\.formatted).contains("content/recommendations/zebra.fr.md:2:11: error: no heading '#dates-cle' in 'recommendations/calendar' (did you mean 'dates-cles'?)"),
                      "\(broken.diagnostics.map(\.formatted))")
    }
}
