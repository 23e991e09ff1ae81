import Foundation
import XCTest
@testable import PasserelleCore

/// The core is not tied to the production theme: a theme with nothing but the templates the
/// page kinds require builds every fixture into the same files (the theme's own static files
/// aside), with the same bodies.
final class TinyThemeTests: XCTestCase {
    func testEveryFixtureBuildsTheSameFilesWithTheTinyTheme() throws {
        for name in ["bilingual", "calendar", "minimal", "catalog"] {
            let site = try FixtureSite(name)
            defer { site.remove() }
            let tiny = site.root.appendingPathComponent("tiny"), full = site.root.appendingPathComponent("full")
            let tinyReport = site.build(output: tiny, themePath: FixtureSite.tinyTheme.path)
            XCTAssertTrue(tinyReport.succeeded, "\(name): \(tinyReport.diagnostics)")
            XCTAssertTrue(site.build(output: full, themePath: FixtureSite.defaultTheme.path).succeeded, name)
            let notTheme = { (files: [String: Data]) in Set(files.keys.filter { !$0.hasPrefix("theme/") }) }
            let tinyFiles = FixtureSite.snapshot(tiny), fullFiles = FixtureSite.snapshot(full)
            XCTAssertEqual(notTheme(tinyFiles), notTheme(fullFiles), name)
            XCTAssertGreaterThan(tinyFiles.count, 10, name)
            // Files that are not pages do not depend on the theme at all.
            for path in notTheme(tinyFiles) where path.hasSuffix(".json") || path.hasSuffix(".ics") || path.hasSuffix(".xml") || path.hasSuffix(".txt") {
                XCTAssertEqual(tinyFiles[path], fullFiles[path], "\(name): \(path)")
            }
        }
    }

    func testTheTinyThemeShowsEachEntrysBody() throws {
        let site = try FixtureSite("bilingual")
        defer { site.remove() }
        XCTAssertTrue(site.build().succeeded, "FixtureSite builds with the tiny theme unless told otherwise")
        let page = try site.read("fr/recommandations/zebra/index.html")
        XCTAssertTrue(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"fr\">"), page)
        XCTAssertTrue(page.contains("<link rel=\"stylesheet\" href=\"../../../theme/style.css\">"), page)
        XCTAssertFalse(page.contains("skip"), "nothing of the production theme: \(page)")
    }
}
