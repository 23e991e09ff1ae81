import XCTest
@testable import PasserelleModel

final class FieldsTests: XCTestCase {
    func testTitlesAndSlugsPerLanguageWithTheKeyAsDefault() {
        let field = FieldDefinition(name: "countries", kind: .countries, titles: ["fr": "Pays", "en": "Countries"], slugs: ["fr": "pays"])
        XCTAssertEqual(field.title(in: "fr"), "Pays")
        XCTAssertEqual(field.title(in: "ar"), "countries")
        XCTAssertEqual(field.slug(in: "fr"), "pays")
        XCTAssertEqual(field.slug(in: "en"), "countries")
        XCTAssertNil(field.target)
        XCTAssertEqual(field.kind.name, "countries")
    }

    func testAReferencesFieldNamesItsTargetSection() {
        let field = FieldDefinition(name: "addresses", kind: .references(to: "plan", inverse: ["fr": "Projets"]), titles: [:], slugs: [:])
        XCTAssertEqual(field.target, "plan")
        XCTAssertEqual(field.kind.name, "references")
        let choice = FieldDefinition.ChoiceValue(key: "active", titles: ["fr": "En cours"])
        XCTAssertEqual(choice.title(in: "fr"), "En cours")
        XCTAssertEqual(choice.title(in: "en"), "active")
    }
}
