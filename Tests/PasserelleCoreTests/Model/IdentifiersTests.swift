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

    func testEntryIDsOfOneTextAreEqualFromAnyThreadAndOthersAreNot() {
        let texts = (0..<3_000).map { "projects/pro-\($0 % 1_000)" + ($0 < 2_000 ? "" : "-x") }
        let ids = texts.concurrentMap { EntryID($0) }
        for (text, id) in zip(texts, ids) {
            XCTAssertEqual(id, EntryID(text))
            XCTAssertEqual(id.hashValue, EntryID(text).hashValue)
            XCTAssertEqual(id.rawValue, text)
        }
        XCTAssertEqual(Set(ids).count, 2_000, "1,000 texts twice, 1,000 others")
        XCTAssertNotEqual(EntryID("a/b"), EntryID("a/c"))
        XCTAssertEqual(EntryID("a/\u{E9}"), EntryID("a/e\u{301}"), "equal as their texts are: canonically")
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: ids.prefix(1_000).map { ($0, $0.rawValue) })[EntryID("projects/pro-7")], "projects/pro-7")
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
