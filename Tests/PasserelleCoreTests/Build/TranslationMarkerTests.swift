import Foundation
import XCTest
@testable import PasserelleCore
@testable import PasserelleModel

/// `translations mark`: one front-matter line written, the rest of the file byte for byte.
final class TranslationMarkerTests: XCTestCase {
    func testTheLineIsAddedBeforeTheClosingLineOrReplacedWhereItIs() {
        XCTAssertEqual(TranslationMarker.recording("fr:abc1234", in: "---\ntitle: T\n---\nBody\n"),
                       "---\ntitle: T\ntranslated_from: \"fr:abc1234\"\n---\nBody\n")
        XCTAssertEqual(TranslationMarker.recording("fr:abc1234", in: "---\ntranslated_from: 'fr:0000000'\ntitle: T\n---\n"),
                       "---\ntranslated_from: \"fr:abc1234\"\ntitle: T\n---\n")
        XCTAssertEqual(TranslationMarker.recording("fr:abc1234", in: "\u{FEFF}---\r\ntitle: T\r\n---\r\nBody\r\n"),
                       "\u{FEFF}---\r\ntitle: T\r\ntranslated_from: \"fr:abc1234\"\r\n---\r\nBody\r\n", "the file's own line endings and BOM")
        XCTAssertEqual(TranslationMarker.recording("fr:abc1234", in: "---\ntranslated_from: x\r\n---\r\n"), "---\ntranslated_from: \"fr:abc1234\"\r\n---\r\n")
        XCTAssertNil(TranslationMarker.recording("fr:abc1234", in: "title: T\n"), "no front matter")
        XCTAssertNil(TranslationMarker.recording("fr:abc1234", in: "---\ntitle: T\n"), "never closed")
        XCTAssertEqual(TranslationMarker.recordedLanguage(in: "---\ntranslated_from: \"en:abc1234\"\n---\n"), "en")
        XCTAssertNil(TranslationMarker.recordedLanguage(in: "---\ntitle: T\n---\ntranslated_from: en:abc1234\n"), "only in the front matter")
    }

    func testMarkingWritesTheSourcesBlobIDAndKeepsThePermissions() throws {
        let site = try FixtureSite("bilingual")
        defer { site.remove() }
        let config = try XCTUnwrap(ContentLoader(contentDirectory: site.content, displayRoot: "content").loadConfig().0)
        let marker = TranslationMarker(content: site.content, config: config) { $0.lastPathComponent }
        let file = site.content.appendingPathComponent("recommendations/zebra.en.md")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file.path)
        let source = try Data(contentsOf: site.content.appendingPathComponent("recommendations/zebra.fr.md"))
        let marked = try marker.mark(file).get()
        XCTAssertEqual(marked, .init(file: "zebra.en.md", source: "zebra.fr.md", language: "fr", blob: GitBlobID.of(source)))
        XCTAssertTrue(try String(contentsOf: file, encoding: .utf8).contains("translated_from: \"fr:\(GitBlobID.of(source))\"\n---\n"))
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int, 0o640)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path).filter { $0.hasPrefix(".") }, [],
                       "no temporary file left")
        // A text in the site's first language comes from nowhere unless told.
        guard case let .failure(refused) = marker.mark(site.content.appendingPathComponent("recommendations/zebra.fr.md")) else { return XCTFail() }
        XCTAssertTrue(refused.message.hasPrefix("this text is in the site's first language"), refused.message)
        XCTAssertEqual(try marker.mark(site.content.appendingPathComponent("recommendations/zebra.fr.md"), from: "en").get().language, "en")
        guard case let .failure(unknown) = marker.mark(file, from: "de") else { return XCTFail() }
        XCTAssertEqual(unknown.message, "unknown language 'de' (did you mean 'en' or 'fr'?)")
    }
}
