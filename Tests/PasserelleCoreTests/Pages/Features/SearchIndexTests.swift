import Foundation
import XCTest
@testable import PasserelleModel
@testable import PasserellePages

final class SearchIndexTests: XCTestCase {
    func testRecordsOfALanguageInTheOrderGivenWithTheirTextsLanguage() throws {
        let (site, _) = try FixtureSite.resolved("bilingual")
        let order = AtoZIndex(site: site, language: "en").groups.flatMap(\.entryIDs)
        let index = SearchIndex(site: site, language: "en", order: order)
        XCTAssertEqual(index.records.count, order.count)
        let education = try XCTUnwrap(index.records.first { $0.title == "Éducation" })
        XCTAssertEqual(education.textLanguage, "fr", "a fallback record says its text is French")
        XCTAssertEqual(education.url, "recommendations/education/index.html", "relative to the language's folder")
        XCTAssertNil(index.records.first { $0.title == "Zebra" }?.textLanguage)
        let parsed = try JSONSerialization.jsonObject(with: Data(index.json.utf8)) as? [String: Any]
        XCTAssertEqual(parsed?["language"] as? String, "en")
        XCTAssertEqual((parsed?["entries"] as? [Any])?.count, order.count)
        XCTAssertTrue(index.script.hasPrefix("window.passerelleSearch = {"))
        XCTAssertTrue(index.script.hasSuffix("};\n"))
    }

    func testWordsAreFoldedDistinctAndTwoLettersOrMore() {
        XCTAssertEqual(SearchIndex.words(in: "L'Éducation, l'éducation à Tunis y"), ["education", "tunis"])
    }
}
