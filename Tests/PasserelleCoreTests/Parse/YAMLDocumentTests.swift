import XCTest
@testable import PasserelleContent
@testable import PasserelleModel

final class YAMLDocumentTests: XCTestCase {
    /// The fields of `text`, a front matter whose first line is line 2 of `a.md`.
    func fields(_ text: String) -> YAMLFields? {
        let document = YAMLDocument(text: text, path: "a.md", firstLine: 2)
        XCTAssertEqual(document.diagnostics, [])
        var diagnostics: [Diagnostic] = []
        return YAMLFields(document.root, path: "a.md", firstLine: 2, what: "front matter", diagnostics: &diagnostics)
    }

    func testLocationsAreTheFilesLinesAndColumns() throws {
        var yaml = try XCTUnwrap(fields("title: Un\nweight: lourd\n"))
        XCTAssertNil(yaml.int("weight"))
        XCTAssertEqual(yaml.diagnostics.map(\.formatted), ["a.md:3:9: error: 'weight' must be a whole number"])
    }

    func testSyntaxErrorsAndDuplicateKeysArePlaced() {
        let broken = YAMLDocument(text: "title: [unclosed\n", path: "a.md", firstLine: 2)
        XCTAssertNil(broken.root)
        XCTAssertEqual(broken.diagnostics.count, 1)
        XCTAssertTrue(broken.diagnostics[0].formatted.hasPrefix("a.md:"), broken.diagnostics[0].formatted)
        let twice = YAMLDocument(text: "title: a\nsummary: b\ntitle: c\n", path: "a.md", firstLine: 2)
        XCTAssertEqual(twice.diagnostics.map(\.formatted), ["a.md:4:1: error: duplicate key 'title'"])
    }

    func testANonMappingIsReportedAsWhatItIs() {
        var diagnostics: [Diagnostic] = []
        let list = YAMLDocument(text: "- a\n- b\n", path: "a.md", firstLine: 2)
        XCTAssertNil(YAMLFields(list.root, path: "a.md", firstLine: 2, what: "front matter", diagnostics: &diagnostics))
        XCTAssertEqual(diagnostics.map(\.message), ["front matter must be a mapping of keys to values, not a list"])
    }

    func testTypedReads() throws {
        var yaml = try XCTUnwrap(fields("title: \"Zèbre\"\ndraft: yes\ntags: [a, b]\nalone: one\nempty:\nflag: maybe\n"))
        XCTAssertEqual(yaml.string("title"), "Zèbre")
        XCTAssertEqual(yaml.bool("draft"), true)
        XCTAssertEqual(yaml.strings("tags")?.map(\.0), ["a", "b"])
        XCTAssertEqual(yaml.strings("alone")?.map(\.0), ["one"], "a single text is a one-item list")
        XCTAssertNil(yaml.string("empty"))
        XCTAssertNil(yaml.bool("flag"))
        XCTAssertNil(yaml.string("absent"))
        XCTAssertEqual(yaml.diagnostics.map(\.message), ["'empty' must be a text, not empty", "'flag' must be true or false"])
    }

    func testUnknownAndMissingKeys() throws {
        var yaml = try XCTUnwrap(fields("titel: a\n"))
        yaml.rejectUnknownKeys(["title", "summary"], context: "front matter")
        XCTAssertNil(yaml.require("title", context: "front matter"))
        XCTAssertEqual(yaml.diagnostics.map(\.formatted), [
            "a.md:2:1: error: unknown key 'titel' in front matter (did you mean 'title'?)",
            "a.md:2:1: error: missing required key 'title' in front matter",
        ])
    }

    func testLocalizedTextsAreOnePerLanguageOrOneForAll() throws {
        var yaml = try XCTUnwrap(fields("title: { fr: Titre, en: Title, de: Titel }\nslug: same\n"))
        XCTAssertEqual(yaml.localized("title", languages: ["fr", "en"]), ["fr": "Titre", "en": "Title"])
        XCTAssertEqual(yaml.localized("slug", languages: ["fr", "en"]), ["fr": "same", "en": "same"])
        XCTAssertEqual(yaml.diagnostics.map(\.message), ["unknown language 'de' in 'title' (did you mean 'en' or 'fr'?)"])
    }
}
