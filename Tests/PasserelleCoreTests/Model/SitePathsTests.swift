import XCTest
@testable import PasserelleCore
@testable import PasserelleIncremental
@testable import PasserellePages
@testable import PasserelleResolve
@testable import PasserelleTemplates

final class SitePathsTests: XCTestCase {
    func testRelativeLinks() {
        XCTAssertEqual(SitePaths.relative(from: "fr/a/b/index.html", to: "fr/a/c/index.html"), "../c/index.html")
        XCTAssertEqual(SitePaths.relative(from: "fr/a/b/index.html", to: "en/x/index.html"), "../../../en/x/index.html")
        XCTAssertEqual(SitePaths.relative(from: "index.html", to: "fr/index.html"), "fr/index.html")
        XCTAssertEqual(SitePaths.relative(from: "fr/a/index.html", to: "fr/a/b/index.html"), "b/index.html")
        XCTAssertEqual(SitePaths.relative(from: "fr/a/index.html", to: "fr/a/index.html"), "index.html")
        XCTAssertEqual(SitePaths.relative(from: "fr/index.html", to: "fr/"), "./")
        XCTAssertEqual(SitePaths.relative(from: "fr/été/b.html", to: "fr/éte/c.html"), "../éte/c.html")
        XCTAssertEqual(SitePaths.relative(from: "fr/ab/x.html", to: "fr/a/y.html"), "../a/y.html")
        XCTAssertEqual(SitePaths.rootPrefix(from: "fr/a/b/index.html"), "../../../")
        XCTAssertEqual(SitePaths.absolute("fr/a/index.html", baseURL: "https://x.org/s/"), "https://x.org/s/fr/a/")
        XCTAssertEqual(SitePaths.absolute("fr/é/index.html", baseURL: "https://x.org/s/"), "https://x.org/s/fr/é/")
        XCTAssertEqual(SitePaths.absolute("index.html", baseURL: "https://x.org/s/"), "https://x.org/s/")
        XCTAssertEqual(SitePaths.absolute("fr/feed.xml", baseURL: "https://x.org/s/"), "https://x.org/s/fr/feed.xml")
        XCTAssertEqual(SitePaths.absolute("fr/a/xindex.html", baseURL: "https://x.org/s/"), "https://x.org/s/fr/a/x")
        XCTAssertEqual(SitePaths.absolute("ndex.html", baseURL: "b/"), "b/ndex.html")
    }

    func testCalendarDates() {
        XCTAssertNotNil(CalendarDate(iso: "2004-02-29"))
        XCTAssertNil(CalendarDate(iso: "2005-02-29"))
        XCTAssertNil(CalendarDate(iso: "2005-13-01"))
        XCTAssertNil(DateTimeValue(iso: "2005-11-16T24:00"))
        XCTAssertEqual(DateTimeValue(iso: "2005-11-16T09:30")?.minuteOfDay, 570)
    }

    func testCollationFollowsTheLanguage() {
        let fr = TitleCollation(locale: "fr_FR")
        let sorted = ["Zèbre", "Événements", "abeille", "Education", "Œuvre", "Ordre"].sorted(by: fr.areInOrder)
        // Œ sorts as OE: "OEuvre" before "Ordre".
        XCTAssertEqual(sorted, ["abeille", "Education", "Événements", "Œuvre", "Ordre", "Zèbre"])
    }
}

/// The byte-level `relative(from:to:)` against the component-by-component definition.
final class SitePathsRelativeTests: XCTestCase {
    private func byComponents(from: String, to: String) -> String {
        let fromParts = from.split(separator: "/").dropLast()
        let toParts = to.split(separator: "/")
        var common = 0
        while common < fromParts.count, common < toParts.count - 1, fromParts[fromParts.startIndex + common] == toParts[common] { common += 1 }
        let joined = (Array(repeating: "..", count: fromParts.count - common) + toParts[common...].map(String.init)).joined(separator: "/")
        return joined.isEmpty ? "./" : joined
    }

    func testMatchesTheDefinitionOnManyPaths() {
        let parts = ["fr", "en", "a", "ab", "b", "évènements", "index.html", "x.ics"]
        let seed: UInt64 = 20_051_116
        var generator = SeededGenerator(state: seed)
        func path() -> String {
            (0..<Int.random(in: 0...3, using: &generator)).map { _ in parts.randomElement(using: &generator)! }.joined(separator: "/")
                + (Bool.random(using: &generator) ? "/index.html" : "index.html").drop { $0 == "/" }
        }
        for _ in 0..<2_000 {
            let from = path(), to = path()
            XCTAssertEqual(SitePaths.relative(from: from, to: to), byComponents(from: from, to: to), "seed \(seed): \(from) -> \(to)")
        }
    }
}
