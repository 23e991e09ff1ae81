import XCTest
@testable import PasserelleModel
@testable import PasserellePages

final class DateTextTests: XCTestCase {
    func date(_ text: String) -> CalendarDate { CalendarDate(iso: Substring(text))! }
    let french = DateText(locale: "fr_FR", strings: ["day_first": "1er", "date_range_same_month": "du {d1} au {d2} {month} {year}"])
    let english = DateText(locale: "en_GB", strings: [:])

    func testDaysAndSpansInTheLanguagesWords() {
        XCTAssertEqual(french.day(date("2003-12-01")), "1er décembre 2003")
        XCTAssertEqual(english.day(date("2005-11-16")), "16 November 2005")
        XCTAssertEqual(french.range(date("2005-11-16"), date("2005-11-18")), "du 16 au 18 novembre 2005")
        XCTAssertEqual(english.range(date("2005-11-16"), date("2005-11-18")), "16–18 November 2005")
        XCTAssertEqual(english.range(date("2005-11-30"), date("2005-12-02")), "30 November – 2 December 2005")
        XCTAssertEqual(english.range(date("2005-12-30"), date("2006-01-02")), "30 December 2005 – 2 January 2006")
        XCTAssertEqual(english.range(date("2005-11-16"), date("2005-11-16")), "16 November 2005")
    }

    func testTimesAndEvents() throws {
        XCTAssertEqual(french.time(9 * 60 + 30), "09:30")
        let start = try XCTUnwrap(DateTimeValue(iso: "2005-11-16T09:30"))
        let end = try XCTUnwrap(DateTimeValue(iso: "2005-11-16T12:00"))
        XCTAssertEqual(english.event(EventDetails(start: start, end: end)), "16 November 2005, 09:30–12:00")
        let yearly = EventDetails(start: DateTimeValue(date: date("2001-12-05"), minuteOfDay: nil), recurrence: .yearly)
        XCTAssertEqual(english.event(yearly), "every year on 5 December (since 2001)")
    }

    /// A theme's pattern: `{name}` with a value is replaced, any other brace kept as written.
    func testUnknownNamesAndStrayBracesAreKept() {
        let odd = DateText(locale: "en_GB", strings: ["date_single": "{{d}} {x} {month {year}} { é{d}"])
        XCTAssertEqual(odd.day(date("2005-11-16")), "{16} {x} {month 2005} { é16")
    }

    func testMonthTitlesStartWithACapital() {
        XCTAssertEqual(french.monthTitle(YearMonth(year: 2005, month: 11)), "Novembre 2005")
        XCTAssertEqual(english.monthTitle(YearMonth(year: 2005, month: 11)), "November 2005")
    }
}
