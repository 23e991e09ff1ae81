import XCTest
@testable import PasserelleModel
@testable import PasserellePages

final class AtoZIndexTests: XCTestCase {
    func testInitialsFoldAccentsAndCaseAndPutTheRestUnderHash() {
        XCTAssertEqual(AtoZIndex.letter(for: "Éducation"), "E")
        XCTAssertEqual(AtoZIndex.letter(for: "œuvre"), "O")
        XCTAssertEqual(AtoZIndex.letter(for: "zèbre"), "Z")
        XCTAssertEqual(AtoZIndex.letter(for: "2005, le sommet"), "#")
        XCTAssertEqual(AtoZIndex.letter(for: "« Guillemets »"), "G", "signs before the first letter are passed over")
    }

    func testEveryEntryOnceInTheLanguagesOrder() throws {
        let (site, _) = try FixtureSite.resolved("bilingual")
        let french = AtoZIndex(site: site, language: "fr")
        XCTAssertEqual(french.groups.map(\.letter), ["A", "C", "E", "S", "Z"])
        XCTAssertEqual(french.groups.flatMap(\.entryIDs).count, site.entries.count)
        XCTAssertEqual(french.groups.first { $0.letter == "E" }?.entryIDs, ["recommendations/education"])
        // In English the fallback page of "Éducation" keeps its French title: still under E.
        let english = AtoZIndex(site: site, language: "en")
        XCTAssertEqual(english.groups.map(\.letter), ["A", "C", "E", "T", "Z"])
    }
}
