import Foundation
import XCTest
@testable import PasserelleCore
@testable import PasserelleIncremental
@testable import PasserellePages
@testable import PasserelleResolve
@testable import PasserelleTemplates

/// Inputs that look hostile or odd but must build: BOM, CRLF, cycles, huge and deeply nested files,
/// and script injection attempts that must come out inert.
final class HardInputTests: XCTestCase {
    var site: FixtureSite!

    override func setUpWithError() throws { site = try FixtureSite("minimal", theme: FixtureSite.defaultTheme) }
    override func tearDown() { site.remove() }

    @discardableResult
    func build() -> Build.Report {
        let report = site.build()
        XCTAssertTrue(report.succeeded, report.diagnostics.map(\.formatted).joined(separator: "\n"))
        return report
    }

    func testByteOrderMarkAndCRLFBuild() throws {
        try Data([0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: \"Calendrier\"\r\nweight: 1\r\n---\r\n\r\n## Dates\r\n\r\nVoir [[tunis]].\r\n".utf8))
            .write(to: site.content.appendingPathComponent("recommendations/calendar.fr.md"))
        try Data("---\rtitle: \"Tunis Summit\"\rstart: 2005-11-16\r---\r\rThe summit.\r".utf8)
            .write(to: site.content.appendingPathComponent("events/tunis.en.md"))
        build()
        let page = try site.read("fr/recommandations/calendar/index.html")
        XCTAssertTrue(page.contains("<h1>Calendrier</h1>"))
        XCTAssertTrue(page.contains(#"<h2 id="dates">Dates</h2>"#))
        XCTAssertTrue(try site.read("en/events/tunis/index.html").contains("<h1>Tunis Summit</h1>"))
    }

    func testErrorLinesInCRLFFilesAreCountedRight() throws {
        try Data("---\r\ntitle: x\r\nwieght: 1\r\n---\r\n".utf8).write(to: site.content.appendingPathComponent("recommendations/calendar.fr.md"))
        XCTAssertEqual(site.build().diagnostics.errors.map(\.formatted),
                       ["content/recommendations/calendar.fr.md:3:1: error: unknown key 'wieght' in front matter (did you mean 'weight'?)"])
    }

    func testRelatedCyclesBuild() throws {
        try site.write("recommendations/calendar.fr.md", "---\ntitle: A\nrelated: [events/tunis, recommendations/calendar]\n---\n\n[[tunis]]\n")
        try site.write("events/tunis.fr.md", "---\ntitle: T\nstart: 2005-11-16\nrelated: [recommendations/calendar]\n---\n\n[[calendar]]\n")
        build()
        let page = try site.read("fr/evenements/tunis/index.html")
        XCTAssertTrue(page.contains("Voir aussi") && page.contains("Cité par"))
        XCTAssertFalse(try site.read("fr/recommandations/calendar/index.html").contains(#"<a href="./index.html""#), "an entry is not related to itself")
    }

    func testTenMegabyteAndHundredThousandLineEntries() throws {
        let paragraph = String(repeating: "Un paragraphe de texte assez ordinaire, avec *un peu* de mise en forme. ", count: 14) + "\n\n"
        try site.write("recommendations/big.fr.md", "---\ntitle: Gros\n---\n\n" + String(repeating: paragraph, count: 10_000))
        try site.write("recommendations/lines.fr.md", "---\ntitle: Lignes\n---\n\n" + (0..<100_000).map { "ligne \($0)  " }.joined(separator: "\n"))
        let size = try FileManager.default.attributesOfItem(atPath: site.content.appendingPathComponent("recommendations/big.fr.md").path)[.size] as? Int
        XCTAssertGreaterThan(size ?? 0, 10_000_000)
        build()
        XCTAssertTrue(try site.read("fr/recommandations/lines/index.html").contains("ligne 99999"))
    }

    func testDeeplyNestedMarkdownDoesNotOverflowTheStack() throws {
        let lists = (0..<5_000).map { String(repeating: "  ", count: $0) + "- a" }.joined(separator: "\n")
        try site.write("recommendations/lists.fr.md", "---\ntitle: Listes\n---\n\n" + lists + "\n")
        try site.write("recommendations/quotes.fr.md", "---\ntitle: Citations\n---\n\n" + String(repeating: ">", count: 50_000) + " fin\n")
        try site.write("recommendations/emphasis.fr.md", "---\ntitle: Emphase\n---\n\n" + String(repeating: "*", count: 50_000) + "x"
                       + String(repeating: "*", count: 50_000) + "\n\n" + String(repeating: "[", count: 50_000) + "\n\n" + String(repeating: "[[", count: 20_000) + "\n")
        build()
    }

    func testScriptInTitlesComesOutInertEverywhere() throws {
        let attack = "<script>alert(1)</script>"
        try site.write("recommendations/calendar.fr.md", "---\ntitle: \"\(attack)\"\nsummary: \"\(attack)\"\ntags: [\"\(attack)\"]\ndate: 2005-01-01\n---\n\n[x](javascript:alert(1)) [y](JaVaScRiPt:alert(2)) [z](data:text/html;base64,PHNjcmlwdD4=) <img src=x onerror=alert(3)>\n")
        try site.write("events/tunis.fr.md", "---\ntitle: \"\(attack)\"\nstart: 2005-11-16\nlocation: \"\(attack)\"\nurl: \"javascript:alert(4)\"\n---\n\n\(attack)\n")
        build()
        var checked = 0
        for (path, data) in FixtureSite.snapshot(site.output) where !path.hasSuffix(".css") {
            let text = String(decoding: data, as: UTF8.self)
            // iCalendar is plain text: no markup there is ever run; it is checked below.
            if !path.hasSuffix(".ics") { XCTAssertFalse(text.contains("<script>alert"), "\(path) has a live script") }
            XCTAssertFalse(text.lowercased().contains("javascript:alert"), "\(path) has a javascript: link")
            XCTAssertFalse(text.contains("onerror=alert"), "\(path) has raw HTML")
            XCTAssertFalse(text.contains("data:text/html"), "\(path) has a data: link")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 20)
        XCTAssertTrue(try site.read("fr/recommandations/calendar/index.html").contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>"))
        XCTAssertTrue(try site.read("fr/search.json").contains("\\u003cscript>alert(1)\\u003c/script>"))
        XCTAssertTrue(try site.read("fr/atom.xml").contains("<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>"))
        XCTAssertTrue(try site.read("fr/calendar.ics").contains("SUMMARY;LANGUAGE=fr:<script>alert(1)</script>"), "plain text in iCalendar: no HTML to run")
    }

    func testUnsafeHTMLIsPassedOnlyWhenAllowedAndThenTagFiltered() throws {
        try site.write("recommendations/calendar.fr.md", "---\ntitle: A\n---\n\n<div class=\"note\">Note</div>\n\n<script>alert(1)</script>\n")
        build()
        XCTAssertFalse(try site.read("fr/recommandations/calendar/index.html").contains("<div class=\"note\">"))
        let yaml = try String(contentsOf: site.content.appendingPathComponent("site.yaml"), encoding: .utf8)
        try site.write("site.yaml", yaml + "unsafeHTML: true\n")
        build()
        let page = try site.read("fr/recommandations/calendar/index.html")
        XCTAssertTrue(page.contains("<div class=\"note\">Note</div>"))
        XCTAssertTrue(page.contains("&lt;script>alert(1)&lt;/script>"), "GFM's tagfilter disarms <script>: \(page)")
    }
}
