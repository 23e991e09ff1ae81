import XCTest
@testable import PasserelleModel

final class EntryTests: XCTestCase {
    let section = SectionConfig(name: "recommendations", kind: .entry, slugs: [:], titles: [:])

    func variant(_ language: LanguageCode, _ title: String) -> EntryVariant {
        let file = SourceFile(displayPath: "content/recommendations/a.\(language).md", relativePath: "recommendations/a.\(language).md",
                              section: "recommendations", slug: "a", language: language, isIndex: false, text: "")
        return EntryVariant(language: language, metadata: EntryMetadata(title: title), body: "", bodyFirstLine: 4, source: file)
    }

    func entry(_ variants: [EntryVariant], order: [LanguageCode]) -> Entry {
        let byLanguage = Dictionary(uniqueKeysWithValues: variants.map { ($0.language, $0) })
        let pages = LanguageTable(languages: order) { language in
            EntryPage(language: language, textLanguage: Entry.variant(of: byLanguage, for: language, order: order).language,
                      slug: "a", outputPath: "\(language)/a/index.html")
        }
        return Entry(id: "recommendations/a", section: section, fileSlug: "a", variants: byLanguage, pages: pages)
    }

    func testAReaderSeesTheirOwnTextElseTheFirstInSiteOrder() {
        let order: [LanguageCode] = ["fr", "en", "es"]
        let entry = entry([variant("en", "Title"), variant("es", "Título")], order: order)
        XCTAssertEqual(entry.variant(for: "en", order: order).metadata.title, "Title")
        XCTAssertEqual(entry.variant(for: "fr", order: order).metadata.title, "Title", "English comes before Spanish in site order")
        XCTAssertEqual(entry.variant(for: "fr", order: ["es", "en"]).metadata.title, "Título")
        XCTAssertEqual(entry.variant(for: "de", order: []).metadata.title, "Title", "with no order, the first by code")
    }

    func testThePageOfALanguageShowsTheTextItWasMadeWith() {
        let order: [LanguageCode] = ["fr", "en"]
        let entry = entry([variant("fr", "Titre")], order: order)
        XCTAssertEqual(entry.shownText(in: "en").metadata.title, "Titre")
        XCTAssertTrue(entry.pages["en"].isFallback)
        XCTAssertFalse(entry.pages["fr"].isFallback)
    }

    func testSettingPagesLeavesOtherCopiesAsTheyWere() {
        let order: [LanguageCode] = ["fr", "en"]
        let original = entry([variant("fr", "Titre"), variant("en", "Title")], order: order)
        var copy = original
        copy.pages["en"].html = "<p>changed</p>"
        XCTAssertEqual(copy.pages["en"].html, "<p>changed</p>")
        XCTAssertEqual(original.pages["en"].html, "", "copies share their fields until one is written")
    }
}
