import XCTest
@testable import PasserellePages

final class RedirectPagesTests: XCTestCase {
    func testEachAliasIsARedirectToItsTextsPage() throws {
        let files = try FixtureSite.files(of: RedirectPages(), in: "bilingual")
        XCTAssertEqual(Array(files.keys), ["old/calendrier.htm"])
        let page = try XCTUnwrap(files["old/calendrier.htm"])
        XCTAssertTrue(page.contains(#"<meta http-equiv="refresh" content="0; url=../fr/recommandations/calendrier/index.html">"#), page)
        XCTAssertTrue(page.contains(#"<meta name="robots" content="noindex">"#))
        XCTAssertTrue(page.contains(#"<link rel="canonical" href="https://example.org/test/fr/recommandations/calendrier/">"#))
    }

    func testAnAliasIsAFileWhenItNamesOneElseAFolder() {
        XCTAssertEqual(PageRenderer.aliasPath("/old/page.htm"), "old/page.htm")
        XCTAssertEqual(PageRenderer.aliasPath("/old/page.html"), "old/page.html")
        XCTAssertEqual(PageRenderer.aliasPath("/old/page/"), "old/page/index.html")
        XCTAssertEqual(PageRenderer.aliasPath("old//page"), "old/page/index.html")
    }
}
