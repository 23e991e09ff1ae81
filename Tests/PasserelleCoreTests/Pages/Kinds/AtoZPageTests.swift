import XCTest
@testable import PasserellePages

final class AtoZPageTests: XCTestCase {
    func testLettersLinkToTheirGroups() throws {
        let files = try FixtureSite.files(of: AtoZPage(), in: "bilingual")
        XCTAssertEqual(files.keys.sorted(), ["en/a-z/index.html", "fr/index-a-z/index.html"], "slugs per language")
        let french = try XCTUnwrap(files["fr/index-a-z/index.html"])
        for letter in ["A", "C", "E", "S", "Z"] { XCTAssertTrue(french.contains(">\(letter)<"), letter) }
        XCTAssertTrue(french.contains(#"href="../recommandations/zebra/index.html""#))
    }
}
