import XCTest
@testable import PasserelleModel

final class EntryPageTests: XCTestCase {
    func testAChangeMakesANewBoxAndCopiesKeepTheirFields() {
        let page = EntryPage(language: "en", textLanguage: "fr", slug: "a", outputPath: "en/s/a/index.html", related: ["s/b"])
        var copy = page
        copy.related = ["s/c"]
        copy.setBody(html: "<p>x</p>", headingIDs: ["h"], plainText: "x", references: ["s/d"])
        XCTAssertEqual(page.related, ["s/b"])
        XCTAssertEqual(page.html, "")
        XCTAssertEqual(copy.related, ["s/c"])
        XCTAssertEqual([copy.html.string, copy.plainText.string], ["<p>x</p>", "x"])
        XCTAssertEqual(copy.headingIDs, ["h"])
        XCTAssertEqual(copy.bodyReferences, ["s/d"])
        XCTAssertTrue(page.isFallback, "an English page with a French text")
        XCTAssertEqual(copy.outputPath, "en/s/a/index.html")
    }

    func testTypedFieldsAndBacklinks() {
        var page = EntryPage(language: "fr", textLanguage: "fr", slug: "a", outputPath: "fr/s/a/index.html")
        XCTAssertFalse(page.isFallback)
        XCTAssertEqual(page.fieldTargets, [:])
        page.fieldTargets = ["addresses": ["plan/a"]]
        page.typedBacklinks = [TypedBacklinks(section: "projects", field: "addresses", sources: ["projects/x"])]
        XCTAssertEqual(page.fieldTargets["addresses"], ["plan/a"])
        XCTAssertEqual(page.typedBacklinks.first?.sources, ["projects/x"])
    }
}
