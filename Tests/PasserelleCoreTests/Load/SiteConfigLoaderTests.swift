import XCTest
@testable import PasserelleContent
@testable import PasserelleModel

final class SiteConfigLoaderTests: XCTestCase {
    let valid = """
    title: { fr: "Site", en: "Site" }
    baseURL: "https://example.org/base"
    languages:
      - { code: fr, name: "Français", locale: fr_FR }
      - { code: en, name: "English" }
    sections:
      recommendations: { kind: entry, slug: { fr: recommandations }, title: { fr: Recommandations, en: Recommendations } }
      events: { kind: event }
    paths:
      az: { fr: lexique }
    budget: { page: 60KB }
    """

    func testEverySettingIsRead() throws {
        let (config, diagnostics) = SiteConfigLoader.load(text: valid, path: "content/site.yaml")
        XCTAssertEqual(diagnostics, [])
        let site = try XCTUnwrap(config)
        XCTAssertEqual(site.baseURL, "https://example.org/base/", "a base URL always ends with /")
        XCTAssertEqual(site.languages.map(\.code), ["fr", "en"])
        XCTAssertEqual(site.languages[1].locale, "en", "the locale is the code by default")
        XCTAssertEqual(site.sections.map(\.name), ["recommendations", "events"], "in the order written")
        XCTAssertEqual(site.sections[0].slug(in: "fr"), "recommandations")
        XCTAssertEqual(site.sections[0].slug(in: "en"), "recommendations", "the folder name by default")
        XCTAssertEqual(site.sections[1].kind, .event)
        XCTAssertEqual(site.generatedSlug("az", "fr"), "lexique")
        XCTAssertEqual(site.generatedSlug("az", "en"), "a-z")
        XCTAssertEqual(site.pageBudget?.bytes, 60 * 1024)
        XCTAssertEqual(site.theme, "default")
    }

    func testEachProblemAtItsLine() {
        let broken = """
        title: Site
        languages:
          - { code: fr }
          - { code: fr }
          - { code: "f r" }
        sections:
          a: { kind: entri, slug: "x/y" }
        """
        let (_, diagnostics) = SiteConfigLoader.load(text: broken, path: "site.yaml")
        XCTAssertEqual(diagnostics.map(\.formatted), [
            "site.yaml:4:13: error: language 'fr' is declared twice",
            "site.yaml:5:13: error: language code 'f r' must be letters, like 'fr'",
            "site.yaml:7:14: error: unknown section kind 'entri' (did you mean 'entry'?)",
            "site.yaml:7:27: error: unsafe slug 'x/y' for 'fr': use letters, digits and '-'",
        ])
    }
}
