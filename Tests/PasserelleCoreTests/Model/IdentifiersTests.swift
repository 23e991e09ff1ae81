import XCTest
@testable import PasserelleModel

final class IdentifiersTests: XCTestCase {
    func testAnEntryIDNamesItsSectionAndSortsAsItsText() {
        let id = EntryID(section: "recommendations", fileSlug: "calendar")
        XCTAssertEqual(id.rawValue, "recommendations/calendar")
        XCTAssertEqual(id.section, "recommendations")
        XCTAssertEqual(EntryID("home").section, "home", "an id without a section is its own section")
        let texts = ["b/a", "a/z", "a/b", "a-b/c"]
        XCTAssertEqual(texts.map { EntryID($0) }.sorted().map(\.rawValue), texts.sorted())
        XCTAssertEqual("\(id)", "recommendations/calendar", "interpolated as its text")
    }

    func testALanguageTableIsIndexedByTheLanguagesPosition() {
        let languages: [LanguageCode] = ["fr", "en", "ar"]
        var table = LanguageTable(languages: languages) { $0.rawValue.uppercased() }
        XCTAssertEqual(table.values, ["FR", "EN", "AR"])
        XCTAssertEqual(table["en"], "EN")
        XCTAssertEqual(table.position(of: "ar"), 2)
        table["en"] = "English"
        XCTAssertEqual(table.values, ["FR", "English", "AR"], "a write changes the value in its place only")
        XCTAssertEqual(table.map { code, value in "\(code):\(value)" }.values, ["fr:FR", "en:English", "ar:AR"])
        XCTAssertEqual(table.pairs.map(\.0), languages, "pairs in site.yaml order")
    }

    func testATableFromValuesKeepsTheirOrder() {
        let table = LanguageTable(languages: ["en", "fr"], values: [1, 2])
        XCTAssertEqual(table["fr"], 2)
        XCTAssertEqual(table["en"], 1)
    }

    func testTheRootIsNoLanguageOfASite() {
        XCTAssertEqual(LanguageCode.root.rawValue, "")
        XCTAssertNotEqual(LanguageCode.root, "fr")
    }
}
