import XCTest
@testable import PasserelleModel

final class SiteTests: XCTestCase {
    func testEntriesAndSectionsByName() throws {
        let (site, _) = try FixtureSite.resolved("bilingual")
        XCTAssertEqual(site["recommendations/zebra"].id, "recommendations/zebra")
        XCTAssertEqual(site.section(named: "events")?.config.kind, .event)
        XCTAssertNil(site.section(named: "nothing"))
        XCTAssertEqual(site.languageCodes, ["fr", "en"])
        XCTAssertEqual(site.homeIntros["fr"]?.textLanguage, "fr")
        XCTAssertEqual(site.section(named: "recommendations")?.orderedEntries["fr"],
                       ["recommendations/calendar", "recommendations/education", "recommendations/zebra"])
        XCTAssertEqual(site.section(named: "recommendations")?.intros["en"]?.textLanguage, "fr", "no English intro: the French one")
        XCTAssertNil(site.section(named: "events")?.intros["fr"] ?? nil, "no intro at all")
    }

    func testAFilesIdIsItsSectionAndSlug() {
        let file = SourceFile(displayPath: "content/events/tunis.fr.md", relativePath: "events/tunis.fr.md", section: "events",
                              slug: "tunis", language: "fr", isIndex: false, text: "")
        XCTAssertEqual(file.id, "events/tunis")
        let home = SourceFile(displayPath: "content/_index.fr.md", relativePath: "_index.fr.md", section: nil, slug: "_index",
                              language: "fr", isIndex: true, text: "")
        XCTAssertEqual(home.id, "_index")
    }
}
