import Foundation
import XCTest
@testable import PasserellePages

final class ZoneInfoTests: XCTestCase {
    func testAbbreviationsAreTzdatasAtEachInstant() throws {
        let paris = try XCTUnwrap(ZoneInfo("Europe/Paris"), "tzdata is installed (Debian's tzdata)")
        XCTAssertEqual(paris.abbreviation(at: Date(timeIntervalSince1970: 1_132_000_000)), "CET", "November 2005")
        XCTAssertEqual(paris.abbreviation(at: Date(timeIntervalSince1970: 1_120_000_000)), "CEST", "June 2005")
        XCTAssertEqual(paris.abbreviation(at: Date(timeIntervalSince1970: 4_102_444_800 + 180 * 86_400)), "CEST", "2100, past the table: the rule")
        let tunis = try XCTUnwrap(ZoneInfo("Africa/Tunis"))
        XCTAssertEqual(tunis.abbreviation(at: Date(timeIntervalSince1970: 1_132_000_000)), "CET")
    }

    func testUnknownOrEscapingNamesHaveNoZone() throws {
        XCTAssertNil(ZoneInfo("Mars/Olympus"))
        XCTAssertNil(ZoneInfo("../../etc/passwd"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zoneinfo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("not a TZif file".utf8).write(to: folder.appendingPathComponent("Broken"))
        XCTAssertNil(ZoneInfo("Broken", folder: folder.path), "a file that is not TZif is no zone")
    }
}
