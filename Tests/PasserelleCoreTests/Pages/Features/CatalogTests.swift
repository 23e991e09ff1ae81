import Foundation
import XCTest
@testable import PasserelleModel
@testable import PasserellePages
@testable import PasserelleCore

final class CatalogTests: XCTestCase {
    func catalog(_ language: LanguageCode) throws -> Catalog {
        let (site, _) = try FixtureSite.resolved("catalog")
        return Catalog(section: try XCTUnwrap(site.section(named: "projects")), site: site, language: language)
    }

    func testFacetsInTheOrderSiteYamlGivesWithTheirValuesAndEntries() throws {
        let french = try catalog("fr")
        XCTAssertEqual(french.facets.map(\.field.name), ["countries", "addresses", "status"])
        let countries = french.facets[0].values
        XCTAssertEqual(countries.map(\.label), ["Mali", "Sénégal"], "countries by name in the language's collation")
        XCTAssertEqual(countries.map(\.slug), ["ml", "sn"])
        XCTAssertEqual(countries.first { $0.key == "SN" }?.entries.count, 2)
        // Choices in the order site.yaml declares them, not by label.
        XCTAssertEqual(french.facets[2].values.map(\.key), ["active", "completed"])
        XCTAssertEqual(french.facets[2].values.map(\.label), ["En cours", "Achevé"])
        // References in their own section's listing order, labelled with the target's title.
        XCTAssertEqual(Set(french.facets[1].values.map(\.key)), ["plan/telecentres", "plan/contenu-local"])
    }

    func testLabelsAreInTheReadersLanguage() throws {
        let english = try catalog("en")
        XCTAssertEqual(english.facets[0].values.map(\.label), ["Mali", "Senegal"])
        XCTAssertEqual(english.facets[2].values.map(\.label), ["Active", "Completed"])
    }

    func testPagesOfAValue() throws {
        let french = try catalog("fr")
        let senegal = try XCTUnwrap(french.facets[0].values.first { $0.key == "SN" })
        XCTAssertEqual(Catalog.pageCount(senegal), 1)
        XCTAssertEqual(french.path(french.facets[0], senegal), "fr/projets/pays/sn/index.html")
        XCTAssertEqual(french.path(french.facets[0], senegal, page: 2), "fr/projets/pays/sn/page/2/index.html")
        let many = Catalog.Value(key: "k", slug: "k", label: "K", entries: (0...Catalog.pageSize).map { EntryID("projects/p\($0)") })
        XCTAssertEqual(Catalog.pageCount(many), 2, "101 entries: two pages of at most 100")
    }

    /// The map's field has value pages even when it is not one of the facets: the map links to them.
    func testTheMapsFieldHasPagesWhenItIsNotAFacet() throws {
        let site = try FixtureSite("catalog", theme: FixtureSite.defaultTheme)
        defer { site.remove() }
        let yaml = try site.read("site.yaml", in: site.content)
        try site.write("site.yaml", yaml.replacingOccurrences(of: "facets: [countries, addresses, status]", with: "facets: [status]"))
        XCTAssertTrue(site.build().succeeded)
        let listing = try site.read("fr/projets/index.html")
        XCTAssertFalse(listing.contains("data-field=\"pays\""), "countries is not a facet")
        XCTAssertTrue(listing.contains("<a href=\"pays/sn/index.html\" data-key=\"sn\"><title>Sénégal : 2 projets</title>"), listing)
        XCTAssertTrue(try site.read("fr/projets/pays/sn/index.html").contains("<h1>Pays : Sénégal</h1>"))
    }
}
