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
        XCTAssertEqual(AtoZIndex.letter(for: "a"), "A")
        XCTAssertEqual(AtoZIndex.firstCharacter(of: "e\u{301}cole"), "e\u{301}", "a letter with a combining accent is one character")
        XCTAssertEqual(AtoZIndex.letter(for: "e\u{301}cole"), "E")
        XCTAssertEqual(AtoZIndex.letter(for: "o\u{308}l"), "O")
    }

    /// Each language's own script: Arabic letters (أ, إ, آ under ا), Cyrillic capitals, and for
    /// Chinese characters the initial of their pinyin.
    func testInitialsInOtherScripts() {
        XCTAssertEqual(AtoZIndex.letter(for: "برنامج الأحداث"), "ب")
        XCTAssertEqual(AtoZIndex.letter(for: "أبحاث التطوع"), "ا")
        XCTAssertEqual(AtoZIndex.letter(for: "إعلان"), "ا")
        XCTAssertEqual(AtoZIndex.letter(for: "٢٠٠٥"), "#", "Arabic-Indic digits are digits")
        XCTAssertEqual(AtoZIndex.letter(for: "исследование"), "И")
        XCTAssertEqual(AtoZIndex.letter(for: "ёлка"), "Ё", "Cyrillic letters keep their identity")
        XCTAssertEqual(AtoZIndex.letter(for: "北京会议"), "B")
        XCTAssertEqual(AtoZIndex.letter(for: "志愿服务"), "Z")
        XCTAssertEqual(AtoZIndex.letter(for: "«信息社会»"), "X")
    }

    func testAnArabicIndexGroupsByArabicLetters() throws {
        let (site, _) = try FixtureSite.resolved("trilingual")
        let arabic = AtoZIndex(site: site, language: "ar")
        XCTAssertEqual(arabic.groups.map(\.letter), ["ا", "ب", "ق", "م", "T"], "in the Arabic collation's order; the French fallback last")
        XCTAssertEqual(arabic.groups.first { $0.letter == "ا" }?.entryIDs, ["recommendations/research"])
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
