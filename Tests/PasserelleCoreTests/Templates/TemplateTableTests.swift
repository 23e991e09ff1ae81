import XCTest
@testable import PasserelleTemplates

final class TemplateTableTests: XCTestCase {
    func testFindsEveryTextByNameAndNothingElse() {
        // More names than the first index holds: the index grows, and names that share a slot are told apart.
        let texts = Dictionary(uniqueKeysWithValues: (0..<300).map { ("key_\($0)", "texte \($0) & <b>") })
        let table = TemplateTable(texts)
        for (name, text) in texts {
            XCTAssertEqual(table[name], text)
            XCTAssertEqual(table.valueAddress(of: name, key: TemplateRecord.key(of: name))?.pointee, .text(text))
        }
        XCTAssertNil(table["key_300"])
        XCTAssertNil(table["Key_1"])
        XCTAssertNil(TemplateTable()["home"], "an empty table has no texts")
        XCTAssertEqual(table.texts, texts)
    }

    func testLiteralsAndEquality() {
        let table: TemplateTable = ["home": "Accueil", "search": "Rechercher", "home": "Maison"]
        XCTAssertEqual(table["home"], "Maison", "a name given twice keeps its last text")
        XCTAssertEqual(table, TemplateTable(["search": "Rechercher", "home": "Maison"]), "the same texts, whatever their order")
        XCTAssertNotEqual(table, TemplateTable(["search": "Rechercher"]))
    }
}
