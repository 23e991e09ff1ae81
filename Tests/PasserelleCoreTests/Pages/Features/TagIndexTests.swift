import XCTest
@testable import PasserelleModel
@testable import PasserellePages

final class TagIndexTests: XCTestCase {
    func testTagsOfALanguageWithSlugsAndEntries() throws {
        let (site, _) = try FixtureSite.resolved("bilingual")
        let french = TagIndex(site: site, language: "fr").tags
        XCTAssertEqual(french.map(\.name), ["Éducation", "SMSI"], "by the language's collation: É with E")
        XCTAssertEqual(french.map(\.slug), ["education", "smsi"])
        XCTAssertEqual(french[0].entryIDs, ["recommendations/calendar"])
        XCTAssertEqual(TagIndex.slugs(site: site, language: "en"), ["education", "wsis"])
    }

    func testSlugsAreHeadingIDs() {
        XCTAssertEqual(TagIndex.slug(for: "Phase 1"), "phase-1")
        XCTAssertEqual(TagIndex.slug(for: "Éducation"), "education")
    }
}
