import XCTest
@testable import PasserelleCore
@testable import PasserelleIncremental
@testable import PasserellePages
@testable import PasserelleResolve
@testable import PasserelleTemplates

/// The prepared comparison (byte keys where they decide, ICU otherwise) orders titles as ICU does.
final class TitleCollationTests: XCTestCase {
    func testPreparedOrderIsTheICUOrder() {
        let words = ["école", "Ecole", "ecole", "événements", "Zèbre", "zebre", "œuvre", "Oeuvre", "2005", "10 ans", "a", "A b", "ab",
                     "Straße", "strasse", "l'accès", "L’accès", "accès", "(Projet)", "projet-pilote", "Projet", "çà", "ca", "Ça"]
        let seed: UInt64 = 1_997
        var generator = SeededGenerator(state: seed)
        for language in ["fr", "en"] {
            let collation = TitleCollation(locale: language)
            let titles = (0..<300).map { _ in (0..<Int.random(in: 1...3, using: &generator)).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ") }
            let items = titles.enumerated().map { (String(format: "%03d", $0.offset), $0.element) }
            let expected = items.sorted { $0.1 == $1.1 ? $0.0 < $1.0 : collation.areInOrder($0.1, $1.1) }.map(\.0)
            XCTAssertEqual(collation.sorted(items, title: \.1, tieBreak: \.0).map(\.0), expected, "\(language), seed \(seed)")
        }
    }
}
