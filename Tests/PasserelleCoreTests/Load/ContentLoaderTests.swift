import Foundation
import XCTest
@testable import PasserelleContent
@testable import PasserelleModel

final class ContentLoaderTests: XCTestCase {
    func testTheFilesOfEachSectionWithTheirIdsLanguagesAndTexts() throws {
        let site = try FixtureSite("bilingual")
        defer { site.remove() }
        try site.write("recommendations/bom.fr.md", "\u{FEFF}---\r\ntitle: \"BOM\"\r\n---\r\n\r\nTexte.\r\n")
        let loaded = ContentLoader(contentDirectory: site.content, displayRoot: "content").load()
        XCTAssertEqual(loaded.diagnostics, [])
        XCTAssertEqual(loaded.config?.languageCodes, ["fr", "en"])
        let ids = Set(loaded.files.filter { !$0.isIndex }.map(\.id))
        XCTAssertEqual(ids, ["recommendations/calendar", "recommendations/education", "recommendations/zebra", "recommendations/bom",
                             "events/tunis-2005", "pages/about"])
        let intros = loaded.files.filter(\.isIndex).map(\.relativePath).sorted()
        XCTAssertEqual(intros, ["_index.en.md", "_index.fr.md", "recommendations/_index.fr.md"])
        let bom = try XCTUnwrap(loaded.files.first { $0.slug == "bom" })
        XCTAssertEqual(bom.language, "fr")
        XCTAssertEqual(bom.displayPath, "content/recommendations/bom.fr.md")
        XCTAssertEqual(bom.text, "---\ntitle: \"BOM\"\n---\n\nTexte.\n", "no byte-order mark, \\n line ends")
        XCTAssertEqual(loaded.assets.sorted(), ["logo.txt", "pixel.png"])
        XCTAssertEqual(loaded.imageSizes["pixel.png"], ImageDimensions(width: 4, height: 3))
    }

    func testWhatIsLeftOutAndWhatIsAnError() throws {
        let site = try FixtureSite("bilingual")
        defer { site.remove() }
        try site.write("_drafts/x.fr.md", "---\ntitle: x\n---\n")
        try site.write("recommendations/_notes.fr.md", "ignored")
        try site.write("recommendations/.hidden.fr.md", "ignored")
        try site.write("recommendations/README.txt", "not Markdown")
        try site.write("recommendations/nolang.md", "---\ntitle: x\n---\n")
        try site.write("recommendations/x.de.md", "---\ntitle: x\n---\n")
        try site.write("recomendations/y.fr.md", "---\ntitle: y\n---\n")
        let loaded = ContentLoader(contentDirectory: site.content, displayRoot: "content").load()
        XCTAssertEqual(loaded.diagnostics.map(\.formatted).sorted(), [
            "content/recomendations:1:1: error: section folder 'recomendations' is not declared in site.yaml (did you mean 'recommendations'?)",
            "content/recommendations/nolang.md:1:1: error: file name 'nolang.md' has no language code: name it 'nolang.fr.md'",
            "content/recommendations/x.de.md:1:1: error: unknown language 'de' in file name 'x.de.md' (did you mean 'en' or 'fr'?)",
        ])
        XCTAssertFalse(loaded.files.contains { $0.relativePath.contains("_notes") || $0.relativePath.contains("hidden") || $0.relativePath.hasPrefix("_drafts") })
    }

    func testOneFileReadsAsTheWholeLoadReadsIt() throws {
        let site = try FixtureSite("bilingual")
        defer { site.remove() }
        let loader = ContentLoader(contentDirectory: site.content, displayRoot: "content")
        let all = loader.load()
        let config = try XCTUnwrap(all.config)
        let one = loader.loadFile("recommendations/zebra.en.md", config: config)
        let same = try XCTUnwrap(all.files.first { $0.relativePath == "recommendations/zebra.en.md" })
        XCTAssertEqual(one.files.map(\.text), [same.text])
        XCTAssertEqual(one.files.map(\.id), [same.id])
        XCTAssertEqual(loader.loadFile("../outside.fr.md", config: config).files.count, 0, "nothing outside the content folder")
        XCTAssertEqual(loader.loadFile("a/b/c.fr.md", config: config).files.count, 0, "no deeper than a section")
    }

    func testAMissingSiteYamlIsTheOneError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let loaded = ContentLoader(contentDirectory: folder, displayRoot: "content").load()
        XCTAssertNil(loaded.config)
        XCTAssertEqual(loaded.diagnostics.map(\.formatted), ["content/site.yaml:1:1: error: site.yaml not found in the content folder"])
    }
}
