import XCTest
@testable import PasserelleModel

/// Word diffs of a source's versions, as the translation status shows them.
final class WordDiffTests: XCTestCase {
    private func marked(_ old: String, _ new: String) -> String {
        WordDiff.segments(from: old, to: new).map { segment in
            switch segment.change {
            case .kept: return segment.text
            case .inserted: return "{+\(segment.text)+}"
            case .deleted: return "[-\(segment.text)-]"
            }
        }.joined()
    }

    func testChangedWordsWithTheirSpaces() {
        XCTAssertEqual(marked("Le sommet de Tunis.", "Le Sommet mondial de Tunis."), "Le [-sommet -]{+Sommet mondial +}de Tunis.")
        XCTAssertEqual(marked("a b c", "a c"), "a [-b -]c")
        XCTAssertEqual(marked("a b", "a b c"), "a [-b-]{+b c+}", "the last word had no space after it")
        XCTAssertEqual(marked("", "nouveau"), "{+nouveau+}")
        XCTAssertEqual(marked("ancien", ""), "[-ancien-]")
        XCTAssertEqual(marked("Ligne une.\n\nLigne deux.\n", "Ligne une.\n\nLigne trois.\n"), "Ligne une.\n\nLigne [-deux.\n-]{+trois.\n+}")
    }

    func testSameTextsHaveNoChanges() {
        let segments = WordDiff.segments(from: "un deux", to: "un deux")
        XCTAssertEqual(segments, [WordDiff.Segment(change: .kept, text: "un deux")])
        XCTAssertFalse(WordDiff.hasChanges(segments))
        XCTAssertTrue(WordDiff.hasChanges(WordDiff.segments(from: "un", to: "deux")))
    }

    /// Consecutive changes of a kind are one segment; every word of both texts is in the result.
    func testSegmentsRebuildBothTexts() {
        let seed = UInt64.random(in: 0...UInt64.max)
        var generator = SeededGenerator(state: seed)
        let words = ["a ", "b ", "c ", "d\n", "e "]
        for _ in 0..<200 {
            let old = (0..<Int.random(in: 0...30, using: &generator)).map { _ in words.randomElement(using: &generator)! }.joined()
            let new = (0..<Int.random(in: 0...30, using: &generator)).map { _ in words.randomElement(using: &generator)! }.joined()
            let segments = WordDiff.segments(from: old, to: new)
            XCTAssertEqual(segments.filter { $0.change != .inserted }.map(\.text).joined(), old, "seed \(seed)")
            XCTAssertEqual(segments.filter { $0.change != .deleted }.map(\.text).joined(), new, "seed \(seed)")
            XCTAssertFalse(zip(segments, segments.dropFirst()).contains { $0.change == $1.change }, "seed \(seed)")
        }
    }
}
