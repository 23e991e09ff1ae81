import Foundation
import XCTest
@testable import PasserelleCore
@testable import PasserelleIncremental
@testable import PasserellePages
@testable import PasserelleResolve
@testable import PasserelleTemplates

/// End-to-end: build the bilingual fixture into a temporary folder and read what was written.
final class BuildTests: XCTestCase {
    func testHTMLPagesAreCountedByTheLanguageFolderTheyAreIn() {
        let config = SiteConfig(title: ["fr": "Site"], baseURL: "https://example.org/", languages: [
            Language(code: "fr", name: "Français", locale: "fr_FR"), Language(code: "en", name: "English", locale: "en_GB"),
            Language(code: "ar", name: "العربية", locale: "ar"),
        ], theme: "default", sections: [], unsafeHTML: false, generatedSlugs: [:])
        let paths = ["fr/index.html", "fr/projets/p/index.html", "en/index.html", "fr/calendrier.ics", "fr/index.htm",
                     "index.html", "404.html", "theme/x.html", "en/.html", "fr/projets/page.html.br"]
        let counts = Build.htmlPagesPerLanguage(paths.map { PageRenderer.Page(path: $0, content: "") }, config: config)
        XCTAssertEqual(counts, ["fr": 2, "en": 2], "root files, other folders and other files are not counted; a language without pages is absent")
    }

    var site: FixtureSite!

    override func setUpWithError() throws { site = try FixtureSite("bilingual", theme: FixtureSite.defaultTheme) }
    override func tearDown() { site.remove() }

