import XCTest
@testable import PasserelleModel

/// A site language's direction and name, from CLDR.
final class LanguageTests: XCTestCase {
    func testDirectionFromTheLocale() {
        for rightToLeft in ["ar", "ar_EG", "he", "fa", "ur"] { XCTAssertTrue(Language.isRightToLeft(rightToLeft), rightToLeft) }
        for leftToRight in ["fr", "en_GB", "zh", "ru", "es"] { XCTAssertFalse(Language.isRightToLeft(leftToRight), leftToRight) }
        XCTAssertTrue(Language(code: "ar", name: "العربية", locale: "ar").isRightToLeft)
    }

    func testEachLanguageNamedInItsOwnWords() {
        XCTAssertEqual(Language.autonym("fr", locale: "fr_FR"), "Français", "capitalised for a menu")
        XCTAssertEqual(Language.autonym("ar", locale: "ar"), "العربية")
        XCTAssertEqual(Language.autonym("zh", locale: "zh"), "中文")
        XCTAssertEqual(Language.autonym("ru", locale: "ru"), "Русский")
        XCTAssertEqual(Language.autonym("es", locale: "es"), "Español")
        XCTAssertEqual(Language.autonym("qqq", locale: "qqq"), "qqq", "the code where CLDR has no name")
    }
}
