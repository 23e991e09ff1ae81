import XCTest
@testable import PasserellePages

final class HomePageTests: XCTestCase {
    func testAHomePerLanguageWithItsIntroAndSections() throws {
        let files = try FixtureSite.files(of: HomePage(), in: "bilingual")
        XCTAssertEqual(files.keys.sorted(), ["en/index.html", "fr/index.html"])
        let french = try XCTUnwrap(files["fr/index.html"])
        XCTAssertTrue(french.contains(#"<html lang="fr">"#))
        XCTAssertTrue(french.contains("Recommandations"))
        XCTAssertTrue(french.contains(#"href="recommandations/calendrier/index.html""#), "entries linked relative to the page")
        XCTAssertTrue(french.contains(#"<link rel="alternate" hreflang="x-default" href="https://example.org/test/">"#), "the chooser for other readers")
    }
}
