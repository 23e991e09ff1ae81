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
