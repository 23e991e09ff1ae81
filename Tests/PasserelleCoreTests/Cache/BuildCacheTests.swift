import Foundation
import XCTest
@testable import PasserelleCore

/// A build whose inputs, tool and options did not change since the last one, and whose output
/// is as that build left it, does nothing and reports the same result.
final class BuildCacheTests: XCTestCase {
    func testUnchangedInputsSkipTheBuildAndAnyChangeRebuilds() throws {
        let site = try FixtureSite("bilingual")
        defer { site.remove() }
        let home = site.output.appendingPathComponent("fr/index.html")
        let first = site.build()
        XCTAssertTrue(first.succeeded)
        let written = try FixtureSite.modificationTime(home)
        let snapshot = FixtureSite.snapshot(site.output)
        Thread.sleep(forTimeInterval: 0.05)

        // Nothing changed (a touched file with the same bytes included): same report, nothing written.
        let content = site.content.appendingPathComponent("recommendations/zebra.fr.md")
        try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: content.path)
        let second = site.build()
        XCTAssertTrue(second.succeeded)
        XCTAssertEqual(second.diagnostics, first.diagnostics)
        XCTAssertEqual(second.pagesPerLanguage, first.pagesPerLanguage)
        XCTAssertEqual(try FixtureSite.modificationTime(home), written)

        // An option, a content edit, a theme edit or a change to the output: a real build, with the clean build's output.
        XCTAssertTrue(site.build(drafts: true).succeeded)
        XCTAssertNotEqual(try FixtureSite.modificationTime(home), written)
        XCTAssertTrue(site.build().succeeded)
        XCTAssertEqual(FixtureSite.snapshot(site.output), snapshot)
        try site.write("recommendations/zebra.fr.md", try site.read("recommendations/zebra.fr.md", in: site.content) + "\nUne phrase de plus.\n")
        XCTAssertTrue(site.build().succeeded)
        XCTAssertTrue(try site.read("fr/recommandations/zebra/index.html").contains("Une phrase de plus."))
        try Data("by hand".utf8).write(to: site.output.appendingPathComponent("fr/index.html"))
        XCTAssertTrue(site.build().succeeded)
        XCTAssertNotEqual(try site.read("fr/index.html"), "by hand")
    }

    func testAFailedBuildIsNeverSkipped() throws {
        let site = try FixtureSite("minimal")
        defer { site.remove() }
        XCTAssertTrue(site.build().succeeded)
        let page = try XCTUnwrap(FixtureSite.snapshot(site.content).keys.first { $0.hasSuffix(".md") })
        let text = try site.read(page, in: site.content)
        try site.write(page, "---\ntitle: [unclosed\n---\n")
        XCTAssertFalse(site.build().succeeded)
        XCTAssertFalse(site.build().succeeded, "the second build of broken content must fail too")
        try site.write(page, text)
        XCTAssertTrue(site.build().succeeded)
    }

    func testAThemeOutsideTheFingerprintIsNeverSkipped() throws {
        let site = try FixtureSite("minimal")
        defer { site.remove() }
        // site.yaml names a theme by a path outside the themes folder: its files are not fingerprinted.
        let theme = site.root.appendingPathComponent("elsewhere/theme")
        try FileManager.default.createDirectory(at: theme.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: FixtureSite.defaultTheme, to: theme)
        let yaml = try site.read("site.yaml", in: site.content)
        try site.write("site.yaml", yaml.replacingOccurrences(of: "theme: default", with: "theme: \(theme.path)")
                                      + (yaml.contains("theme:") ? "" : "\ntheme: \(theme.path)\n"))
        var options = Build.Options(content: site.content, output: site.output)
        options.workingDirectory = site.root
        XCTAssertTrue(Build(options: options).run().succeeded)
        let css = theme.appendingPathComponent("static/style.css")
        try Data((try String(contentsOf: css, encoding: .utf8) + "\n/* changed */\n").utf8).write(to: css)
        XCTAssertTrue(Build(options: options).run().succeeded)
        XCTAssertTrue(try site.read("theme/style.css").contains("/* changed */"))
    }
}
