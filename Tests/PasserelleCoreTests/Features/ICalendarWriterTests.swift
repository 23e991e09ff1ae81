import XCTest
@testable import PasserelleCore

final class ICalendarWriterTests: XCTestCase {
    let writer = ICalendarWriter(productID: "-//T//FR", calendarName: "T", language: "fr", stamp: Date(timeIntervalSince1970: 1_132_000_000))

    func testEscapesText() {
        XCTAssertEqual(writer.escape("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne")
        XCTAssertEqual(writer.escape("tab\tbell\u{07}cr\r\u{85}next é, ü"), "tab\tbellcrnext é\\, ü")
        XCTAssertEqual(writer.escape("plain é"), "plain é")
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

    func testStampIsUTC() {
        XCTAssertEqual(ICalendarWriter.utcStamp(Date(timeIntervalSince1970: 1_132_000_000)), "20051114T202640Z")
        XCTAssertEqual(ICalendarWriter.utcStamp(Date(timeIntervalSince1970: 0)), "19700101T000000Z")
    }

    func testAllDayEndIsExclusiveAcrossYearEnd() {
        let details = EventDetails(start: DateTimeValue(iso: "2004-12-30")!, end: DateTimeValue(iso: "2004-12-31")!)
        let lines = writer.vevent(.init(uid: "u", summary: "s", description: "", location: nil, url: "https://x/", details: details))
        XCTAssertTrue(lines.contains("DTSTART;VALUE=DATE:20041230"))
        XCTAssertTrue(lines.contains("DTEND;VALUE=DATE:20050101"))
    }
}
