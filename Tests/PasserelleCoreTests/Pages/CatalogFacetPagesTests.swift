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

    /// Each facet has a page of all its values with their counts, which value pages lead back to.
    func testEachFacetHasAPageOfAllItsValues() throws {
        let site = try FixtureSite("catalog", theme: FixtureSite.defaultTheme)
        defer { site.remove() }
        XCTAssertTrue(site.build().succeeded)
        let countries = try site.read("fr/projets/pays/index.html")
        XCTAssertTrue(countries.contains("<h1>Pays</h1>"), countries)
        XCTAssertTrue(countries.contains("<li><a href=\"ml/index.html\">Mali</a> <span class=\"count\">(1)</span></li>\n<li><a href=\"sn/index.html\">Sénégal</a> <span class=\"count\">(2)</span></li>"), countries)
        XCTAssertTrue(countries.contains("hreflang=\"en\" href=\"https://example.org/catalog/en/projects/countries/\""), countries)
        XCTAssertTrue(try site.read("fr/projets/pays/sn/index.html").contains("› <a href=\"../index.html\">Pays</a></nav>"))
        XCTAssertTrue(try site.read("en/projects/status/index.html").contains("<li><a href=\"active/index.html\">Active</a> <span class=\"count\">(1)</span></li>"))
    }

    /// A value that only one language's texts have: its page declares no other language's version
    /// (hreflang, sitemap), while the language switcher still leads to that language's catalog.
    func testAValueInOneLanguageOnlyDeclaresNoOtherVersion() throws {
        let site = try FixtureSite("catalog", theme: FixtureSite.defaultTheme)
        defer { site.remove() }
        let french = try site.read("projects/vallee.fr.md", in: site.content)
        try site.write("projects/vallee.fr.md", french.replacingOccurrences(of: "countries: [SN, ML]", with: "countries: [SN, ML, NE]"))
        XCTAssertTrue(site.build().succeeded)
        let niger = try site.read("fr/projets/pays/ne/index.html")
        XCTAssertTrue(niger.contains("hreflang=\"fr\""), niger)
        XCTAssertFalse(niger.contains("<link rel=\"alternate\" hreflang=\"en\""), niger)
        XCTAssertTrue(niger.contains("<a href=\"../../../../en/projects/index.html\" hreflang=\"en\" lang=\"en\">English</a>"), niger)
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("en/projects/countries/ne/index.html").path))
        let senegal = try site.read("fr/projets/pays/sn/index.html")
        XCTAssertTrue(senegal.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/catalog/en/projects/countries/sn/\">"), senegal)
        let sitemap = try site.read("sitemap.xml")
        let entry = try XCTUnwrap(sitemap.components(separatedBy: "<url>").first { $0.contains("<loc>https://example.org/catalog/fr/projets/pays/ne/</loc>") })
        XCTAssertFalse(entry.contains("hreflang=\"en\""), entry)
    }

    /// More than a hundred entries: the listing pages a hundred at a time, the first with the
    /// facets, the map and a script beside it that holds every entry for filtering in place.
    func testALargeCatalogIsPaginatedWithItsEntriesInAScriptBesideIt() throws {
        let site = try FixtureSite("catalog", theme: FixtureSite.defaultTheme)
        defer { site.remove() }
        let yaml = try site.read("site.yaml", in: site.content)
        try site.write("site.yaml", yaml.replacingOccurrences(of: "facets: [countries, addresses, status]", with: "facets: [countries, addresses, status, since]"))
        for index in 0..<150 {
            let slug = String(format: "p%03d", index)
            try site.write("projects/\(slug).fr.md", "---\ntitle: \"Projet \(slug)\"\ncountries: [BJ]\nsince: \(1900 + index % 40)\nweight: \(index)\n---\n\nTexte.\n")
        }
        let report = site.build()
        XCTAssertTrue(report.succeeded, "\(report.diagnostics.prefix(3))")
        let first = try site.read("fr/projets/index.html"), second = try site.read("fr/projets/page/2/index.html")
        let count = { (page: String) in page.components(separatedBy: "<li data-facets=").count - 1 }
        XCTAssertEqual(count(first), 100)
        XCTAssertEqual(count(second), 52, "the fixture's two projects and the 50 left")
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("fr/projets/page/3/index.html").path))
        XCTAssertTrue(first.contains("<a href=\"page/2/index.html\" rel=\"next\">Suivant</a>"), first)
        XCTAssertTrue(second.contains("<a href=\"../../index.html\" rel=\"prev\">Précédent</a>"), second)
        XCTAssertTrue(second.contains("<title>Projets (2/2) · "), second)
        XCTAssertTrue(first.contains("<script src=\"entries.js\" defer></script>\n<script src=\"../../theme/catalog.js\" defer></script>"), first)
        XCTAssertFalse(second.contains("class=\"facets\"") || second.contains("<svg") || second.contains("<script src"), "the filters are on the first page")
        // A facet of more than 30 values shows its 20 most used and links to all of them.
        let since = try XCTUnwrap(first.components(separatedBy: "data-field=\"since\"").dropFirst().first?.components(separatedBy: "</section>").first)
        XCTAssertEqual(since.components(separatedBy: "data-key=").count - 1, 20, since)
        XCTAssertTrue(since.contains("<a href=\"since/index.html\">Toutes les valeurs (41)</a>"), since)
        // Every entry, in listing order, with its values by index.
        let script = try site.read("fr/projets/entries.js")
        XCTAssertTrue(script.hasPrefix("window.passerelleCatalog={\"facets\":[[\"pays\",[[\"bj\",\"Bénin\"],[\"ml\",\"Mali\"],[\"sn\",\"Sénégal\"]]],"), script)
        XCTAssertEqual(script.components(separatedBy: "\n").count - 1, 152, "one line per entry")
        XCTAssertTrue(script.contains("[\"Projet p000\",\"p000\",\"\",[[0],[],[],[40]]]"), script)
        XCTAssertTrue(script.hasSuffix("]};\n"))
        let english = try site.read("en/projects/index.html")
        XCTAssertTrue(english.contains("<script src=\"entries.js\" defer></script>"))
        XCTAssertTrue(try site.read("en/projects/entries.js").contains("[\"Projet p000\",\"p000\",\"fr\","), "a French text on the English side says so")
    }
}
