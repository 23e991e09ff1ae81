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

    /// A record's JSON, key by key in its one order, its values escaped as JSON strings.
    func testARecordIsWrittenAsAnObjectOfItsFieldsInOrder() throws {
        let full = SearchIndex.Record(title: "Le \"titre\" <b>", section: "Événements", url: "a/b/index.html",
                                      summary: "l’été\n", words: "ete titre", textLanguage: "fr")
        XCTAssertEqual(full.json, #"{"t":"Le \"titre\" \u003cb>","s":"Événements","u":"a/b/index.html","d":"l’été\n","w":"ete titre","lang":"fr"}"#)
        let bare = SearchIndex.Record(title: "T", section: "S", url: "u", summary: "", words: "", textLanguage: nil)
        XCTAssertEqual(bare.json, #"{"t":"T","s":"S","u":"u","w":""}"#, "no summary, no language")
        XCTAssertEqual(SearchIndex.json(language: "fr", fragments: [bare.json, bare.json]),
                       #"{"language":"fr","entries":["# + bare.json + "," + bare.json + "]}\n")
        XCTAssertEqual(SearchIndex.json(language: "fr", fragments: []), #"{"language":"fr","entries":[]}"# + "\n")
        XCTAssertEqual(SearchIndex.script(json: "{}\n"), "window.passerelleSearch = {};\n")
    }

    func testWordsAreFoldedDistinctAndTwoLettersOrMore() {
        XCTAssertEqual(SearchIndex.words(in: "L'Éducation, l'éducation à Tunis y"), ["education", "tunis"])
    }
}
