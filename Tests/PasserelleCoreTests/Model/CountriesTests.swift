import Foundation
import XCTest
@testable import PasserelleModel

final class CountriesTests: XCTestCase {
    func testCodesAreCountriesOfISO3166() {
        XCTAssertTrue(Countries.codes.isSuperset(of: ["SN", "FR", "GB", "CH", "XK"]))
        XCTAssertTrue(Countries.codes.isDisjoint(with: ["EU", "UN", "UK", "001", "AC"]), "regions and groupings are not countries")
        XCTAssertGreaterThan(Countries.codes.count, 240)
    }

    func testNamesAreInTheReadersLanguage() {
        XCTAssertEqual(Countries.name("SN", locale: Locale(identifier: "fr")), "Sénégal")
        XCTAssertEqual(Countries.name("CH", locale: Locale(identifier: "en")), "Switzerland")
    }

    func testWhatEditorsWriteInsteadOfACode() {
        let locales = [Locale(identifier: "fr"), Locale(identifier: "en")]
        XCTAssertEqual(Countries.suggestions(for: "UK", locales: locales), ["GB"])
        XCTAssertEqual(Countries.suggestions(for: "sn", locales: locales), ["SN"])
        XCTAssertEqual(Countries.suggestions(for: "Sénégal", locales: locales), ["SN"])
        XCTAssertEqual(Countries.suggestions(for: "senegal", locales: locales), ["SN"], "accents and case aside")
        XCTAssertEqual(Countries.suggestions(for: "Suisse", locales: locales), ["CH"])
    }
}
