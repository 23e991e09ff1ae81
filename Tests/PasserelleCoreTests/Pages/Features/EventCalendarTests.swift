import XCTest
@testable import PasserelleCore
@testable import PasserelleIncremental
@testable import PasserellePages
@testable import PasserelleResolve
@testable import PasserelleTemplates

final class EventCalendarTests: XCTestCase {
    func date(_ text: String) -> CalendarDate { CalendarDate(iso: Substring(text))! }

    func testDayArithmeticAcrossMonthAndYearEndsAndLeapDays() {
        XCTAssertEqual(date("2004-12-31").adding(days: 1), date("2005-01-01"))
        XCTAssertEqual(date("2004-02-28").adding(days: 1), date("2004-02-29"))
        XCTAssertEqual(date("2005-02-28").adding(days: 1), date("2005-03-01"))
        XCTAssertEqual(date("2000-02-29").adding(days: 366), date("2001-03-01"))
        XCTAssertEqual(date("1970-01-01").daysSinceEpoch, 0)
        XCTAssertEqual(date("1969-12-31").daysSinceEpoch, -1)
        XCTAssertEqual(date("2005-11-16").weekday, 4, "a Wednesday")
        XCTAssertEqual(CalendarDate(Date(timeIntervalSince1970: 1_132_000_000)), date("2005-11-14"))
    }

    /// Occurrences in calendar order: by first day, then start time (untimed before timed), then
    /// entry id, as a tuple of the three orders them; every pair of a set with ties in each field.
    func testChronologicalOrderIsDayThenTimeThenID() {
        var occurrences: [EventOccurrence] = []
        for day in ["2005-11-16", "2005-11-17"] {
            for minute in [nil, 0, 540] as [Int?] {
                for id in ["events/b", "events/a", "events/a-b"] {
                    occurrences.append(EventOccurrence(entryID: EntryID(id), first: date(day), last: date(day), startMinute: minute, endMinute: nil))
                }
            }
        }
        for a in occurrences {
            for b in occurrences {
                XCTAssertEqual(EventCalendar.chronological(a, b),
                               (a.first, a.startMinute ?? -1, a.entryID) < (b.first, b.startMinute ?? -1, b.entryID), "\(a) \(b)")
            }
        }
        XCTAssertEqual(occurrences.sorted(by: EventCalendar.chronological).prefix(4).map { "\($0.startMinute ?? -1) \($0.entryID)" },
                       ["-1 events/a", "-1 events/a-b", "-1 events/b", "0 events/a"])
    }

    func testYearlyOccurrencesSkipMissingLeapDays() {
        let event = EventDetails(start: DateTimeValue(iso: "2004-02-29")!, recurrence: .yearly)
        let occurrences = EventCalendar.occurrences(of: event, id: "e", through: 2013)
        XCTAssertEqual(occurrences.map(\.first.iso), ["2004-02-29", "2008-02-29", "2012-02-29"])
    }

    func testMultiDayOccurrenceSpansMonths() {
        let event = EventDetails(start: DateTimeValue(iso: "2004-12-30")!, end: DateTimeValue(iso: "2005-01-02")!)
        let occurrence = EventCalendar.occurrences(of: event, id: "e", through: 2005)[0]
        XCTAssertTrue(occurrence.covers(date("2005-01-01")))
        XCTAssertFalse(occurrence.covers(date("2005-01-03")))
    }

    func testMonthGridStartsOnTheLocaleFirstWeekday() {
        // November 2005 starts on a Tuesday.
        let monday = EventCalendar.weeks(of: YearMonth(year: 2005, month: 11), firstWeekday: 2)
        XCTAssertNil(monday[0][0])
        XCTAssertEqual(monday[0][1], date("2005-11-01"))
        XCTAssertEqual(monday.count, 5)
        let sunday = EventCalendar.weeks(of: YearMonth(year: 2005, month: 11), firstWeekday: 1)
        XCTAssertEqual(sunday[0][2], date("2005-11-01"))
        XCTAssertTrue(monday.allSatisfy { $0.count == 7 })
    }

    func testDatePhrasesInBothLanguages() throws {
        let strings = try XCTUnwrap(ThemeLoader(directory: FixtureSite.defaultTheme, displayRoot: "t", requirements: PageKinds.themeRequirements).load(languages: ["fr", "en"]).0?.strings)
        let fr = DateText(locale: "fr_FR", strings: strings["fr"]!), en = DateText(locale: "en_GB", strings: strings["en"]!)
        XCTAssertEqual(fr.range(date("2005-11-16"), date("2005-11-18")), "du 16 au 18 novembre 2005")
        XCTAssertEqual(en.range(date("2005-11-16"), date("2005-11-18")), "16–18 November 2005")
        XCTAssertEqual(fr.range(date("2004-12-30"), date("2005-01-02")), "du 30 décembre 2004 au 2 janvier 2005")
        XCTAssertEqual(fr.range(date("2005-11-30"), date("2005-12-01")), "du 30 novembre au 1er décembre 2005")
        XCTAssertEqual(fr.day(date("2003-12-01")), "1er décembre 2003")
        XCTAssertEqual(en.day(date("2003-12-01")), "1 December 2003")
        XCTAssertEqual(fr.monthTitle(YearMonth(year: 2005, month: 11)), "Novembre 2005")
        XCTAssertEqual(fr.firstWeekday, 2)
        let timed = EventDetails(start: DateTimeValue(iso: "2005-11-16T09:00")!, end: DateTimeValue(iso: "2005-11-16T17:30")!)
        XCTAssertEqual(fr.event(timed), "16 novembre 2005, de 09:00 à 17:30")
        XCTAssertEqual(en.event(EventDetails(start: DateTimeValue(iso: "2003-12-05")!, recurrence: .yearly)), "every year on 5 December (since 2003)")
    }
}
