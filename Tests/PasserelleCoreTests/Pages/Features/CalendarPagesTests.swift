import FoundationXML
import XCTest
@testable import PasserelleCore
@testable import PasserelleIncremental
@testable import PasserellePages
@testable import PasserelleResolve
@testable import PasserelleTemplates

/// End-to-end: the tricky-events fixture, built on 14 November 2005, read back as .ics lines and grid cells.
final class CalendarPagesTests: XCTestCase {
    var site: FixtureSite!

    override func setUpWithError() throws {
        site = try FixtureSite("calendar", theme: FixtureSite.defaultTheme)
        let report = site.build()
        XCTAssertTrue(report.succeeded, report.diagnostics.map(\.formatted).joined(separator: "\n"))
    }

    override func tearDown() { site.remove() }

    func lines(_ path: String) throws -> [String] {
        let text = try site.read(path)
        XCTAssertTrue(text.hasSuffix("\r\n"))
        return text.components(separatedBy: "\r\n")
    }

    func testLanguageCalendarHasEveryEventWithExactLines() throws {
        let ics = try lines("fr/calendar.ics")
        XCTAssertEqual(ics.filter { $0 == "BEGIN:VEVENT" }.count, 5)
        let newYear = Array(ics.drop { $0 != "UID:events.new-year-fr@example.org" }.prefix(10))
        XCTAssertEqual(newYear, [
            "UID:events.new-year-fr@example.org",
            "DTSTAMP:20051114T000000Z",
            "DTSTART;VALUE=DATE:20041230",
            "DTEND;VALUE=DATE:20050103",
            "STATUS:CONFIRMED",
            "SUMMARY;LANGUAGE=fr:Réveillon \\; fête\\, joie \\\\ et plus",
            "DESCRIPTION;LANGUAGE=fr:Du texte gras et un lien.",
            "LOCATION;LANGUAGE=fr:Tunis\\, Tunisie",
            "URL;VALUE=URI:https://example.org/cal/fr/evenements/new-year/",
            "END:VEVENT",
        ])
        XCTAssertTrue(ics.contains("DTSTART;TZID=Africa/Tunis:20051116T090000"))
        XCTAssertTrue(ics.contains("DTEND;TZID=Africa/Tunis:20051116T173000"))
        XCTAssertTrue(ics.contains("TZID:Africa/Tunis"))
        XCTAssertTrue(ics.contains("STATUS:TENTATIVE"))
        XCTAssertTrue(ics.contains("STATUS:CANCELLED"))
        XCTAssertTrue(ics.contains("RRULE:FREQ=YEARLY"))
        XCTAssertTrue(ics.contains("DTSTART:20051130T140000"), "floating time without TZID")
        XCTAssertTrue(ics.allSatisfy { $0.utf8.count <= 75 })
        XCTAssertTrue(try lines("en/calendar.ics").contains("UID:events.new-year-en@example.org"))
    }

