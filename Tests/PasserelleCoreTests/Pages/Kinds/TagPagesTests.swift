import XCTest
@testable import PasserellePages

final class TagPagesTests: XCTestCase {
    func testATagPageListsItsEntriesAndDeclaresItsTranslations() throws {
        let files = try FixtureSite.files(of: TagPages(), in: "bilingual")
        XCTAssertEqual(files.keys.sorted(), ["en/tags/education/index.html", "en/tags/wsis/index.html",
                                             "fr/mots-cles/education/index.html", "fr/mots-cles/smsi/index.html"])
        let education = try XCTUnwrap(files["fr/mots-cles/education/index.html"])
        XCTAssertTrue(education.contains("Calendrier des événements"))
        XCTAssertTrue(education.contains(#"hreflang="en" href="https://example.org/test/en/tags/education/""#), "the same slug in English: its translation")
        let smsi = try XCTUnwrap(files["fr/mots-cles/smsi/index.html"])
        XCTAssertFalse(smsi.contains(#"<link rel="alternate" hreflang="en""#), "no English tag 'smsi': no alternate")
    }
}
