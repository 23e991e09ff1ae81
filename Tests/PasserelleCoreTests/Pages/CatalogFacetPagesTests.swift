import Foundation
import XCTest
@testable import PasserelleCore
@testable import PasserellePages

/// The catalog of a section (`catalog:`): the listing shows every entry with its facet values and
/// each facet with its values and counts; each value has its page, a hundred entries a page.
final class CatalogFacetPagesTests: XCTestCase {
    func testTheListingShowsEachFacetWithCountsAndEachEntryWithItsValues() throws {
        let site = try FixtureSite("catalog", theme: FixtureSite.defaultTheme)
        defer { site.remove() }
        XCTAssertTrue(site.build().succeeded)
        let listing = try site.read("fr/projets/index.html")
        XCTAssertTrue(listing.contains("<section class=\"facet\" data-field=\"pays\"><h2>Pays</h2>"), listing)
        XCTAssertTrue(listing.contains("<a href=\"pays/sn/index.html\" data-key=\"sn\" title=\"Page : Sénégal\">Sénégal</a> <span class=\"count\">(2)</span>"), listing)
        XCTAssertTrue(listing.contains("<a href=\"pays/ml/index.html\" data-key=\"ml\" title=\"Page : Mali\">Mali</a> <span class=\"count\">(1)</span>"), listing)
        XCTAssertTrue(listing.contains("<a href=\"status/active/index.html\" data-key=\"active\" title=\"Page : En cours\">En cours</a> <span class=\"count\">(1)</span>"), listing)
        XCTAssertTrue(listing.contains("<a href=\"addresses/contenu-local/index.html\" data-key=\"contenu-local\" title=\"Page : Contenu local\">Contenu local</a> <span class=\"count\">(2)</span>"), listing)
        // Countries in the language's order of names; choices in their declared order.
        XCTAssertLessThan(try XCTUnwrap(listing.range(of: ">Mali<")).lowerBound, try XCTUnwrap(listing.range(of: ">Sénégal<")).lowerBound)
        XCTAssertLessThan(try XCTUnwrap(listing.range(of: ">En cours<")).lowerBound, try XCTUnwrap(listing.range(of: ">Achevé<")).lowerBound)
        XCTAssertTrue(listing.contains("<li data-facets=\"pays=ml pays=sn addresses=contenu-local addresses=telecentres status=active\">"), listing)
        XCTAssertTrue(listing.contains("<script src=\"../../theme/catalog.js\" defer></script>"), listing)
        XCTAssertTrue(listing.contains("<p class=\"catalog-status\" role=\"status\" aria-live=\"polite\""), listing)
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("theme/catalog.js").path))
        let english = try site.read("en/projects/index.html")
        XCTAssertTrue(english.contains("<a href=\"countries/sn/index.html\" data-key=\"sn\" title=\"Page: Senegal\">Senegal</a>"), english)
    }

    func testEachValueHasItsPageListingItsEntries() throws {
        let site = try FixtureSite("catalog", theme: FixtureSite.defaultTheme)
        defer { site.remove() }
        XCTAssertTrue(site.build().succeeded)
        let senegal = try site.read("fr/projets/pays/sn/index.html")
        XCTAssertTrue(senegal.contains("<h1>Pays : Sénégal</h1>"), senegal)
        XCTAssertTrue(senegal.contains("Télécentres de la vallée du fleuve") && senegal.contains("Volontaires en ligne"))
        XCTAssertTrue(senegal.contains("<a href=\"../../../../en/projects/countries/sn/index.html\" hreflang=\"en\" lang=\"en\">English</a>"), senegal)
        let mali = try site.read("fr/projets/pays/ml/index.html")
        XCTAssertTrue(mali.contains("Télécentres de la vallée du fleuve") && !mali.contains("Volontaires en ligne"))
        let item = try site.read("en/projects/addresses/telecentres/index.html")
        XCTAssertTrue(item.contains("<h1>Action-plan items: Community telecentres</h1>"), item)
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("en/projects/status/completed/index.html").path))
        // Listed in the sitemap with their alternates.
        let sitemap = try site.read("sitemap.xml")
        XCTAssertTrue(sitemap.contains("<loc>https://example.org/catalog/fr/projets/pays/sn/</loc>"), sitemap)
        // Entry pages link their facet values to these pages.
        let entry = try site.read("fr/projets/vallee/index.html")
        XCTAssertTrue(entry.contains("<dt>Pays</dt><dd><a href=\"../pays/sn/index.html\">Sénégal</a>, <a href=\"../pays/ml/index.html\">Mali</a></dd>"), entry)
    }

    func testValuesWithMoreThanAHundredEntriesArePaginated() throws {
        let site = try FixtureSite("catalog", theme: FixtureSite.defaultTheme)
        defer { site.remove() }
        for index in 0..<230 {
            let slug = String(format: "p%03d", index)
            try site.write("projects/\(slug).fr.md", "---\ntitle: \"Projet \(slug)\"\ncountries: [BJ]\n---\n\nTexte.\n")
        }
        let report = site.build()
        XCTAssertTrue(report.succeeded, "\(report.diagnostics.prefix(3))")
        let first = try site.read("fr/projets/pays/bj/index.html")
        let second = try site.read("fr/projets/pays/bj/page/2/index.html")
        let third = try site.read("fr/projets/pays/bj/page/3/index.html")
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("fr/projets/pays/bj/page/4/index.html").path))
        let count = { (page: String) in page.components(separatedBy: ">Projet p").count - 1 }
        XCTAssertEqual(count(first), 100)
        XCTAssertEqual(count(second), 100)
        XCTAssertEqual(count(third), 30)
        XCTAssertTrue(first.contains("Projet p000") && !first.contains("Projet p100"))
        XCTAssertTrue(second.contains("Projet p100") && !second.contains("Projet p200"))
        XCTAssertTrue(first.contains("<a href=\"page/2/index.html\" rel=\"next\">Suivant</a>"), first)
        XCTAssertTrue(second.contains("<a href=\"../../index.html\" rel=\"prev\">Précédent</a>"), second)
        XCTAssertTrue(second.contains("<span aria-current=\"page\">2</span>"))
        XCTAssertTrue(first.contains("Entrées : 230"), first)
    }

    func testCatalogsComeFromTheListingOrder() throws {
        let site = try FixtureSite("catalog", theme: FixtureSite.defaultTheme)
        defer { site.remove() }
        XCTAssertTrue(site.build().succeeded)
        let english = try site.read("en/projects/index.html")
        // Entries in the section's order (by title): "Online…" before "River…".
        XCTAssertLessThan(try XCTUnwrap(english.range(of: ">Online volunteers<")).lowerBound, try XCTUnwrap(english.range(of: ">River valley telecentres<")).lowerBound)
    }
}