    func testWritesTheContractLayout() throws {
        let report = site.build()
        XCTAssertTrue(report.succeeded, report.diagnostics.map(\.formatted).joined(separator: "\n"))
        for path in ["index.html", "fr/index.html", "en/index.html",
                     "fr/recommandations/index.html", "en/recommendations/index.html",
                     "fr/recommandations/calendrier/index.html", "en/recommendations/calendar/index.html",
                     "fr/evenements/tunis-2005/index.html", "en/events/tunis-2005/index.html",
                     "fr/pages/about/index.html", "theme/style.css", "assets/logo.txt"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: site.output.appendingPathComponent(path).path), path)
        }
        XCTAssertEqual(report.pagesPerLanguage["fr"], report.pagesPerLanguage["en"])
    }

    func testReferencesResolveToThePageLanguage() throws {
        XCTAssertTrue(site.build().succeeded)
        let fr = try site.read("fr/recommandations/calendrier/index.html")
        XCTAssertTrue(fr.contains(#"<a href="../education/index.html">Éducation</a>"#), fr)
        XCTAssertTrue(fr.contains(#"<a href="../education/index.html">le texte choisi</a>"#))
        XCTAssertTrue(fr.contains(#"<a href="../../evenements/tunis-2005/index.html">le sommet</a>"#))
        XCTAssertTrue(fr.contains(#"<h2 id="dates-cles">Dates clés</h2>"#))
        let en = try site.read("en/recommendations/calendar/index.html")
        // The English page links to the English page of the French-only entry, with its real language.
        XCTAssertTrue(en.contains(#"<a href="../education/index.html">Éducation</a>"#), en)
        XCTAssertTrue(en.contains(#"<a href="../../events/tunis-2005/index.html">the summit</a>"#))
    }

    func testBacklinksAndRelated() throws {
        XCTAssertTrue(site.build().succeeded)
        let event = try site.read("en/events/tunis-2005/index.html")
        XCTAssertTrue(event.contains("Referenced by"))
        XCTAssertTrue(event.contains(#"<a href="../../recommendations/calendar/index.html">Calendar of events</a>"#), event)
        let calendar = try site.read("fr/recommandations/calendrier/index.html")
        XCTAssertTrue(calendar.contains("Voir aussi"))
        XCTAssertTrue(calendar.contains("Cité par"))
        XCTAssertTrue(calendar.contains(#"<a href="../education/index.html">Éducation</a></li>"#), "education links back to calendar")
    }

    func testMissingTranslationFallsBackWithLanguageAndNotice() throws {
        let report = site.build()
        XCTAssertTrue(report.succeeded)
        XCTAssertEqual(report.diagnostics.map(\.formatted), [
            "content/pages/about.en.md:7:1: warning: image '../../../assets/pixel.png' has no alternative text: describe it between the brackets, ![like this](../../../assets/pixel.png)",
            "content/recommendations/education.fr.md:1:1: warning: missing translation: 'recommendations/education' has no 'en' text (content/recommendations/education.en.md); the 'fr' text is shown instead",
        ])
        let page = try site.read("en/recommendations/education/index.html")
        XCTAssertTrue(page.contains(#"<html lang="en">"#))
        XCTAssertTrue(page.contains(#"<article data-pagefind-body lang="fr">"#), page)
        XCTAssertTrue(page.contains(#"<p class="notice" lang="en" role="note">This page is not translated into English yet: here is the text available in French.</p>"#),
                      "the language named in the reader's words (CLDR)")
        XCTAssertTrue(try site.read("fr/recommandations/education/index.html").contains(#"<link rel="canonical" href="https://example.org/test/fr/recommandations/education/">"#))
        XCTAssertTrue(page.contains(#"<link rel="canonical" href="https://example.org/test/fr/recommandations/education/">"#),
                      "a fallback page's canonical is its text's page")
        XCTAssertFalse(page.contains(#"<link rel="alternate" hreflang="en""#), "no English version is declared: there is none")
        XCTAssertTrue(page.contains(#"<link rel="alternate" hreflang="fr" href="https://example.org/test/fr/recommandations/education/">"#))
        let sitemap = try site.read("sitemap.xml")
        XCTAssertFalse(sitemap.contains("en/recommendations/education/"), "the sitemap lists versions, not fallback pages")
        XCTAssertTrue(sitemap.contains("<loc>https://example.org/test/fr/recommandations/education/</loc>"))
        XCTAssertTrue(try site.read("en/search.json").contains(#""lang":"fr""#), "the search record says its text's language")
        XCTAssertTrue(try site.read("en/search/index.html").contains(#"<template data-text-language="fr">text in French</template>"#))
        let listing = try site.read("en/recommendations/index.html")
        XCTAssertTrue(listing.contains(#"<a href="education/index.html" lang="fr">Éducation</a>"#), listing)
    }

    func testStrictTurnsMissingTranslationsIntoErrors() {
        let report = site.build(strict: true)
        XCTAssertFalse(report.succeeded)
        XCTAssertEqual(report.diagnostics.errors.count, 2, "the missing translation and the image without alt text")
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.output.path))
    }

    func testHreflangAlternatesAndLanguageSwitcher() throws {
        XCTAssertTrue(site.build().succeeded)
        let page = try site.read("fr/recommandations/calendrier/index.html")
        XCTAssertTrue(page.contains(#"<link rel="alternate" hreflang="fr" href="https://example.org/test/fr/recommandations/calendrier/">"#))
        XCTAssertTrue(page.contains(#"<link rel="alternate" hreflang="en" href="https://example.org/test/en/recommendations/calendar/">"#))
        XCTAssertTrue(page.contains(#"<link rel="alternate" hreflang="x-default" href="https://example.org/test/fr/recommandations/calendrier/">"#))
        XCTAssertTrue(page.contains(#"<a href="../../../en/recommendations/calendar/index.html" hreflang="en" lang="en">English</a>"#))
        let root = try site.read("index.html")
        XCTAssertTrue(root.contains(#"href="fr/index.html""#) && root.contains(#"href="en/index.html""#))
    }

    func testListingsAreGroupedByCategoryInWeightOrder() throws {
        XCTAssertTrue(site.build().succeeded)
        let listing = try site.read("fr/recommandations/index.html")
        let first = try XCTUnwrap(listing.range(of: "<h2>Premier groupe</h2>")).lowerBound
        let second = try XCTUnwrap(listing.range(of: "<h2>Second groupe</h2>")).lowerBound
        let education = try XCTUnwrap(listing.range(of: ">Éducation<")).lowerBound
        XCTAssertTrue(first < education && education < second)
        XCTAssertTrue(listing.contains("Introduction des recommandations."))
    }

    func testLinksAreRelativeAndRootPathsRebased() throws {
        XCTAssertTrue(site.build().succeeded)
        let about = try site.read("fr/pages/about/index.html")
        XCTAssertTrue(about.contains(#"src="../../../assets/logo.txt""#), about)
        XCTAssertTrue(about.contains(#"<img src="../../../assets/pixel.png" alt="Un point rouge" title="Point" width="4" height="3" loading="lazy">"#), about)
        XCTAssertTrue(about.contains(#"href="../../../theme/style.css""#))
        for (path, data) in FixtureSite.snapshot(site.output) where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            XCTAssertFalse(html.contains(#"href="/"#), "\(path) has a root-absolute link")
        }
    }

    func testRawHTMLAndScriptLinksAreNotPassedThrough() throws {
        XCTAssertTrue(site.build().succeeded)
        let page = try site.read("en/events/tunis-2005/index.html")
        XCTAssertFalse(page.contains("<script>"))
        XCTAssertFalse(page.contains("javascript:"))
        XCTAssertTrue(page.contains(#"<time datetime="2005-11-16">16–18 November 2005</time>"#), page)
        XCTAssertTrue(try site.read("fr/evenements/tunis-2005/index.html").contains(#"<time datetime="2005-11-16">du 16 au 18 novembre 2005</time>"#))
    }

    func testTwoBuildsAreByteIdentical() throws {
        XCTAssertTrue(site.build().succeeded)
        let second = site.root.appendingPathComponent("second")
        XCTAssertTrue(site.build(output: second).succeeded)
        let a = FixtureSite.snapshot(site.output), b = FixtureSite.snapshot(second)
        XCTAssertFalse(a.isEmpty)
        XCTAssertEqual(a.keys.sorted(), b.keys.sorted())
        for key in a.keys { XCTAssertEqual(a[key], b[key], key) }
    }

    func testFailedBuildLeavesThePreviousOutputUntouched() throws {
        XCTAssertTrue(site.build().succeeded)
        let before = FixtureSite.snapshot(site.output)
        try site.write("recommendations/calendar.en.md", "---\ntitle: \"Calendar\"\n---\n\nSee [[calender]].\n")
        let report = site.build()
        XCTAssertFalse(report.succeeded)
        XCTAssertEqual(report.diagnostics.errors.map(\.formatted), [
            "content/recommendations/calendar.en.md:5:7: error: unresolved reference 'calender' (did you mean 'recommendations/calendar'?)",
        ])
        XCTAssertEqual(FixtureSite.snapshot(site.output), before)
    }

    func testSuccessfulBuildLeavesNoStaleFiles() throws {
        XCTAssertTrue(site.build().succeeded)
        try FileManager.default.removeItem(at: site.content.appendingPathComponent("recommendations/zebra.fr.md"))
        try FileManager.default.removeItem(at: site.content.appendingPathComponent("recommendations/zebra.en.md"))
        XCTAssertTrue(site.build().succeeded)
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("fr/recommandations/zebra").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.output.appendingPathComponent(OutputWriter.marker).path))
    }

    func testAllErrorsAreReportedWithLocations() throws {
        try site.write("recommendations/calendar.fr.md", "---\ntitle: \"Calendrier\"\nwieght: 1\nrelated: [nowhere]\n---\n\n[[calendar#no-such-heading]] et [[zebr]].\n\n## Dates clés\n")
        try site.write("unknown/thing.fr.md", "---\ntitle: x\n---\n")
        let report = site.build()
        XCTAssertFalse(report.succeeded)
        XCTAssertEqual(report.diagnostics.errors.map(\.formatted), [
            "content/recommendations/calendar.fr.md:3:1: error: unknown key 'wieght' in front matter (did you mean 'weight'?)",
            "content/unknown:1:1: error: section folder 'unknown' is not declared in site.yaml",
        ])
        // Once the front matter is right, reference errors are all listed.
        try site.write("recommendations/calendar.fr.md", "---\ntitle: \"Calendrier\"\nrelated: [nowhere]\n---\n\n[[calendar#no-such-heading]] et [[zebr]].\n\n## Dates clés\n")
        try FileManager.default.removeItem(at: site.content.appendingPathComponent("unknown"))
        let second = site.build()
        XCTAssertEqual(second.diagnostics.errors.map(\.formatted), [
            "content/recommendations/calendar.fr.md:3:11: error: unresolved reference 'nowhere'",
            "content/recommendations/calendar.fr.md:6:3: error: no heading '#no-such-heading' in 'recommendations/calendar'",
            "content/recommendations/calendar.fr.md:6:35: error: unresolved reference 'zebr' (did you mean 'recommendations/zebra'?)",
        ])
    }

    /// Three languages, one written right to left: its pages say so, a text in another
    /// direction keeps its own, and the language switcher names each language in its words.
    func testARightToLeftLanguageBesideTwoOthers() throws {
        let site = try FixtureSite("trilingual", theme: FixtureSite.defaultTheme)
        defer { site.remove() }
        let report = site.build()
        XCTAssertTrue(report.succeeded, "\(report.diagnostics)")
        XCTAssertEqual(report.pagesPerLanguage["ar"], report.pagesPerLanguage["fr"])
        let home = try site.read("ar/index.html")
        XCTAssertTrue(home.hasPrefix("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">"), home)
        XCTAssertTrue(home.contains("<span aria-current=\"true\" lang=\"ar\">العربية</span>"), "named by CLDR: site.yaml gives no name")
        XCTAssertTrue(home.contains("<a href=\"../fr/index.html\" hreflang=\"fr\" lang=\"fr\" dir=\"ltr\">Français</a>"), home)
        XCTAssertTrue(try site.read("fr/index.html").contains("<a href=\"../ar/index.html\" hreflang=\"ar\" lang=\"ar\" dir=\"rtl\">العربية</a>"))
        XCTAssertFalse(try site.read("fr/index.html").contains(" dir=\"ltr\""), "nothing added to pages of the same direction")
        // A French text on the Arabic side: left to right inside the right-to-left page.
        let fallback = try site.read("ar/tawsiyat/networking/index.html")
        XCTAssertTrue(fallback.contains("<article data-pagefind-body lang=\"fr\" dir=\"ltr\">"), fallback)
        XCTAssertTrue(fallback.contains("<p class=\"notice\" lang=\"ar\" dir=\"auto\" role=\"note\">لم تُترجم هذه الصفحة إلى العربية بعد: هذا هو النص المتاح باللغة الفرنسية.</p>"), fallback)
        // Dates with the locale's month names; the A–Z index by Arabic letters.
        XCTAssertTrue(try site.read("ar/ahdath/tunis-2005/index.html").contains("من 16 إلى 18 نوفمبر 2005"))
        let index = try site.read("ar/az/index.html")
        XCTAssertTrue(index.contains("<h2 id=\"az-ب\">ب</h2>"), index)
        let root = try site.read("index.html")
        XCTAssertTrue(root.contains("<li lang=\"ar\" dir=\"rtl\"><a href=\"ar/index.html\" hreflang=\"ar\">"), root)
    }
}
