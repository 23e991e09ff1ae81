import XCTest
@testable import PasserellePages

final class LanguageChooserPageTests: XCTestCase {
    func testTheRootPageOffersEveryLanguageInItsOwnWords() throws {
        let files = try FixtureSite.files(of: LanguageChooserPage(), in: "bilingual")
        let page = try XCTUnwrap(files["index.html"])
        XCTAssertEqual(files.count, 1)
        XCTAssertTrue(page.contains(#"<a href="fr/index.html" hreflang="fr">"#), page)
        XCTAssertTrue(page.contains(#"<a href="en/index.html" hreflang="en">"#))
        XCTAssertTrue(page.contains("Français") && page.contains("English"))
        XCTAssertTrue(page.contains("<title>Site d’essai · Test site</title>"))
    }
}
