import Foundation
import XCTest
@testable import PasserelleCore
@testable import PasserelleModel

/// `passerelle init`: a new site in any languages that builds at once, without a warning.
final class SiteScaffoldTests: XCTestCase {
    func testTheSixLanguagesOfTheSummitBuildAtOnce() throws {
        let folder = try FixtureSite.temporaryFolder("init")
        defer { try? FileManager.default.removeItem(at: folder) }
        let scaffold = SiteScaffold(languages: ["fr", "en", "ar", "zh", "es", "ru"], title: "Essai")
        XCTAssertNil(scaffold.problem)
        try scaffold.write(into: folder, theme: FixtureSite.defaultTheme)
        let yaml = try String(contentsOf: folder.appendingPathComponent("content/site.yaml"), encoding: .utf8)
        XCTAssertTrue(yaml.contains("  - { code: ar, name: \"العربية\", locale: ar }\n"), yaml)
        var options = Build.Options(content: folder.appendingPathComponent("content"), output: folder.appendingPathComponent("output"))
        options.workingDirectory = folder
        let report = Build(options: options).run()
        XCTAssertTrue(report.succeeded, "\(report.diagnostics)")
        XCTAssertEqual(report.diagnostics, [], "no missing UI string, no missing translation")
        let arabic = try String(contentsOf: folder.appendingPathComponent("output/ar/index.html"), encoding: .utf8)
        XCTAssertTrue(arabic.hasPrefix("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">"), arabic)
        XCTAssertTrue(arabic.contains("مرحبًا. اكتب هنا نص الصفحة الرئيسية."))
        let chinese = try String(contentsOf: folder.appendingPathComponent("output/zh/index.html"), encoding: .utf8)
        XCTAssertTrue(chinese.contains("<html lang=\"zh\">") && chinese.contains(">首页<"), chinese)
        XCTAssertThrowsError(try scaffold.write(into: folder, theme: FixtureSite.defaultTheme), "never over an existing site")
    }

    func testLanguagesThatCannotMakeASite() {
        XCTAssertEqual(SiteScaffold(languages: [], title: "T").problem, "name at least one language: --languages fr,en")
        XCTAssertEqual(SiteScaffold(languages: ["fr", "e n"], title: "T").problem, "language code 'e n' must be letters, like 'fr'")
        XCTAssertEqual(SiteScaffold(languages: ["fr", "fr"], title: "T").problem, "a language is named twice in --languages")
        XCTAssertNil(SiteScaffold(languages: ["pt-BR"], title: "T").problem)
    }
}
