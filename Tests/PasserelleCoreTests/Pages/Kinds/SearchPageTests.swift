import XCTest
@testable import PasserellePages

final class SearchPageTests: XCTestCase {
    func testTheSearchPageLoadsItsLanguagesIndexAsAScript() throws {
        let files = try FixtureSite.files(of: SearchPage(), in: "bilingual")
        XCTAssertEqual(files.keys.sorted(), ["en/search/index.html", "fr/recherche/index.html"])
        let french = try XCTUnwrap(files["fr/recherche/index.html"])
        XCTAssertTrue(french.contains(#"src="../search-index.js""#), "works from file://, where fetch is blocked")
        XCTAssertTrue(french.contains(#"src="../../theme/search.js""#))
    }
}
