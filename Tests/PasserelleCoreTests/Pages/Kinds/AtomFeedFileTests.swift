import XCTest
@testable import PasserellePages

final class AtomFeedFileTests: XCTestCase {
    func testAFeedPerLanguageLinkedFromEveryPage() throws {
        let files = try FixtureSite.files(of: AtomFeedFile(), in: "bilingual")
        XCTAssertEqual(files.keys.sorted(), ["en/atom.xml", "fr/atom.xml"])
        XCTAssertTrue(files["fr/atom.xml"]?.contains(#"xml:lang="fr""#) == true)
        XCTAssertEqual(AtomFeedFile().chromeLinkKey, "feedURL")
    }
}
