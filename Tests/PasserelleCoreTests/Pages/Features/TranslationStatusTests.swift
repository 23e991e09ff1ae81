import Foundation
import XCTest
@testable import PasserelleModel
@testable import PasserellePages

final class TranslationStatusTests: XCTestCase {
    func testMissingTranslationsAndTranslationsOlderThanTheirSource() throws {
        let (site, _) = try FixtureSite.resolved("bilingual")
        let status = TranslationStatus(site: site, commitDays: [:])
        XCTAssertEqual(status.languages, ["fr", "en"])
        let recommendations = try XCTUnwrap(status.sections.first { $0.section.name == "recommendations" })
        XCTAssertEqual(recommendations.missing.map(\.id), ["recommendations/education"])
        XCTAssertEqual(recommendations.missing.first?.present, ["fr"])
        XCTAssertEqual(recommendations.missing.first?.missing, ["en"])
        // calendar: English updated 2004-12-01, French 2005-01-10: the English text is behind.
        XCTAssertEqual(recommendations.stale.map(\.id), ["recommendations/calendar"])
        XCTAssertEqual(recommendations.stale.first?.language, "en")
        XCTAssertEqual(recommendations.stale.first?.sourceLanguage, "fr")
        XCTAssertEqual(recommendations.stale.first?.sourceDate.iso, "2005-01-10")
    }

    func testTheDayOfTheLastCommitStandsInForAMissingUpdatedDate() throws {
        let (site, _) = try FixtureSite.resolved("bilingual")
        let days = ["recommendations/zebra.fr.md": CalendarDate(year: 2005, month: 3, day: 1)!,
                    "recommendations/zebra.en.md": CalendarDate(year: 2005, month: 2, day: 1)!]
        let status = TranslationStatus(site: site, commitDays: days)
        let stale = status.sections.flatMap(\.stale).filter { $0.id == "recommendations/zebra" }
        XCTAssertEqual(stale.map(\.language), ["en"])
        let json = try JSONSerialization.jsonObject(with: Data(status.json.utf8)) as? [String: Any]
        XCTAssertEqual(json?["languages"] as? [String], ["fr", "en"])
    }
}
