import Foundation
import XCTest
@testable import PasserellePages

final class SearchIndexFilesTests: XCTestCase {
    func testEachLanguageHasItsIndexAsJSONAndAsAScript() throws {
        let files = try FixtureSite.files(of: SearchIndexFiles(), in: "bilingual")
        XCTAssertEqual(files.keys.sorted(), ["en/search-index.js", "en/search.json", "fr/search-index.js", "fr/search.json"])
        let json = try XCTUnwrap(files["fr/search.json"])
        XCTAssertEqual(try XCTUnwrap(files["fr/search-index.js"]), "window.passerelleSearch = " + json.dropLast() + ";\n",
                       "the script is the JSON, for pages opened from file://")
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        XCTAssertEqual((parsed?["entries"] as? [Any])?.count, 5)
    }
}
