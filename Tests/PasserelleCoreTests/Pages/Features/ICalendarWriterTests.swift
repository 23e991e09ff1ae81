import XCTest
@testable import PasserelleCore
@testable import PasserelleIncremental
@testable import PasserellePages
@testable import PasserelleResolve
@testable import PasserelleTemplates

final class ICalendarWriterTests: XCTestCase {
    let writer = ICalendarWriter(productID: "-//T//FR", calendarName: "T", language: "fr", stamp: Date(timeIntervalSince1970: 1_132_000_000))

    func testEscapesText() {
        XCTAssertEqual(writer.escape("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne")
        XCTAssertEqual(writer.escape("tab\tbell\u{07}cr\r\u{85}next é, ü"), "tab\tbellcrnext é\\, ü")
        XCTAssertEqual(writer.escape("plain é"), "plain é")
    }

    func testALineEscapedAndFoldedAsBytesIsTheLineOfItsText() {
        let values = ["", "plain", "a;b,c\\d\ne\r\t\u{07}\u{85}\u{A0}é", String(repeating: "é,", count: 70),
                      String(repeating: "x", count: 73) + "€€" + String(repeating: ";", count: 40) + "\u{C2}"]
        for value in values {
            for isText in [true, false] {
                let line = ICalendarWriter.ContentLine("DESCRIPTION;LANGUAGE=fr", value, text: isText)
                var bytes: [UInt8] = [], scratch: [UInt8] = [0xFF]
                line.appendFolded(to: &bytes, scratch: &scratch)
                var expected: [UInt8] = []
                ICalendarWriter.appendFolded(line.text, to: &expected)
                XCTAssertEqual(bytes, expected, value)
                XCTAssertEqual(line.text, "DESCRIPTION;LANGUAGE=fr:" + (isText ? writer.escape(value) : value))
            }
        }
    }

    func testFoldsAt75OctetsWithoutSplittingCharacters() {
        let line = "SUMMARY:" + String(repeating: "é", count: 60) // 8 + 120 octets
        let folded = ICalendarWriter.fold(line)
        let pieces = folded.components(separatedBy: "\r\n")
        XCTAssertTrue(pieces.allSatisfy { $0.utf8.count <= 75 }, "\(pieces.map { $0.utf8.count })")
        XCTAssertTrue(pieces.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        XCTAssertEqual(pieces.map { String($0.drop { $0 == " " }) }.joined().count, line.count)
        XCTAssertEqual(pieces[0].utf8.count, 75 - 1, "the 75th octet would split an é, so the line breaks before it")
        XCTAssertEqual(ICalendarWriter.fold("SHORT:x"), "SHORT:x")
    }

    func testTheEventBlocksOfACalendarAreTheBlocksItWasWrittenFrom() {
        var timed = EventDetails(start: DateTimeValue(iso: "2005-11-16T09:00")!)
        timed.timezone = "Africa/Tunis"
        let events = [
            ICalendarWriter.Event(uid: "a", summary: "Ouverture", description: UTF8Text("BEGIN:VEVENT\nEND:VEVENT\n" + String(repeating: "é", count: 80)),
                                  location: "Tunis", url: "https://x/a/", details: timed),
            ICalendarWriter.Event(uid: "b", summary: "s", description: "", location: nil, url: "https://x/b/",
                                  details: EventDetails(start: DateTimeValue(iso: "2005-11-18")!)),
        ]
        let blocks = events.map(writer.eventBlock)
        let calendar = writer.calendar(events, blocks: blocks)
        XCTAssertTrue(String(decoding: calendar, as: UTF8.self).contains("BEGIN:VTIMEZONE"))
        XCTAssertEqual(ICalendarWriter.eventBlocks(in: calendar), blocks, "a description naming the delimiters is escaped, not split on")
        XCTAssertEqual(ICalendarWriter.eventBlocks(in: writer.calendar([], blocks: [])), [])
        // Not a calendar this writer wrote: a block left open, or closed twice.
        XCTAssertNil(ICalendarWriter.eventBlocks(in: Array(calendar.dropLast(40))))
        XCTAssertNil(ICalendarWriter.eventBlocks(in: Array("BEGIN:VEVENT\r\nBEGIN:VEVENT\r\nEND:VEVENT\r\n".utf8)))
        XCTAssertNil(ICalendarWriter.eventBlocks(in: Array("END:VEVENT\r\n".utf8)))
    }

    func testStampIsUTC() {
        XCTAssertEqual(ICalendarWriter.utcStamp(Date(timeIntervalSince1970: 1_132_000_000)), "20051114T202640Z")
        XCTAssertEqual(ICalendarWriter.utcStamp(Date(timeIntervalSince1970: 0)), "19700101T000000Z")
    }

    func testAllDayEndIsExclusiveAcrossYearEnd() {
        let details = EventDetails(start: DateTimeValue(iso: "2004-12-30")!, end: DateTimeValue(iso: "2004-12-31")!)
        let lines = writer.vevent(.init(uid: "u", summary: "s", description: "", location: nil, url: "https://x/", details: details)).map(\.text)
        XCTAssertTrue(lines.contains("DTSTART;VALUE=DATE:20041230"))
        XCTAssertTrue(lines.contains("DTEND;VALUE=DATE:20050101"))
    }

    func testAYearlyTimedEventsZoneCoversEveryLaterYear() {
        let lines = ICalendarWriter.timezone("Europe/Paris", years: 2003...2026, recurring: true)
        XCTAssertEqual(lines.filter { $0.hasPrefix("RRULE:") }, ["RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"])
        // The rules start at the last year's transitions; the years before are listed one by one.
        let starts = lines.filter { $0.hasPrefix("DTSTART:") }
        XCTAssertEqual(starts.first, "DTSTART:20020331T020000")
        XCTAssertEqual(starts.suffix(2), ["DTSTART:20260329T020000", "DTSTART:20261025T030000"])
        XCTAssertTrue(lines.contains("TZNAME:CEST") && lines.contains("TZNAME:CET"))
        // The writer reaches the build's year for a yearly event.
        var details = EventDetails(start: DateTimeValue(iso: "2003-07-14T10:00")!)
        details.timezone = "Europe/Paris"
        details.recurrence = .yearly
        let event = ICalendarWriter.Event(uid: "u", summary: "s", description: "", location: nil, url: "https://x/", details: details)
        let later = ICalendarWriter(productID: "p", calendarName: "c", language: "fr", stamp: Date(timeIntervalSince1970: 1_764_720_000))
        XCTAssertTrue(later.calendar([event]).contains("DTSTART:20251026T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"))
    }

    func testZoneNamesComeFromTzdata() {
        let lines = ICalendarWriter.timezone("Africa/Tunis", years: 2005...2005)
        XCTAssertTrue(lines.contains("TZNAME:CEST"), lines.joined(separator: "\n"))
        XCTAssertFalse(lines.contains { $0.hasPrefix("TZNAME:GMT") })
        XCTAssertFalse(lines.contains { $0.hasPrefix("RRULE") }, "a zone that no longer changes its clocks has no rule")
        XCTAssertEqual(ZoneInfo("Asia/Kolkata")?.abbreviation(at: Date(timeIntervalSince1970: 1_132_000_000)), "IST")
    }
}
