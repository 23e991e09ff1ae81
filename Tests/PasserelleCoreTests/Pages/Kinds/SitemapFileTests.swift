import XCTest
@testable import PasserelleModel
@testable import PasserellePages

final class SitemapFileTests: XCTestCase {
    func testTheSitemapIsMadeAfterThePagesFromThem() throws {
        let (site, theme) = try FixtureSite.resolved("bilingual")
        let kind = SitemapFile()
        XCTAssertEqual(kind.phase, .afterPages)
        let renderer = PageRenderer(site: site, theme: theme)
        var page = PageRenderer.Page(path: "fr/x/index.html", content: [], alternates: [("fr", "fr/x/index.html"), ("x-default", "fr/x/index.html")])
        page.lastModified = CalendarDate(year: 2005, month: 11, day: 16)
        let files = kind.render(.atRoot, renderer, pages: [page])
        let xml = try XCTUnwrap(files.first { $0.path == "sitemap.xml" }?.content)
        XCTAssertTrue(xml.contains("<loc>https://example.org/test/fr/x/</loc>"), xml)
        XCTAssertTrue(xml.contains("<lastmod>2005-11-16</lastmod>"))
        XCTAssertEqual(try FixtureSite.files(of: RobotsFile(), in: "bilingual")["robots.txt"],
                       "User-agent: *\nAllow: /\n\nSitemap: https://example.org/test/sitemap.xml\n")
    }
}
