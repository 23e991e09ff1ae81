@testable import PasserelleCore
import XCTest

final class SearchWordsTests: XCTestCase {
    func testWordsAreFoldedOnceEachInOrderAndTitleWordsAreLeftOut() {
        var cache: [String: String] = [:]
        var words = SearchWords()
        words.hide(wordsOf: "Le Bénévolat", foldCache: &cache)
        words.keep(wordsOf: "BÉNÉVOLAT et œuvre: l'été, ETE 2005; benevolat x", limit: .max, foldCache: &cache)
        XCTAssertEqual(words.text, "et oeuvre ete 2005")
        XCTAssertEqual(words.count, 4)
    }

    func testTheLimitCountsKeptWordsOnly() {
        var cache: [String: String] = [:]
        var words = SearchWords()
        words.hide(wordsOf: "alpha", foldCache: &cache)
        words.keep(wordsOf: "alpha beta gamma delta", limit: 2, foldCache: &cache)
        XCTAssertEqual(words.text, "beta gamma")
    }

    func testByteFoldingAgreesWithFoundationFolding() {
        // Every letter the byte path folds, alone and inside a word, as `TextFolding.fold` folds it.
        for value in 0xC0...0x24F {
            let letter = String(Character(Unicode.Scalar(UInt32(value))!))
            guard letter.unicodeScalars.first!.properties.isAlphabetic else { continue }
            let word = "a" + letter + "z"
            var output: [UInt8] = []
            XCTAssertTrue(TextFolding.foldLatin(Array(word.utf8), into: &output))
            XCTAssertEqual(String(decoding: output, as: UTF8.self), TextFolding.foundationFold(word), "U+\(String(value, radix: 16))")
        }
        var output: [UInt8] = []
        XCTAssertFalse(TextFolding.foldLatin(Array("ªb".utf8), into: &output), "letters outside the table go through Foundation")
        XCTAssertEqual(SearchIndex.words(in: "Ελληνικά ªb Straße"), [TextFolding.fold("Ελληνικά"), TextFolding.fold("ªb"), TextFolding.fold("straße")])
    }

    func testManyDistinctWordsGrowTheTable() {
        let text = (0..<2000).map { "w\($0)" }.joined(separator: " ")
        XCTAssertEqual(SearchIndex.words(in: text + " " + text).count, 2000)
    }
}
