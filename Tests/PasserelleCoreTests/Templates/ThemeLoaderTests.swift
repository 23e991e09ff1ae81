import XCTest
@testable import PasserelleCore
@testable import PasserelleIncremental
@testable import PasserellePages
@testable import PasserelleResolve
@testable import PasserelleTemplates

final class ThemeLoaderTests: XCTestCase {
    func testDefaultThemeLoadsForBothLanguages() {
        let (theme, diagnostics) = ThemeLoader(directory: FixtureSite.defaultTheme, displayRoot: "themes/default", requirements: PageKinds.themeRequirements).load(languages: ["fr", "en"])
        XCTAssertNotNil(theme)
        XCTAssertEqual(diagnostics.map(\.formatted), [])
        XCTAssertEqual(theme?.strings["fr"]?.keys.sorted(), theme?.strings["en"]?.keys.sorted())
    }

    func testMissingStringsAndUnknownKeysAreErrors() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("theme-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FixtureSite.copy(FixtureSite.defaultTheme, to: folder)
        try Data("home: Accueil\n".utf8).write(to: folder.appendingPathComponent("i18n/fr.yaml"))
        try Data("<p>{{t.hom}}</p>\n".utf8).write(to: folder.appendingPathComponent("templates/extra.mustache"))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("templates/entry.mustache"))
        let (theme, diagnostics) = ThemeLoader(directory: folder, displayRoot: "t", requirements: PageKinds.themeRequirements).load(languages: ["fr", "en"])
        XCTAssertNil(theme)
        let messages = diagnostics.map(\.formatted)
        XCTAssertTrue(messages.contains("t/templates/entry.mustache:1:1: error: missing template 'entry'"), "\(messages)")
        XCTAssertTrue(messages.contains("t/i18n/fr.yaml:1:1: error: missing UI string 'related' (present in i18n/en.yaml)"))
        XCTAssertTrue(messages.contains("t/templates/extra.mustache:1:6: error: unknown UI string 't.hom' (did you mean 'home'?)"), "\(messages)")
    }

    /// A partial naming no template of the theme, and an unsupported construct, are located errors.
    func testUnknownPartialsAndUnsupportedConstructsAreErrors() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("theme-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FixtureSite.copy(FixtureSite.defaultTheme, to: folder)
        try Data("<p>\n  {{> bsae}}</p>\n".utf8).write(to: folder.appendingPathComponent("templates/extra.mustache"))
        try Data("{{=<% %>=}}\n".utf8).write(to: folder.appendingPathComponent("templates/other.mustache"))
        let (theme, diagnostics) = ThemeLoader(directory: folder, displayRoot: "t", requirements: PageKinds.themeRequirements).load(languages: ["fr", "en"])
        XCTAssertNil(theme)
        XCTAssertEqual(diagnostics.map(\.formatted).sorted(), [
            "t/templates/extra.mustache:2:7: error: unknown template 'bsae' (did you mean 'base'?)",
            "t/templates/other.mustache:1:4: error: template error: delimiter changes ({{=<% %>=}}) are not supported by Passerelle's templates",
        ])
    }
}
