import XCTest
@testable import PasserelleModel

final class SuggestionTests: XCTestCase {
    func testTheClosestCandidatesOnlyAndAtMostThree() {
        XCTAssertEqual(Suggestion.closest(to: "titel", in: ["title", "summary", "tags"]), ["title"], "a swap of neighbours costs one")
        XCTAssertEqual(Suggestion.closest(to: "tag", in: ["tags", "tab", "date"]), ["tab", "tags"], "ties in name order")
        XCTAssertEqual(Suggestion.closest(to: "zzzzzz", in: ["title", "summary"]), [], "nothing close, no hint")
        XCTAssertEqual(Suggestion.closest(to: "a", in: ["b", "c", "d", "e"]).count, 3)
    }

    func testAnIDMatchesItsSlugOrSection() {
        XCTAssertEqual(Suggestion.closest(to: "calendar", in: ["recommendations/calendar", "events/tunis"]), ["recommendations/calendar"])
        XCTAssertEqual(Suggestion.closest(to: "Events", in: ["events/tunis"]), ["events/tunis"], "case does not matter")
    }

    func testDidYouMeanIsASuffixOrNothing() {
        XCTAssertEqual(Suggestion.didYouMean("fre", in: ["fr", "en"]), " (did you mean 'fr'?)")
        XCTAssertEqual(Suggestion.didYouMean("qqqqqq", in: ["fr", "en"]), "")
    }

    func testEditDistance() {
        func distance(_ a: String, _ b: String) -> Int { Suggestion.editDistance(Array(a), Array(b)) }
        XCTAssertEqual(distance("", "abc"), 3)
        XCTAssertEqual(distance("kitten", "sitting"), 3)
        XCTAssertEqual(distance("ab", "ba"), 1)
        XCTAssertEqual(distance("same", "same"), 0)
    }

    func testControlCharactersAreMadeVisible() {
        XCTAssertEqual(Suggestion.visible("a\u{7}b\u{1B}"), "a\\u{7}b\\u{1b}")
        XCTAssertEqual(Suggestion.visible("Éducation"), "Éducation")
    }
}
