import XCTest
@testable import PasserelleCore
@testable import PasserelleIncremental
@testable import PasserellePages
@testable import PasserelleResolve
@testable import PasserelleTemplates

/// The fast folding gives what Foundation's folding gives.
final class TextFoldingTests: XCTestCase {
    func testSameAsFoundationOnLatinTextAndBeyond() {
        var samples = ["Événements à venir", "ŒUVRE, Cœur, Ægir", "Straße", "déjà-vu", "İstanbul", "Ǆemal", "ﬁn", "e\u{301}té", "Ελληνικά", "München — 5 €", "«citation» ¿qué?", "ªº µ"]
        samples += (0xA0...0x24F).map { String(Character(Unicode.Scalar(UInt32($0))!)) }
        for sample in samples {
            XCTAssertEqual(TextFolding.fold(sample), TextFolding.foundationFold(sample), sample)
        }
    }
}
