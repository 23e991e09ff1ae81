@testable import PasserelleCore
import XCTest

final class HeadingIDTests: XCTestCase {
    /// The id through Foundation's folding, as `make` computes it when the byte path declines.
    private func slowID(_ text: String) -> String {
        var result = ""
        var pendingDash = false
        for scalar in TextFolding.foundationFold(text).unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingDash && !result.isEmpty { result += "-" }
                pendingDash = false
                result.unicodeScalars.append(scalar)
            } else if scalar == "-" || scalar == "_" || scalar.properties.isWhitespace || scalar == "'" || scalar == "’" {
                pendingDash = true
            }
        }
        return result
    }

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
