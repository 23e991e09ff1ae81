import Foundation
import XCTest
@testable import PasserelleModel
@testable import PasserellePages
@testable import PasserelleTemplates

final class PageRendererTests: XCTestCase {
    func renderer() throws -> PageRenderer {
        let (site, theme) = try FixtureSite.resolved("bilingual")
        return PageRenderer(site: site, theme: theme)
    }

    func testAlternatesNameEveryLanguageAndXDefaultTheChooserForHomes() throws {
        let renderer = try renderer()
        XCTAssertEqual(renderer.alternatePaths { SitePaths.home($0) }.map { "\($0.0) \($0.1)" }, ["fr fr/index.html", "en en/index.html", "x-default index.html"])
        XCTAssertEqual(renderer.xDefault { "\($0)/a/index.html" }, "fr/a/index.html", "elsewhere the default language's page")
    }

    func testAnEntryLinkIsRelativeAndSaysTheLanguageOfAFallbackTitle() throws {
        let renderer = try renderer()
        let site = renderer.site
        let education = renderer.entryLink(site["recommendations/education"], language: "en", from: "en/recommendations/calendar/index.html")
        XCTAssertEqual(education["title"], .text("Éducation"))
        XCTAssertEqual(education["linkLang"], .text("fr"), "a French title on an English page says so")
        XCTAssertEqual(education["url"], .text("../education/index.html"))
        let zebra = renderer.entryLink(site["recommendations/zebra"], language: "en", from: "en/index.html")
        XCTAssertNil(zebra["linkLang"])
        XCTAssertEqual(zebra["url"], .text("recommendations/zebra/index.html"))
    }

    func testTheChromeMarksTheCurrentLanguageAndLinksTheOthersToTheSamePage() throws {
        let renderer = try renderer()
        let path = "fr/recommandations/calendrier/index.html"
        let chrome = renderer.chrome(language: "fr", path: path, title: "Calendrier") { language in
            renderer.site["recommendations/calendar"].pages[language].outputPath
        }
        XCTAssertEqual(chrome["pageTitle"], .text("Calendrier · Site d’essai"))
        XCTAssertEqual(chrome["canonical"], .text("https://example.org/test/fr/recommandations/calendrier/"), "without index.html")
        guard case let .records(languages)? = chrome["languages"] else { return XCTFail("a list of languages") }
        XCTAssertEqual(languages.map { $0["current"] }, [.bool(true), .bool(false)])
        XCTAssertEqual(languages[1]["url"], .text("../../../en/recommendations/calendar/index.html"))
    }

    func testTheChromeLinksToEverySectionAndPageOfTheLanguage() throws {
        let renderer = try renderer()
        let targets = PageRenderer.chromeTargets(site: renderer.site, language: "en")
        XCTAssertTrue(targets.contains("en/index.html"))
        XCTAssertTrue(targets.contains("en/recommendations/index.html"))
        XCTAssertTrue(targets.contains("en/pages/about/index.html"), "a page section's pages are in the menu themselves")
        XCTAssertTrue(targets.contains("en/search/index.html"))
        XCTAssertEqual(renderer.chromeDepth["en"], targets.map { SitePaths.depth($0.utf8) }.max())
    }
}
