import Foundation
import XCTest
@testable import PasserelleModel
@testable import PasserellePages

final class AtomFeedTests: XCTestCase {
    func testTheLatestTwentyDatedEntriesNewestFirst() throws {
        let (site, _) = try FixtureSite.resolved("bilingual", extraEntries: 25)
        let latest = AtomFeed.latest(site: site, language: "en")
        XCTAssertEqual(latest.count, AtomFeed.size)
        XCTAssertEqual(latest.map(\.date), latest.map(\.date).sorted(by: >))
        let feed = AtomFeed(site: site, language: "en").xml
        XCTAssertTrue(feed.hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>"), String(feed.prefix(60)))
        XCTAssertEqual(feed.components(separatedBy: "<entry>").count - 1, AtomFeed.size)
        XCTAssertEqual(feed.components(separatedBy: "</entry>").count - 1, AtomFeed.size)
        XCTAssertTrue(feed.hasSuffix("</feed>\n"))
    }
}
