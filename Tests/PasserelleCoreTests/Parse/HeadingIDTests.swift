@testable import PasserelleCore
@testable import PasserelleIncremental
@testable import PasserellePages
@testable import PasserelleResolve
@testable import PasserelleTemplates
import XCTest

final class HeadingIDTests: XCTestCase {
    /// The id of the text folded whole by Foundation (folding again, as `foldedID` does, changes nothing).
    private func slowID(_ text: String) -> String { HeadingID.foldedID(TextFolding.foundationFold(text)) }

    func testFrenchAndEnglishHeadingsTakeTheBytePathAndAgreeWithFoundation() {
        let headings = ["Objectifs de l’action", "Étape 2 : évaluer « les résultats »", "Œuvres & Cœur — été",
                        "  Plan d'action_2005 ", "Ça, c’est déjà fait !", "Niño año ÆSIR", "Straße", "“Citation” … fin\u{202F}!"]
        for heading in headings {
            let fast = HeadingID.latinID(heading)
            XCTAssertNotNil(fast, heading)
            XCTAssertEqual(fast, slowID(heading), heading)
            XCTAssertEqual(HeadingID.make(from: heading), slowID(heading), heading)
        }
        XCTAssertEqual(HeadingID.make(from: "Objectifs de l’action"), "objectifs-de-l-action")
    }

    func testOtherScriptsGoThroughFoundation() {
        XCTAssertNil(HeadingID.latinID("Ελληνικά"))
        XCTAssertEqual(HeadingID.make(from: "Ελληνικά κείμενα"), slowID("Ελληνικά κείμενα"))
    }
}
