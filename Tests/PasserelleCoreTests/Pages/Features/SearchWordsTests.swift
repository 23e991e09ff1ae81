@testable import PasserelleCore
@testable import PasserelleIncremental
@testable import PasserellePages
@testable import PasserelleResolve
@testable import PasserelleTemplates
import XCTest

final class SearchWordsTests: XCTestCase {
    /// A plain text read as bytes gives the words its string gives; bytes cut inside a scalar end the text.
    func testTheWordsOfBytesAreTheWordsOfTheirString() {
        let text = "L’Éducation, l’été à Tunis : Ελληνικά 2005 straße"
        var cache: [String: String] = [:]
        var fromString = SearchWords(), fromBytes = SearchWords()
        fromString.keep(wordsOf: text, limit: 100, foldCache: &cache)
        fromBytes.keep(wordsOf: UTF8Text(text), limit: 100, foldCache: &cache)
        XCTAssertEqual(fromBytes.text, fromString.text)
        var cut = SearchWords()
        cut.keep(wordsOf: UTF8Text(validUTF8: Array("abc été".utf8.dropLast())), limit: 100, foldCache: &cache)
        XCTAssertEqual(cut.text.split(separator: " ").first, "abc")
    }

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

    /// Words as the index defines them, the slow way: runs of letters and digits (by Unicode
    /// properties), folded, two characters or more, each once.
    private func referenceWords(_ text: String) -> [String] {
        var words: [String] = [], current = ""
        for scalar in text.unicodeScalars + [" "] {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.unicodeScalars.append(scalar)
                continue
            }
            let folded = TextFolding.fold(current)
            if folded.count >= 2 && !words.contains(folded) { words.append(folded) }
            current = ""
        }
        return words
    }

    func testRunsOfEveryShapeGiveTheWordsOfTheSlowDefinition() {
        let texts = ["plain words only", "UPPER Mixed lowerUPPER x2 2x", "café CAFÉ écoles Écoles naïve NAÏVE",
                     "l’été « guillemets » a’b ½ 3×4 ÷ ÀB Àb àÉ", "end-with-accent été", "ÉTÉ", "a b cc dd1 1dd",
                     "œuvre ŒUVRE æther Straße", "Ελληνικά κείμενα mixed", "tab\tnew\nline\u{00A0}nbsp\u{202F}narrow"]
        for text in texts {
            XCTAssertEqual(SearchIndex.words(in: text), referenceWords(text), text)
        }
    }

    func testSeededRandomTextsGiveTheWordsOfTheSlowDefinition() {
        // Letters, digits, separators of every width, side by side in any order.
        let pieces = ["a", "Z", "é", "É", "ß", "œ", "ª", "κ", "Ж", "中", "7", "½", " ", "-", "'", "’", "«", "\u{00A0}", "×", "😀", "\n", "q"]
        var generator = SeededGenerator(state: 23)
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 0...24, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            XCTAssertEqual(SearchIndex.words(in: text), referenceWords(text), text)
        }
    }

    func testLatinLettersTakenWithoutTheUnicodeTablesAreAllLetters() {
        for value in 0xC0...0x24F where value != 0xD7 && value != 0xF7 {
            XCTAssertTrue(Unicode.Scalar(UInt32(value))!.properties.isAlphabetic, "U+\(String(value, radix: 16))")
        }
    }

    func testManyDistinctWordsGrowTheTable() {
        let text = (0..<2000).map { "w\($0)" }.joined(separator: " ")
        XCTAssertEqual(SearchIndex.words(in: text + " " + text).count, 2000)
    }

    /// Words are told apart by their first and last eight bytes and, past sixteen, the bytes
    /// between: words of every length up to 40 that differ in one byte, at every place, are all
    /// distinct, and each seen again is known.
    func testWordsDifferingInOneByteAnywhereAreDistinct() {
        let letters = Array("abcdefghijklmnopqrstuvwxyzabcdefghijklmn".utf8)
        var words: [String] = []
        for length in 2...40 {
            let base = Array(letters[0..<length])
            words.append(String(decoding: base, as: UTF8.self))
            for place in 0..<length {
                var changed = base
                changed[place] = UInt8(ascii: "0")
                words.append(String(decoding: changed, as: UTF8.self))
            }
        }
        let text = words.joined(separator: " ")
        XCTAssertEqual(Set(words).count, words.count)
        XCTAssertEqual(SearchIndex.words(in: text + " " + text), words)
        XCTAssertEqual(SearchIndex.words(in: text.uppercased()), words, "upper-case words folded, then told apart the same way")
    }
}
