import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import PasserelleCore
@testable import PasserelleIncremental
@testable import PasserellePages
@testable import PasserelleResolve
@testable import PasserelleTemplates

/// End-to-end: A–Z index, tags, search index, sitemap, Atom feed, aliases, 404s and translation status
/// of the bilingual fixture.
final class FindingPagesTests: XCTestCase {
    var site: FixtureSite!

    override func setUpWithError() throws {
        site = try FixtureSite("bilingual", theme: FixtureSite.defaultTheme)
        let report = site.build()
        XCTAssertTrue(report.succeeded, report.diagnostics.map(\.formatted).joined(separator: "\n"))
    }

    override func tearDown() { site.remove() }

    func testAtoZFollowsTheLanguageCollation() throws {
        let page = try site.read("fr/index-a-z/index.html")
        let order = try ["À propos", "Calendrier des événements", "Éducation", "Sommet de Tunis", "Zèbre"].map { title in
            try XCTUnwrap(page.range(of: ">\(title)</a>"), title).lowerBound
        }
        XCTAssertEqual(order, order.sorted())
        XCTAssertTrue(page.contains(#"<h2 id="az-e">E</h2>"#), "Éducation files under E")
        XCTAssertFalse(page.contains(">É</h2>"))
        XCTAssertTrue(page.contains(#"<a href="../recommandations/calendrier/index.html">Calendrier des événements</a> <span class="section-name">(Recommandations)</span>"#))
        XCTAssertEqual(AtoZIndex.letter(for: "Œuvre"), "O")
        XCTAssertEqual(AtoZIndex.letter(for: "« Bamako »"), "B")
        XCTAssertEqual(AtoZIndex.letter(for: "2005"), "#")
    }

    func testLettersAreThoseOfFoundationFolding() {
        // The letter found with Foundation's folding, for every letter a title may start with; a
        // letter that folds to Œ or Æ (Ǣ, Ǽ) files under O or A, as Œ and Æ themselves do.
        func foundationLetter(_ title: String) -> String {
            guard let first = title.first(where: { !$0.isWhitespace && !"«»\"'“”‘’([¡¿".contains($0) }) else { return "#" }
            let folded = String(first).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX")).uppercased()
            guard let scalar = folded.unicodeScalars.first, ("A"..."Z").contains(scalar) else {
                if let letter = folded.first, "ŒÆ".contains(letter) { return letter == "Œ" ? "O" : "A" }
                return "#"
            }
            return String(scalar)
        }
        var titles = (0x41...0x7A).map { String(Character(Unicode.Scalar(UInt8($0)))) + "bc" }
        titles += (0xC0...0x24F).map { String(Character(Unicode.Scalar(UInt32($0))!)) + "té" }
        titles += ["e\u{301}cole", "ﬁn", "ǅemal", " « Été »", "¿Qué?", "", "   ", "½ mesure", "ß"]
        for title in titles {
            XCTAssertEqual(AtoZIndex.letter(for: title), foundationLetter(title), title)
        }
        // Other scripts file under their own letters (AtoZIndexTests has more).
        XCTAssertEqual(["Ελλάδα", "Москва", "東京"].map(AtoZIndex.letter(for:)), ["Ε", "М", "D"])
    }

    func testTagPagesPerLanguage() throws {
        let tag = try site.read("fr/mots-cles/education/index.html")
        XCTAssertTrue(tag.contains("<h1>Éducation</h1>"))
        XCTAssertTrue(tag.contains(#"<a href="../../recommandations/calendrier/index.html">Calendrier des événements</a>"#), tag)
        XCTAssertTrue(try site.read("en/tags/index.html").contains(#"<a class="tag" href="wsis/index.html">WSIS</a>"#))
        XCTAssertTrue(try site.read("fr/recommandations/calendrier/index.html").contains(#"<a class="tag" href="../../mots-cles/smsi/index.html">SMSI</a>"#))
    }

    func testSearchIndexRecords() throws {
        let json = try site.read("fr/search.json")
        XCTAssertTrue(json.contains(#"{"t":"Calendrier des événements","s":"Recommandations","u":"recommandations/calendrier/index.html","w":"voir education et le texte choisi dates cles sommet"}"#), json)
        let en = try site.read("en/search.json")
        XCTAssertTrue(en.contains(#""u":"recommendations/education/index.html","d":"Seulement en français.","#), en)
        XCTAssertTrue(en.contains(#""lang":"fr""#), "the fallback record says its real language")
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        XCTAssertEqual((decoded?["entries"] as? [Any])?.count, 5)
        let script = try site.read("fr/search-index.js")
        XCTAssertTrue(script.hasPrefix("window.passerelleSearch = {\"language\":\"fr\""))
        let page = try site.read("fr/recherche/index.html")
        XCTAssertTrue(page.contains(#"<script src="../search-index.js"></script>"#))
        XCTAssertTrue(page.contains("<noscript>"))
        XCTAssertEqual(SearchIndex.words(in: "L’Événement, œuvre — ÉTÉ 2005"), ["evenement", "oeuvre", "ete", "2005"])
    }

    func testSitemapListsPagesWithAlternatesAndRobotsPointsAtIt() throws {
        let sitemap = try site.read("sitemap.xml")
        XCTAssertTrue(sitemap.contains("""
        <url><loc>https://example.org/test/fr/recommandations/calendrier/</loc><lastmod>2005-01-10</lastmod>
        <xhtml:link rel="alternate" hreflang="fr" href="https://example.org/test/fr/recommandations/calendrier/"/>
        <xhtml:link rel="alternate" hreflang="en" href="https://example.org/test/en/recommendations/calendar/"/>
        <xhtml:link rel="alternate" hreflang="x-default" href="https://example.org/test/fr/recommandations/calendrier/"/>
        </url>
        """), sitemap)
        // The home pages' x-default is the language chooser, there for readers of other languages.
        XCTAssertTrue(sitemap.contains(#"<xhtml:link rel="alternate" hreflang="x-default" href="https://example.org/test/"/>"#), sitemap)
        XCTAssertTrue(try site.read("en/index.html").contains(#"hreflang="x-default" href="https://example.org/test/""#))
        XCTAssertFalse(sitemap.contains("404"))
        XCTAssertFalse(sitemap.contains("old/calendrier"))
        XCTAssertTrue(try XMLDocument(xmlString: sitemap).rootElement() != nil)
        XCTAssertEqual(try site.read("robots.txt"), "User-agent: *\nAllow: /\n\nSitemap: https://example.org/test/sitemap.xml\n")
    }

    func testAtomFeedIsValidAndLinkedFromEveryPage() throws {
        let feed = try site.read("en/atom.xml")
        let document = try XMLDocument(xmlString: feed)
        let root = try XCTUnwrap(document.rootElement())
        XCTAssertEqual(root.name, "feed")
        XCTAssertEqual(root.uri, "http://www.w3.org/2005/Atom")
        for required in ["title", "id", "updated", "author"] { XCTAssertFalse(root.elements(forName: required).isEmpty, required) }
        let entries = root.elements(forName: "entry")
        XCTAssertEqual(entries.count, 2, "the dated entries: calendar (updated) and the event")
        XCTAssertEqual(entries.first?.elements(forName: "title").first?.stringValue, "Tunis Summit")
        for entry in entries {
            for required in ["title", "id", "updated", "link"] { XCTAssertFalse(entry.elements(forName: required).isEmpty, required) }
        }
        XCTAssertTrue(try site.read("en/recommendations/calendar/index.html")
            .contains(#"<link rel="alternate" type="application/atom+xml" href="../../atom.xml" title="Test site">"#))
    }

    func testAliasWritesARedirect() throws {
        let redirect = try site.read("old/calendrier.htm")
        XCTAssertTrue(redirect.contains(#"<meta http-equiv="refresh" content="0; url=../fr/recommandations/calendrier/index.html">"#), redirect)
        XCTAssertTrue(redirect.contains(#"<link rel="canonical" href="https://example.org/test/fr/recommandations/calendrier/">"#))
    }

    func testAliasOntoAPageIsAnError() throws {
        try site.write("recommendations/zebra.en.md", "---\ntitle: Zebra\nweight: 2\naliases: [/en/index.html]\n---\n")
        let report = site.build()
        XCTAssertFalse(report.succeeded)
        XCTAssertEqual(report.diagnostics.errors.map(\.formatted),
                       ["content/recommendations/zebra.en.md:4:11: error: alias 'en/index.html' collides with a page of the site"])
    }

    func testNotFoundPagesResolveLinksFromTheSiteURL() throws {
        let page = try site.read("fr/404.html")
        XCTAssertTrue(page.contains(#"<base href="https://example.org/test/fr/">"#))
        XCTAssertTrue(page.contains(#"<meta name="robots" content="noindex">"#))
        XCTAssertTrue(page.contains("<h1>Page introuvable</h1>"))
        let root = try site.read("404.html")
        XCTAssertTrue(root.contains(#"<p class="notice" lang="en">This page does not exist or has moved.</p>"#))
    }

    func testTranslationStatusListsMissingAndStaleTranslations() throws {
        let json = try site.read("translation-status.json")
        XCTAssertTrue(json.contains(#"{"section":"recommendations","missing":[{"id":"recommendations/education","title":"Éducation","present":["fr"],"missing":["en"]}],"outdated":[],"stale":[{"id":"recommendations/calendar","title":"Calendrier des événements","language":"en","date":"2004-12-01","source":"fr","sourceDate":"2005-01-10"}]}"#), json)
        let page = try site.read("translation-status.html")
        XCTAssertTrue(page.contains(#"<meta name="robots" content="noindex">"#))
        XCTAssertFalse(try site.read("fr/index.html").contains("translation-status"), "not linked from reader pages")
    }
}
