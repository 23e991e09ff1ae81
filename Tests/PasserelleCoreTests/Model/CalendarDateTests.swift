import XCTest
@testable import PasserelleModel

final class CalendarDateTests: XCTestCase {
    func testOnlyRealDaysAreDates() {
        XCTAssertNotNil(CalendarDate(year: 2004, month: 2, day: 29))
        XCTAssertNil(CalendarDate(year: 2005, month: 2, day: 29))
        XCTAssertNil(CalendarDate(year: 1900, month: 2, day: 29), "1900 is not a leap year")
        XCTAssertNotNil(CalendarDate(year: 2000, month: 2, day: 29), "2000 is")
        XCTAssertNil(CalendarDate(year: 2005, month: 13, day: 1))
        XCTAssertNil(CalendarDate(year: 2005, month: 4, day: 31))
        XCTAssertNil(CalendarDate(iso: "2005-11-1"), "ISO dates have two-digit days")
        XCTAssertEqual(CalendarDate(iso: "2005-11-16")?.iso, "2005-11-16")
    }

    /// The bytes are parsed as the characters would be: the same value or nil for every text.
    func testISOTextParsedOnTheBytesAsOnTheCharacters() {
        let texts = ["2005-11-16", " 2005-11-16\t", "2005-11-16T09:30", "2005-11-16 09:30", "2005-11-16T09:30:59Z", "2005-11-16T09:30Z",
                     "2005-11-16T23:59:60", "2005-11-16T24:00", "2005-11-16T09:60", "2005-11-16T9:30", "2005-11-16T09:30ZZ", "2005-11-16X09:30",
                     "2005-11-16T", "2005-11-16 ", "2005-1-16", "2005/11/16", "20051116", "2005-11-1a", "+005-11-16", "2005-02-29",
                     "2004-02-29", "0000-01-01", "9999-12-31", "", "2005-11-16\r\n", "\u{A0}2005-11-16\u{3000}", "２００５-11-16",
                     "2005-11-16T０９:30", "2005-11-16\u{301}", "2005-\u{301}11-16", "2005-11-16T09:30:5", "2005-11-16T09:30:"]
        for text in texts {
            XCTAssertEqual(DateTimeValue(iso: text), DateTimeValue(isoCharacters: text), text)
        }
        XCTAssertEqual(DateTimeValue(iso: " 2005-11-16T09:30Z ")?.iso, "2005-11-16T09:30")
        XCTAssertEqual(DateTimeValue(iso: "\u{A0}2005-11-16\u{3000}")?.iso, "2005-11-16", "other blanks through the characters")
        XCTAssertEqual(CalendarDate(iso: "2005-11-16")?.iso, "2005-11-16")
        XCTAssertNil(CalendarDate(iso: "2005-11-16 "))
        XCTAssertEqual(CalendarDate(year: 7, month: 3, day: 9)?.iso, "0007-03-09")
    }

    func testDaysSinceTheEpochRoundTrip() {
        var rng = SeededGenerator(state: 20051116)
        for _ in 0..<2_000 {
            let days = Int.random(in: -719_000...2_900_000, using: &rng) // years 1 to 9909
            XCTAssertEqual(CalendarDate(daysSinceEpoch: days).daysSinceEpoch, days, "day \(days) (seed 20051116)")
        }
        XCTAssertEqual(CalendarDate(year: 1970, month: 1, day: 1)?.daysSinceEpoch, 0)
        XCTAssertEqual(CalendarDate(year: 2005, month: 11, day: 16)?.adding(days: 20).iso, "2005-12-06")
        XCTAssertEqual(CalendarDate(Date(timeIntervalSince1970: 1_132_000_000)).iso, "2005-11-14")
    }

    func testWeekdaysRunFromSundayAsOne() {
        XCTAssertEqual(CalendarDate(year: 2005, month: 11, day: 16)?.weekday, 4, "a Wednesday")
        XCTAssertEqual(CalendarDate(year: 1970, month: 1, day: 1)?.weekday, 5, "a Thursday")
    }

    func testMonthsKnowTheirBounds() {
        let february = YearMonth(year: 2008, month: 2)
        XCTAssertEqual(february.lastDay.iso, "2008-02-29")
        XCTAssertEqual(YearMonth(year: 2005, month: 12).next, YearMonth(year: 2006, month: 1))
        XCTAssertEqual(february.iso, "2008-02")
        XCTAssertNil(CalendarDate(year: 2004, month: 2, day: 29)?.inYear(2005), "no 29 February in 2005")
    }

    func testTimedValuesComeAfterTheirDayAlone() throws {
        let day = try XCTUnwrap(DateTimeValue(iso: "2005-11-16"))
        let morning = try XCTUnwrap(DateTimeValue(iso: "2005-11-16T09:30"))
        XCTAssertEqual(morning.minuteOfDay, 570)
        XCTAssertNil(day.minuteOfDay)
        XCTAssertTrue(day < morning)
        XCTAssertNil(DateTimeValue(iso: "2005-11-16T25:00"))
    }
}
