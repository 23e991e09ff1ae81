import XCTest
@testable import PasserellePages

final class TagsPageTests: XCTestCase {
    func testEveryTagOfTheLanguageWithItsCount() throws {
        let files = try FixtureSite.files(of: TagsPage(), in: "bilingual")
        let french = try XCTUnwrap(files["fr/mots-cles/index.html"])
        XCTAssertTrue(french.contains(#"<a class="tag" href="education/index.html">Éducation</a> <span class="count">(1)</span>"#), french)
        XCTAssertTrue(french.contains(#"href="smsi/index.html">SMSI</a>"#))
        let empty = try XCTUnwrap(FixtureSite.files(of: TagsPage(), in: "minimal")["fr/mots-cles/index.html"])
        XCTAssertFalse(empty.contains(#"class="tag""#))
    }
}
