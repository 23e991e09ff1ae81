import Foundation
import XCTest
@testable import PasserelleCore
@testable import PasserelleOutput
@testable import PasserellePages
@testable import PasserelleTemplates

final class SectionListingPageTests: XCTestCase {
    func testEachSectionListsItsEntriesByCategoryInWeightOrder() throws {
        let files = try FixtureSite.files(of: SectionListingPage(), in: "bilingual")
        XCTAssertTrue(Set(files.keys).isSuperset(of: ["fr/recommandations/index.html", "en/recommendations/index.html", "fr/evenements/index.html"]))
        let french = try XCTUnwrap(files["fr/recommandations/index.html"])
        XCTAssertTrue(french.contains("Introduction des recommandations."), "the section's intro")
        let order = ["Premier groupe", "Calendrier des événements", "Éducation", "Second groupe", "Zèbre"].map { french.range(of: $0)?.lowerBound }
        XCTAssertFalse(order.contains(nil), french)
        XCTAssertEqual(order.compactMap { $0 }, order.compactMap { $0 }.sorted(), "categories in order, entries by weight within them")
        let english = try XCTUnwrap(files["en/recommendations/index.html"])
        XCTAssertTrue(english.contains(#"lang="fr""#), "the French title of a fallback entry says its language")
    }

    /// `map: countries`: each country with entries shaded, linked to its facet page and named with
    /// its count in the catalog's nouns; the legend; the same figures as a table.
    func testACatalogMapLinksAndNamesEachCountryWithEntries() throws {
        let files = try FixtureSite.files(of: SectionListingPage(), in: "catalog")
        let french = try XCTUnwrap(files["fr/projets/index.html"])
        XCTAssertTrue(french.contains("<svg viewBox=\"0 0 1000 "), french)
        XCTAssertTrue(french.contains("<a href=\"pays/sn/index.html\" data-key=\"sn\"><title>Sénégal : 2 projets</title><path class=\"level2\" d=\"M"), french)
        XCTAssertTrue(french.contains("<a href=\"pays/ml/index.html\" data-key=\"ml\"><title>Mali : 1 projet</title><path class=\"level1\" d=\"M"), french)
        XCTAssertEqual(french.components(separatedBy: "</title><path").count - 1, 2, "only the countries with entries are links")
        XCTAssertTrue(french.contains("<span class=\"swatch level1\"></span> 1</span> <span class=\"legend-item\"><span class=\"swatch level2\"></span> 2</span>"), french)
        XCTAssertTrue(french.contains("<th scope=\"col\">Pays</th><th scope=\"col\">Projets</th>"), french)
        XCTAssertTrue(french.contains("<tr><th scope=\"row\"><a href=\"pays/ml/index.html\">Mali</a></th><td>1</td></tr>\n<tr><th scope=\"row\"><a href=\"pays/sn/index.html\">Sénégal</a></th><td>2</td></tr>"), french)
        let english = try XCTUnwrap(files["en/projects/index.html"])
        XCTAssertTrue(english.contains("<a href=\"countries/sn/index.html\" data-key=\"sn\"><title>Senegal: 2 projects</title>"), english)
        XCTAssertFalse(try XCTUnwrap(files["fr/plan/index.html"]).contains("<svg"), "no map on a section without one")
    }

    /// Without `noun`/`nouns`, the count is named by the section's title, lower-cased.
    func testTheMapNamesCountsByTheSectionTitleByDefault() throws {
        let site = try FixtureSite("catalog", theme: FixtureSite.defaultTheme)
        defer { site.remove() }
        let yaml = try site.read("site.yaml", in: site.content)
        try site.write("site.yaml", yaml.replacingOccurrences(of: ",\n               noun: { fr: projet, en: project }, nouns: { fr: projets, en: projects } }", with: " }"))
        XCTAssertTrue(site.build().succeeded)
        XCTAssertTrue(try site.read("fr/projets/index.html").contains("<title>Sénégal : 2 projets</title>"))
        XCTAssertTrue(try site.read("en/projects/index.html").contains("<title>Senegal: 2 projects</title>"))
    }

    /// The budget the issue sets: the map adds at most 40 KB to the catalog page, 15 KB gzipped,
    /// with every country of the map shaded and linked.
    func testTheMapStaysWithinItsBudgetWithEveryCountryShaded() throws {
        let site = try FixtureSite("catalog", theme: FixtureSite.defaultTheme)
        defer { site.remove() }
        let world = try String(contentsOf: FixtureSite.defaultTheme.appendingPathComponent(WorldMap.file), encoding: .utf8)
        let codes = try XCTUnwrap(WorldMap.parse(world, path: WorldMap.file).0).countries.compactMap(\.code)
        for (index, code) in codes.enumerated() {
            let count = index % 12 + 1
            for copy in 0..<count {
                try site.write("projects/p-\(code.lowercased())-\(copy).fr.md", "---\ntitle: \"Projet \(code) \(copy)\"\ncountries: [\(code)]\n---\n\nTexte.\n")
            }
        }
        XCTAssertTrue(site.build().succeeded)
        let page = try site.read("fr/projets/index.html")
        let start = try XCTUnwrap(page.range(of: "<figure class=\"catalog-map\">")).lowerBound
        let end = try XCTUnwrap(page.range(of: "</svg>")).upperBound
        let map = Data(page[start..<end].utf8)
        XCTAssertEqual(page.components(separatedBy: "</title><path").count - 1, codes.count, "every country linked")
        XCTAssertLessThanOrEqual(map.count, 40_000)
        let gzipped = try XCTUnwrap(map.withUnsafeBytes { Precompression.gzip($0) })
        XCTAssertLessThanOrEqual(gzipped.count, 15_000)
    }
}
