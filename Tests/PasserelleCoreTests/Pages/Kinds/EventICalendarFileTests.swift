import XCTest
@testable import PasserellePages

final class EventICalendarFileTests: XCTestCase {
    func testAnEventHasACalendarFileBesideItsPageInEachLanguage() throws {
        let files = try FixtureSite.files(of: EventICalendarFile(), in: "bilingual")
        XCTAssertEqual(files.keys.sorted(), ["en/events/tunis-2005/tunis-2005.ics", "fr/evenements/tunis-2005/tunis-2005.ics"])
        let french = try XCTUnwrap(files["fr/evenements/tunis-2005/tunis-2005.ics"])
        XCTAssertTrue(french.hasPrefix("BEGIN:VCALENDAR\r\n"), french)
        XCTAssertTrue(french.contains("SUMMARY;LANGUAGE=fr:Sommet de Tunis\r\n"))
        XCTAssertTrue(french.contains("DTSTART;VALUE=DATE:20051116\r\n"))
        XCTAssertTrue(french.contains("DTEND;VALUE=DATE:20051119\r\n"), "an all-day end is the day after (RFC 5545)")
        XCTAssertTrue(french.contains("UID:events.tunis-2005-fr@example.org\r\n"))
        XCTAssertTrue(files["en/events/tunis-2005/tunis-2005.ics"]?.contains("SUMMARY;LANGUAGE=en:Tunis Summit\r\n") == true)
    }
}
