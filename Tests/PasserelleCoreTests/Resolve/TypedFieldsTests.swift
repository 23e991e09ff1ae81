import Foundation
import XCTest
@testable import PasserelleCore

/// Typed fields (CONTENT.md, "Typed fields, typed relations and catalogs"): shown on entry pages
/// in the page's language, typed backlinks under the inverse title, every mistake located.
final class TypedFieldsTests: XCTestCase {
    func testEntryPagesShowTheirFieldsInThePagesLanguage() throws {
        let site = try FixtureSite("catalog", theme: FixtureSite.defaultTheme)
        defer { site.remove() }
        let report = site.build()
        XCTAssertTrue(report.succeeded, "\(report.diagnostics)")
        let french = try site.read("fr/projets/vallee/index.html")
        XCTAssertTrue(french.contains("<dt>Pays</dt><dd><a href=\"../pays/sn/index.html\">Sénégal</a>, <a href=\"../pays/ml/index.html\">Mali</a></dd>"), french)
        XCTAssertTrue(french.contains("<dt>État</dt><dd><a href=\"../status/active/index.html\">En cours</a></dd>"), french)
        XCTAssertTrue(french.contains("<dt>Depuis</dt><dd>2003</dd>"), french)
        XCTAssertTrue(french.contains("<dt>Partenaire</dt><dd>Réseau des télécentres</dd>"), french)
        XCTAssertTrue(french.contains("<dt>Points du plan d’action</dt><dd><a href=\"../../plan/telecentres/index.html\">Télécentres communautaires</a>, <a href=\"../../plan/contenu-local/index.html\">Contenu local</a></dd>"), french)
        let english = try site.read("en/projects/vallee/index.html")
        XCTAssertTrue(english.contains("<dt>Countries</dt><dd><a href=\"../countries/sn/index.html\">Senegal</a>, <a href=\"../countries/ml/index.html\">Mali</a></dd>"), english)
        XCTAssertTrue(english.contains("<dt>Status</dt><dd><a href=\"../status/active/index.html\">Active</a></dd>"), english)
        XCTAssertTrue(english.contains("<a href=\"../../plan/telecentres/index.html\">Community telecentres</a>"), english)
    }

    func testEachTargetListsWhoNamesItUnderTheInverseTitleInPlaceOfReferencedBy() throws {
        let site = try FixtureSite("catalog", theme: FixtureSite.defaultTheme)
        defer { site.remove() }
        XCTAssertTrue(site.build().succeeded)
        let item = try site.read("fr/plan/contenu-local/index.html")
        XCTAssertTrue(item.contains("<h2 id=\"typed-projects-addresses\">Projets qui y répondent</h2>"), item)
        // Sorted like the projects' listing (by title in French): "Télécentres…" before "Volontaires…".
        let first = try XCTUnwrap(item.range(of: "Télécentres de la vallée du fleuve"))
        let second = try XCTUnwrap(item.range(of: "Volontaires en ligne"))
        XCTAssertLessThan(first.lowerBound, second.lowerBound)
        XCTAssertFalse(item.contains("class=\"backlinks\""), "no untyped 'Referenced by' for typed references")
        let english = try site.read("en/plan/telecentres/index.html")
        XCTAssertTrue(english.contains("<h2 id=\"typed-projects-addresses\">Projects addressing this item</h2>"), english)
        XCTAssertTrue(english.contains("River valley telecentres"))
        XCTAssertFalse(english.contains("Online volunteers"))
    }

    func testEveryBadValueIsAnErrorAtItsPlaceWithADidYouMean() throws {
        let site = try FixtureSite("catalog", theme: FixtureSite.defaultTheme)
        defer { site.remove() }
        try site.write("projects/bad.fr.md", "---\ntitle: \"Mauvais\"\ncountries: [UK, sn, Sénégal, QQ]\nstatus: activ\nsince: vingt\n---\n\nTexte.\n")
        try site.write("plan/telecentres.fr.md", "---\ntitle: \"Télécentres communautaires\"\nstatus: active\n---\n\nUn point.\n")
        let report = site.build()
        XCTAssertFalse(report.succeeded)
        let messages = report.diagnostics.filter { $0.severity == .error }.map { "\($0.location.path.split(separator: "/").suffix(2).joined(separator: "/")):\($0.location.line):\($0.location.column): \($0.message)" }
        XCTAssertTrue(messages.contains("projects/bad.fr.md:3:13: unknown country code 'UK' in 'countries': use ISO 3166-1 codes in upper case, like SN (did you mean 'GB'?)"), "\(messages)")
        XCTAssertTrue(messages.contains("projects/bad.fr.md:3:17: unknown country code 'sn' in 'countries': use ISO 3166-1 codes in upper case, like SN (did you mean 'SN'?)"), "\(messages)")
        XCTAssertTrue(messages.contains { $0.hasPrefix("projects/bad.fr.md:3:21: unknown country code 'Sénégal'") && $0.hasSuffix("(did you mean 'SN'?)") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.hasPrefix("projects/bad.fr.md:3:30: unknown country code 'QQ'") }, "\(messages)")
        XCTAssertTrue(messages.contains("projects/bad.fr.md:4:9: unknown value 'activ' for 'status': use active, completed (did you mean 'active'?)"), "\(messages)")
        XCTAssertTrue(messages.contains("projects/bad.fr.md:5:8: 'since' must be a year, a whole number like 2003, not 'vingt'"), "\(messages)")
        // A declared key used in another section stays an unknown key.
        XCTAssertTrue(messages.contains { $0.hasPrefix("plan/telecentres.fr.md:3:1: ") && $0.contains("'status'") }, "\(messages)")
    }

    func testAReferenceIntoAnotherSectionNamesTheRightOne() throws {
        let site = try FixtureSite("catalog", theme: FixtureSite.defaultTheme)
        defer { site.remove() }
        try site.write("projects/autre.fr.md", "---\ntitle: \"Autre\"\naddresses: [projects/vallee, telecentre]\n---\n\nTexte.\n")
        let report = site.build()
        XCTAssertFalse(report.succeeded)
        let messages = report.diagnostics.filter { $0.severity == .error }.map { "\($0.location.line):\($0.location.column): \($0.message)" }
        XCTAssertTrue(messages.contains("3:13: reference 'projects/vallee' in 'addresses' leads into section 'projects': it must be an entry of 'plan'"), "\(messages)")
        XCTAssertTrue(messages.contains("3:30: unresolved reference 'telecentre' in 'addresses': no entry of 'plan' is named so (did you mean 'plan/telecentres'?)"), "\(messages)")
        XCTAssertEqual(messages.count, 2, "each text's typed references reported once: \(messages)")
    }
}
