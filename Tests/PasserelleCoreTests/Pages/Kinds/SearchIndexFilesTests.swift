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

    func testATextEditCarriesTheRecordsOfTheIndexTheLastBuildWrote() throws {
        let (site, theme) = try FixtureSite.resolved("bilingual")
        let renderer = PageRenderer(site: site, theme: theme)
        _ = renderer.renderSearchIndex("fr")
        let kept = try XCTUnwrap(renderer.searchFragments.all["fr"])
        let file = Array(SearchIndex.json(language: "fr", fragments: kept.json).utf8)
        let carried = try XCTUnwrap(SearchIndexFiles.carriedRecords(of: file, language: "fr", order: kept.entryIDs))
        XCTAssertEqual(carried.json, kept.json)
        XCTAssertEqual(carried.entryIDs, kept.entryIDs)
        // Braces, quotes and backslashes inside strings do not end a record.
        let tricky = [#"{"t":"a } \" {","w":"x"}"#, #"{"t":"b"}"#]
        let trickyFile = Array(SearchIndex.json(language: "fr", fragments: tricky).utf8)
        XCTAssertEqual(SearchIndexFiles.carriedRecords(of: trickyFile, language: "fr", order: ["a", "b"])?.json, tricky)
        // Not the file for that order, that language, or at all.
        XCTAssertNil(SearchIndexFiles.carriedRecords(of: trickyFile, language: "fr", order: ["a"]))
        XCTAssertNil(SearchIndexFiles.carriedRecords(of: trickyFile, language: "en", order: ["a", "b"]))
        XCTAssertNil(SearchIndexFiles.carriedRecords(of: Array(trickyFile.dropLast(4)) + Array("]}\n".utf8), language: "fr", order: ["a", "b"]))
        XCTAssertNil(SearchIndexFiles.carriedRecords(of: [], language: "fr", order: []))
    }
}
