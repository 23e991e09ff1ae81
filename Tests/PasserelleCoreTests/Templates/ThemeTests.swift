import Foundation
import XCTest
@testable import PasserelleTemplates

final class ThemeTests: XCTestCase {
    func testATemplateRendersItsContextWithTheThemesPartials() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("theme-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("templates"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("i18n"), withIntermediateDirectories: true)
        try Data("<html>{{$main}}{{/main}}</html>".utf8).write(to: folder.appendingPathComponent("templates/base.mustache"))
        try Data("{{<base}}{{$main}}<h1>{{title}}</h1>{{t.hello}}{{/main}}{{/base}}".utf8).write(to: folder.appendingPathComponent("templates/page.mustache"))
        try Data("hello: \"Bonjour\"\n".utf8).write(to: folder.appendingPathComponent("i18n/fr.yaml"))
        let (loaded, diagnostics) = ThemeLoader(directory: folder, displayRoot: "theme",
                                                requirements: ThemeRequirements(templates: ["base", "page"], keys: ["title", "t"])).load(languages: ["fr"])
        XCTAssertEqual(diagnostics, [])
        let theme = try XCTUnwrap(loaded)
        XCTAssertEqual(theme.strings["fr"], ["hello": "Bonjour"])
        let page = theme.render("page", ["title": "Titre & co", "t": .table(TemplateTable(theme.strings["fr"] ?? [:]))])
        XCTAssertEqual(String(decoding: page, as: UTF8.self), "<html><h1>Titre &amp; co</h1>Bonjour</html>")
    }
}
