import XCTest
@testable import PasserellePages

final class NotFoundPageTests: XCTestCase {
    func testA404PerLanguageThatWorksAtAnyDepth() throws {
        let files = try FixtureSite.files(of: NotFoundPage(), in: "bilingual")
        XCTAssertEqual(files.keys.sorted(), ["en/404.html", "fr/404.html"])
        let french = try XCTUnwrap(files["fr/404.html"])
        XCTAssertTrue(french.contains(#"<base href="https://example.org/test/fr/">"#), "served for any missing path: links from the language's root")
        let root = try XCTUnwrap(FixtureSite.files(of: RootNotFoundPage(), in: "bilingual")["404.html"])
        XCTAssertTrue(root.contains(#"lang="fr""#) && root.contains(#"lang="en""#), "the root's in every language")
    }
}
