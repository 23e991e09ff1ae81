import XCTest
@testable import PasserelleModel
@testable import PasserellePages

final class SearchFragmentsTests: XCTestCase {
    func testARecordIsReplacedInItsPlaceAndTheOthersKept() {
        let fragments = SearchFragments(language: "fr", entryIDs: ["s/a", "s/b", "s/c"], json: ["{a}", "{b}", "{c}"])
        let replaced = fragments.replacing(["s/b": "{b2}", "s/gone": "{x}"])
        XCTAssertEqual(replaced.json, ["{a}", "{b2}", "{c}"])
        XCTAssertEqual(replaced.entryIDs, fragments.entryIDs)
        XCTAssertEqual(replaced.language, "fr")
    }

    func testTheStoreKeepsOneSetPerLanguageFromAnyThread() {
        let store = SearchFragments.Store()
        let languages: [LanguageCode] = ["fr", "en", "ar"]
        _ = languages.concurrentMap { store.keep(SearchFragments(language: $0, entryIDs: [], json: [$0.rawValue])) }
        XCTAssertEqual(Set(store.all.keys), Set(languages))
        XCTAssertEqual(store.all["ar"]?.json, ["ar"])
    }
}
