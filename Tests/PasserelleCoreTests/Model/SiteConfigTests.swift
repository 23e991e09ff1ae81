import XCTest
@testable import PasserelleModel

final class SiteConfigTests: XCTestCase {
    let config = SiteConfig(title: ["fr": "Site", "en": "Site EN"], baseURL: "https://example.org/", languages: [
        Language(code: "fr", name: "Français", locale: "fr_FR"), Language(code: "en", name: "English", locale: "en_GB"),
    ], theme: "default", sections: [], unsafeHTML: false, generatedSlugs: ["az": ["fr": "lexique"]])

    func testLanguagesAndTheirLocales() {
        XCTAssertEqual(config.languageCodes, ["fr", "en"])
        XCTAssertEqual(config.defaultLanguage.code, "fr")
        XCTAssertEqual(config.locale(of: "en"), "en_GB")
        XCTAssertEqual(config.locale(of: "ar"), "ar", "a code the site lacks is its own locale")
        XCTAssertEqual(config.title(in: "en"), "Site EN")
        XCTAssertEqual(config.title(in: "ar"), "Site", "else the default language's")
        XCTAssertEqual(config.language("en")?.name, "English")
    }

    func testGeneratedSlugsAndAnotherAddress() {
        XCTAssertEqual(config.generatedSlug("az", "fr"), "lexique")
        XCTAssertEqual(config.generatedSlug("az", "en"), "a-z")
        XCTAssertEqual(config.generatedSlug("search", "fr"), "recherche")
        XCTAssertEqual(config.generatedSlug("other", "fr"), "other")
        XCTAssertEqual(config.with(baseURL: "http://localhost:8000").baseURL, "http://localhost:8000/")
    }

    func testPageBudgetSizes() {
        XCTAssertEqual(PageBudget.bytes("60KB"), 61_440)
        XCTAssertEqual(PageBudget.bytes("60 kb"), 61_440, "as editors write them")
        XCTAssertEqual(PageBudget.bytes("800B"), 800)
        XCTAssertEqual(PageBudget.bytes("1.5MB"), 1_572_864)
        XCTAssertEqual(PageBudget.bytes("50000"), 50_000)
        XCTAssertEqual(PageBudget.bytes("2kib"), 2_048)
        for bad in ["", "KB", "-3KB", "0", "lots", "nanKB"] { XCTAssertNil(PageBudget.bytes(bad), bad) }
    }
}
