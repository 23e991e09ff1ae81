import CFileTree
import Foundation
import XCTest
@testable import PasserelleCore
@testable import PasserelleIncremental
@testable import PasserellePages
@testable import PasserelleResolve
@testable import PasserelleTemplates

/// Nothing is written or deleted outside the output, whatever was done to it or to the tree kept
/// beside it, and two builds into one output never lose files.
final class OutputSafetyTests: XCTestCase {
    var site: FixtureSite!
    var outside: URL!

    override func setUpWithError() throws {
        site = try FixtureSite("minimal")
        outside = site.root.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: outside.appendingPathComponent("mine.txt"))
    }

    override func tearDown() { site.remove() }

    var writer: OutputWriter { OutputWriter(output: site.output) }
    var spare: URL { writer.stateFolder.appendingPathComponent("spare") }

    func build(file: StaticString = #filePath, line: UInt = #line) {
        let report = site.build()
        XCTAssertTrue(report.succeeded, (report.usageError ?? "") + report.diagnostics.map(\.formatted).joined(), file: file, line: line)
    }

    /// Replaces the folder at `folder` by a link to `outside`, holding a copy of what it held.
    func replaceByLink(_ folder: URL) throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            try? FileManager.default.copyItem(at: folder.appendingPathComponent(name), to: outside.appendingPathComponent(name))
        }
        try FileManager.default.removeItem(at: folder)
        try FileManager.default.createSymbolicLink(at: folder, withDestinationURL: outside)
    }

    func assertOutsideUntouched(file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(try String(contentsOf: outside.appendingPathComponent("mine.txt"), encoding: .utf8), "keep me", file: file, line: line)
    }

    func testAFolderOfTheKeptTreeReplacedByALinkIsNeverWrittenThrough() throws {
        build()
        try site.write("recommendations/calendar.fr.md", "---\ntitle: \"Calendrier\"\n---\n\nTexte.\n")
        build() // A full build: now a kept tree exists.
        let folder = spare.appendingPathComponent("fr")
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.path))
        try replaceByLink(folder)
        let before = try FileManager.default.contentsOfDirectory(atPath: outside.path).sorted()
        // A renamed slug: the build removes the old entry's folder, which a followed link would reach.
        try site.write("recommendations/calendar.fr.md", "---\ntitle: \"Calendrier\"\nslug: agenda\n---\n\nTexte.\n")
        build()
        try site.write("recommendations/calendar.fr.md", "---\ntitle: \"Calendrier\"\nslug: agenda2\n---\n\nTexte.\n")
        build()
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: outside.path).sorted(), before)
        try assertOutsideUntouched()
        XCTAssertEqual(passerelle_tree_is_plain(site.output.path), 1)
        XCTAssertEqual(passerelle_tree_is_plain(spare.path), 1)
    }

    func testAFolderOfTheOutputReplacedByALinkIsNeverWrittenThrough() throws {
        build()
        try replaceByLink(site.output.appendingPathComponent("en"))
        let before = FixtureSite.snapshot(outside)
        try site.write("recommendations/calendar.en.md", "---\ntitle: \"Calendar\"\n---\n\nA body edited, a text-edit rebuild.\n")
        build()
        XCTAssertEqual(FixtureSite.snapshot(outside), before)
        XCTAssertEqual(passerelle_tree_is_plain(site.output.path), 1)
        XCTAssertTrue(try site.read("en/recommendations/calendar/index.html").contains("A body edited"))
    }

    func testAnOutputThatIsALinkOrInsideTheThemeIsRefused() throws {
        try FileManager.default.createSymbolicLink(at: site.output, withDestinationURL: outside)
        XCTAssertEqual(site.build().usageError?.contains("is a symbolic link"), true)
        try assertOutsideUntouched()
        try FileManager.default.removeItem(at: site.output)

        let theme = site.root.appendingPathComponent("theme")
        try FixtureSite.copy(site.theme, to: theme)
        let report = site.build(output: theme.appendingPathComponent("static/site"), themePath: theme.path)
        XCTAssertEqual(report.usageError?.contains("inside the theme"), true, report.usageError ?? "no usage error")
    }

    func testTwoBuildsAtOnceBothGiveTheWholeSite() throws {
        build()
        let expected = FixtureSite.snapshot(site.output)
        try FileManager.default.removeItem(at: site.output)
        let site: FixtureSite = site
        let reports = [0, 1].concurrentMap { index in
            var options = Build.Options(content: site.content, output: site.output, theme: site.theme.path)
            options.workingDirectory = site.root
            options.buildDate = Date(timeIntervalSince1970: 1_132_000_000)
            options.useBuildCache = index == 0
            return Build(options: options).run()
        }
        for report in reports { XCTAssertEqual(report.succeeded, true, report.usageError ?? "") }
        XCTAssertEqual(FixtureSite.snapshot(site.output), expected)
    }

    func testABuildWaitsForTheOneWritingThenSaysSo() throws {
        build()
        let lock = try writer.lock(wait: 0)
        var options = Build.Options(content: site.content, output: site.output, theme: site.theme.path)
        options.lockWait = 0.2
        options.useBuildCache = false
        let report = Build(options: options).run()
        XCTAssertEqual(report.usageError, "another build is writing \(site.output.standardizedFileURL.path): try again once it has finished")
        withExtendedLifetime(lock) {}
    }

    func testOnlyTemporariesOfDeadBuildsAreRemoved() throws {
        build()
        let parent = site.output.deletingLastPathComponent()
        let live = parent.appendingPathComponent(".output.passerelle-new-1") // init: always running
        let dead = parent.appendingPathComponent(".output.passerelle-new-\(Int32.max)")
        for folder in [live, dead] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        try site.write("recommendations/calendar.fr.md", "---\ntitle: \"Autre\"\n---\n")
        build()
        XCTAssertTrue(FileManager.default.fileExists(atPath: live.path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: dead.path))
    }
}
