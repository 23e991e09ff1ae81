import XCTest
@testable import PasserellePages

final class LanguageICalendarFileTests: XCTestCase {
    func testEveryEventOfALanguageInOneCalendarInDateOrder() throws {
        let files = try FixtureSite.files(of: LanguageICalendarFile(), in: "calendar")
        XCTAssertEqual(files.keys.sorted(), ["en/calendar.ics", "fr/calendar.ics"])
        let english = try XCTUnwrap(files["en/calendar.ics"])
        // The first DTSTART of each event (time zones have theirs, in VTIMEZONE).
        let starts = english.components(separatedBy: "BEGIN:VEVENT").dropFirst().map { event in
            event.components(separatedBy: "\r\n").first { $0.hasPrefix("DTSTART") }.flatMap { $0.split(separator: ":").last.map(String.init) } ?? ""
        }
        XCTAssertGreaterThan(starts.count, 3)
        XCTAssertEqual(starts.map { String($0.prefix(8)) }, starts.map { String($0.prefix(8)) }.sorted(), "by start")
        XCTAssertEqual(english.components(separatedBy: "BEGIN:VCALENDAR").count - 1, 1, "one calendar")
        XCTAssertTrue(try FixtureSite.files(of: LanguageICalendarFile(), in: "catalog").isEmpty, "no event section, no calendar")
    }
}
