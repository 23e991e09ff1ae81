import Foundation
import XCTest
@testable import PasserellePages

final class TranslationStatusPagesTests: XCTestCase {
    func testTheEditorsPageAndItsJSONAtTheRoot() throws {
        let files = try FixtureSite.files(of: TranslationStatusPages(), in: "bilingual")
        XCTAssertEqual(files.keys.sorted(), ["translation-status.html", "translation-status.json"])
        let page = try XCTUnwrap(files["translation-status.html"])
        XCTAssertTrue(page.contains(#"<meta name="robots" content="noindex">"#), "for editors, not search engines")
        XCTAssertTrue(page.contains(#"href="fr/recommandations/education/index.html""#))
        XCTAssertTrue(page.contains("English"), "languages by name")
        let json = try JSONSerialization.jsonObject(with: Data(try XCTUnwrap(files["translation-status.json"]).utf8)) as? [String: Any]
        XCTAssertNotNil(json?["sections"])
    }
}
