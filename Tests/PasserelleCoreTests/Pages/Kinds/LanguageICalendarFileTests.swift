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

    func testATextEditCarriesTheBlocksOfACalendarWithOneBlockPerEvent() throws {
        let site = try FixtureSite.resolved("calendar").0
        let files = try FixtureSite.files(of: LanguageICalendarFile(), in: "calendar")
        let french = Array(try XCTUnwrap(files["fr/calendar.ics"]).utf8)
        let events = LanguageICalendarFile.events(in: site, language: "fr")
        XCTAssertGreaterThan(events.count, 3)
        XCTAssertEqual(LanguageICalendarFile.carriedBlocks(of: french, in: site, language: "fr")?.count, events.count)
        // A file with one event less is not that calendar: the rebuild must not carry it.
        let blocks = try XCTUnwrap(ICalendarWriter.eventBlocks(in: french))
        var shorter = french
        shorter.removeSubrange(try XCTUnwrap(shorter.firstRange(of: blocks[0])))
        XCTAssertNil(LanguageICalendarFile.carriedBlocks(of: shorter, in: site, language: "fr"))
        if case let .blocks(ids) = LanguageICalendarFile().bodies(of: PageJob(language: "fr"), in: site) {
            XCTAssertEqual(ids, Set(events))
        } else {
            XCTFail("the calendar of a language declares its events' blocks")
        }
    }
}
