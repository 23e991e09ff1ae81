import XCTest
@testable import PasserelleCore

final class SitePathsTests: XCTestCase {
    func testRelativeLinks() {
        XCTAssertEqual(SitePaths.relative(from: "fr/a/b/index.html", to: "fr/a/c/index.html"), "../c/index.html")
        XCTAssertEqual(SitePaths.relative(from: "fr/a/b/index.html", to: "en/x/index.html"), "../../../en/x/index.html")
        XCTAssertEqual(SitePaths.relative(from: "index.html", to: "fr/index.html"), "fr/index.html")
        XCTAssertEqual(SitePaths.relative(from: "fr/a/index.html", to: "fr/a/b/index.html"), "b/index.html")
        XCTAssertEqual(SitePaths.rootPrefix(from: "fr/a/b/index.html"), "../../../")
        XCTAssertEqual(SitePaths.absolute("fr/a/index.html", baseURL: "https://x.org/s/"), "https://x.org/s/fr/a/")
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
