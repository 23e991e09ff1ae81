import XCTest
@testable import PasserellePages

final class SectionListingPageTests: XCTestCase {
    func testEachSectionListsItsEntriesByCategoryInWeightOrder() throws {
        let files = try FixtureSite.files(of: SectionListingPage(), in: "bilingual")
        XCTAssertTrue(Set(files.keys).isSuperset(of: ["fr/recommandations/index.html", "en/recommendations/index.html", "fr/evenements/index.html"]))
        let french = try XCTUnwrap(files["fr/recommandations/index.html"])
        XCTAssertTrue(french.contains("Introduction des recommandations."), "the section's intro")
        let order = ["Premier groupe", "Calendrier des événements", "Éducation", "Second groupe", "Zèbre"].map { french.range(of: $0)?.lowerBound }
        XCTAssertFalse(order.contains(nil), french)
        XCTAssertEqual(order.compactMap { $0 }, order.compactMap { $0 }.sorted(), "categories in order, entries by weight within them")
        let english = try XCTUnwrap(files["en/recommendations/index.html"])
        XCTAssertTrue(english.contains(#"lang="fr""#), "the French title of a fallback entry says its language")
    }
}