    func testEachEventHasItsOwnCalendarLinkedFromItsPage() throws {
        let ics = try lines("fr/evenements/opening/opening.ics")
        XCTAssertEqual(ics.filter { $0 == "BEGIN:VEVENT" }.count, 1)
        let page = try site.read("fr/evenements/opening/index.html")
        XCTAssertTrue(page.contains(#"<a href="opening.ics" download>Ajouter à mon agenda (.ics)</a>"#))
        XCTAssertTrue(page.contains(#"<time datetime="2005-11-16">16 novembre 2005, de 09:00 à 17:30</time> (Africa/Tunis)"#), page)
        XCTAssertTrue(page.contains(#"<dd class="status status-tentative">Provisoire</dd>"#))
    }

    func testMonthGridShowsMultiDayEventsOnEachDayAcrossTheYearEnd() throws {
        let december = try site.read("fr/evenements/2004/12/index.html")
        XCTAssertTrue(december.contains("<caption>Décembre 2004</caption>"))
        XCTAssertTrue(december.contains(#"<th scope="col"><abbr title="lundi">lun.</abbr></th>"#), december)
        let january = try site.read("en/events/2005/01/index.html")
        XCTAssertTrue(january.contains(#"<td class="has-events"><span class="day"><time datetime="2005-01-02" aria-label="2 January 2005">2</time></span><ul><li><a href="../../new-year/index.html"><span class="continues">(continued) </span>New Year; party, joy \ and more</a></li></ul></td>"#), january)
        XCTAssertTrue(january.contains(#"<td><span class="day"><time datetime="2005-01-03" aria-label="3 January 2005">3</time></span></td>"#))
        XCTAssertTrue(january.contains(#"<a href="../../2004/12/index.html" rel="prev">← December 2004</a>"#), january)
        XCTAssertTrue(january.contains(#"<a href="../../2005/02/index.html" rel="next">"#) == false, "February 2005 has no event")
        XCTAssertTrue(january.contains(#"<a href="../03/index.html" rel="next">March 2005 →</a>"#), january)
    }

    func testCancelledEventsSayItInWords() throws {
        let march = try site.read("fr/evenements/2005/03/index.html")
        XCTAssertTrue(march.contains(#"<li class="cancelled"><a href="../../cancelled-meeting/index.html">01:30 Réunion annulée</a> <span class="status">(Annulé)</span></li>"#), march)
    }

    func testYearPageAndLeapDayOccurrences() throws {
        let year = try site.read("fr/evenements/2005/index.html")
        XCTAssertTrue(year.contains(#"<h2 id="m-2005-11"><a href="11/index.html">Novembre 2005</a></h2>"#), year)
        // Built in 2005: the yearly leap day is on the calendar of 2004 only (2005 has no 29 February).
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("fr/evenements/2004/02/index.html").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("fr/evenements/2005/02/index.html").path))
    }

    func testEventsListingPutsUpcomingFirstThenPastByYear() throws {
        let listing = try site.read("en/events/index.html")
        let upcoming = try XCTUnwrap(listing.range(of: "<h2>Upcoming</h2>")).lowerBound
        let opening = try XCTUnwrap(listing.range(of: ">Opening of the Tunis summit<")).lowerBound
        let video = try XCTUnwrap(listing.range(of: ">Video call<")).lowerBound
        let leap = try XCTUnwrap(listing.range(of: ">Leap day<")).lowerBound
        let year2005 = try XCTUnwrap(listing.range(of: "<h2>2005</h2>")).lowerBound
        let year2004 = try XCTUnwrap(listing.range(of: "<h2>2004</h2>")).lowerBound
        // The leap day recurs: its next occurrence (29 February 2008) keeps it upcoming, after the 2005 events.
        XCTAssertTrue(upcoming < opening && opening < video && video < leap && leap < year2005 && year2005 < year2004)
        XCTAssertTrue(listing.contains("29 February 2008"), listing)
        XCTAssertTrue(listing.contains(#"<a href="../calendar.ics">Subscribe to the calendar (iCalendar, .ics)</a>"#))
    }

    func testTheListingLinksOnlyYearsWithADatedEvent() throws {
        for language in ["fr", "en"] {
            try site.write("events/old-yearly.\(language).md", "---\ntitle: \"Yearly \(language)\"\nstart: 2001-05-01\nrecurrence: yearly\n---\n")
        }
        XCTAssertTrue(site.build().succeeded)
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("en/events/2002/index.html").path),
                      "the year page exists (the yearly event falls in it)")
        let listing = try site.read("en/events/index.html")
        XCTAssertFalse(listing.contains(#"href="2002/index.html""#), "but the listing links only years that hold a dated event")
        XCTAssertTrue(listing.contains(#"href="2005/index.html""#))
    }

    func testAnEventsOwnSiteAndItsStartInstantReachTheCalendarAndTheFeed() throws {
        let opening = try site.read("events/opening.en.md", in: site.content)
        try site.write("events/opening.en.md", opening.replacingOccurrences(of: "status: tentative", with: "status: tentative\nurl: \"https://www.itu.int/wsis/\""))
        XCTAssertTrue(site.build().succeeded)
        let ics = try site.read("en/events/opening/opening.ics").replacingOccurrences(of: "\r\n ", with: "")
        XCTAssertTrue(ics.contains("https://www.itu.int/wsis/"), ics)
        let feed = try site.read("en/atom.xml")
        // 09:00 in Tunis in November 2005 (+01:00).
        XCTAssertTrue(feed.contains("<updated>2005-11-16T08:00:00Z</updated>"), feed)
        XCTAssertTrue(feed.contains(#"<content type="html""#), feed)
        XCTAssertEqual(try XMLDocument(xmlString: feed).rootElement()?.name, "feed")
    }
}
