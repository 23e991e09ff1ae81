import Foundation
import XCTest
@testable import PasserelleModel
@testable import PasserellePages

final class SitemapTests: XCTestCase {
    func testListedPagesWithTheirAlternatesAndNothingElse() throws {
        let (site, theme) = try FixtureSite.resolved("bilingual")
        let pages = PageRenderer(site: site, theme: theme).renderAll()
        let xml = try XCTUnwrap(pages.first { $0.path == "sitemap.xml" }).content
        let locations = xml.components(separatedBy: "<loc>").dropFirst().map { String($0.prefix { $0 != "<" }) }
        let listed = pages.filter(\.listed).map { SitePaths.absolute($0.path, baseURL: site.config.baseURL) }
        XCTAssertEqual(Set(locations), Set(listed))
        XCTAssertFalse(locations.contains { $0.hasSuffix("404.html") || $0.contains("old/") }, "no 404s or redirects")
        XCTAssertTrue(xml.contains("hreflang=\"x-default\""))
        XCTAssertEqual(Sitemap.robots(baseURL: "https://example.org/test/"), "User-agent: *\nAllow: /\n\nSitemap: https://example.org/test/sitemap.xml\n")
    }
}
