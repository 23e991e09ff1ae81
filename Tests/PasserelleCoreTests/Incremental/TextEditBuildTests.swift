import Foundation
import CFileTree
import XCTest
@testable import PasserelleModel
@testable import PasserelleCore
@testable import PasserelleIncremental
@testable import PasserellePages
@testable import PasserelleResolve
@testable import PasserelleTemplates

/// After an edit of entry bodies only, a build renders what they change and carries the rest
/// over; whatever path a build takes, its output is the output of a clean build.
final class TextEditBuildTests: XCTestCase {
    /// Builds the same content into a fresh folder, with no cache, and compares every file.
    private func assertSameAsCleanBuild(_ site: FixtureSite, file: StaticString = #filePath, line: UInt = #line) {
        let clean = site.root.appendingPathComponent("clean-\(UUID().uuidString)")
        var options = Build.Options(content: site.content, output: clean, theme: site.theme.path)
        options.workingDirectory = site.root
        options.buildDate = Date(timeIntervalSince1970: 1_132_000_000)
        options.useBuildCache = false
        XCTAssertTrue(Build(options: options).run().succeeded, file: file, line: line)
        let expected = FixtureSite.snapshot(clean), actual = FixtureSite.snapshot(site.output)
        XCTAssertEqual(actual.keys.sorted(), expected.keys.sorted(), file: file, line: line)
        for (path, data) in expected where actual[path] != data {
            XCTFail("\(path) differs from a clean build's", file: file, line: line)
        }
        try? FileManager.default.removeItem(at: clean)
    }

    /// Builds with nothing changed and checks that the build was skipped: the output tree in place
    /// is the same, so the last build recorded its output exactly (every folder's time included).
    private func assertNextBuildIsSkipped(_ site: FixtureSite, file: StaticString = #filePath, line: UInt = #line) {
        let tree = passerelle_inode(site.output.path)
        XCTAssertTrue(site.build().succeeded, file: file, line: line)
        XCTAssertEqual(passerelle_inode(site.output.path), tree, "the build was not skipped", file: file, line: line)
    }

    private func append(_ text: String, to path: String, in site: FixtureSite) throws {
        try site.write(path, try site.read(path, in: site.content) + text)
    }

    func testABodyEditRendersOnlyItsFilesAndGivesTheCleanBuildsOutput() throws {
        let site = try FixtureSite("bilingual")
        defer { site.remove() }
        let first = site.build()
        XCTAssertTrue(first.succeeded)
        XCTAssertNil(first.textsRebuilt)

        // An untranslated text: its French page and the English page that falls back to it.
        try append("\nUne phrase **ajoutée**.\n", to: "recommendations/education.fr.md", in: site)
        let second = site.build()
        XCTAssertTrue(second.succeeded)
        XCTAssertEqual(second.textsRebuilt, 1, second.fullBuildReason ?? "")
        XCTAssertEqual(second.diagnostics, first.diagnostics)
        XCTAssertEqual(second.pagesPerLanguage, first.pagesPerLanguage)
        XCTAssertTrue(try site.read("fr/recommandations/education/index.html").contains("<strong>ajoutée</strong>"))
        XCTAssertTrue(try site.read("en/recommendations/education/index.html").contains("<strong>ajoutée</strong>"))
        XCTAssertTrue(try site.read("fr/search.json").contains("ajoutee"))
        assertSameAsCleanBuild(site)

        // Edits pile up beside the snapshot: two more texts, then the first one again.
        try append("\nAnother line.\n", to: "recommendations/zebra.en.md", in: site)
        try append("\nEncore une.\n", to: "recommendations/zebra.fr.md", in: site)
        XCTAssertEqual(site.build().textsRebuilt, 2)
        assertSameAsCleanBuild(site)
        try append("\nEt une autre.\n", to: "recommendations/education.fr.md", in: site)
        XCTAssertEqual(site.build().textsRebuilt, 1)
        assertSameAsCleanBuild(site)
        assertNextBuildIsSkipped(site)
    }

    func testAnEventsCalendarsFollowItsText() throws {
        let site = try FixtureSite("calendar")
        defer { site.remove() }
        XCTAssertTrue(site.build().succeeded)
        try append("\nBring your badge.\n", to: "events/opening.en.md", in: site)
        let report = site.build()
        XCTAssertEqual(report.textsRebuilt, 1, report.fullBuildReason ?? "")
        assertSameAsCleanBuild(site)
        let calendars = FixtureSite.snapshot(site.output).filter { $0.key.hasSuffix(".ics") && $0.key.hasPrefix("en/") }
        XCTAssertTrue(calendars.values.contains { String(decoding: $0, as: UTF8.self).contains("Bring your badge.") })
        // The snapshot keeps no event's plain text: the next edit, of another event, carries the
        // blocks of the calendar the last rebuild wrote, the first edit's included.
        let events = try FileManager.default.contentsOfDirectory(atPath: site.content.appendingPathComponent("events").path)
            .filter { $0.hasSuffix(".en.md") && $0 != "opening.en.md" && !$0.hasPrefix("_") }.sorted()
        let other = try XCTUnwrap(events.first)
        try append("\nMeet at the gate.\n", to: "events/\(other)", in: site)
        XCTAssertEqual(site.build().textsRebuilt, 1)
        assertSameAsCleanBuild(site)
        let calendar = try site.read("en/calendar.ics")
        XCTAssertTrue(calendar.contains("Bring your badge.") && calendar.contains("Meet at the gate."))
    }

    /// Builds `fixture`, changes the output's file at `path` by `change` under the same size and
    /// times (the output looks intact), edits the body of `edited`: the next build must not carry
    /// that file over, but build in full for `reason`, and give a clean build's output.
    private func assertAChangedFileTakesAFullBuild(_ fixture: String, _ path: String, change: (String) throws -> String,
                                                    edited: String, reason: String, line: UInt = #line) throws {
        let site = try FixtureSite(fixture)
        defer { site.remove() }
        XCTAssertTrue(site.build().succeeded, line: line)
        let file = site.output.appendingPathComponent(path)
        var status = stat()
        XCTAssertEqual(stat(file.path, &status), 0, line: line)
        let text = try String(contentsOf: file, encoding: .utf8)
        let changed = try change(text)
        XCTAssertEqual(changed.utf8.count, text.utf8.count, line: line)
        try changed.write(to: file, atomically: false, encoding: .utf8)
        XCTAssertEqual(utimensat(AT_FDCWD, file.path, [status.st_atim, status.st_mtim], 0), 0, line: line)
        try append("\nOne more line.\n", to: edited, in: site)
        let report = site.build()
        XCTAssertTrue(report.succeeded, line: line)
        XCTAssertNil(report.textsRebuilt, line: line)
        XCTAssertEqual(report.fullBuildReason, reason, line: line)
        assertSameAsCleanBuild(site, line: line)
    }

    func testASearchIndexNotAsTheLastBuildWroteItTakesAFullBuild() throws {
        // Two records run together: one record less.
        try assertAChangedFileTakesAFullBuild("bilingual", "fr/search.json", change: { text in
            text.replacingCharacters(in: try XCTUnwrap(text.range(of: "},{")), with: "} {")
        }, edited: "recommendations/education.fr.md", reason: "fr/search.json is not the search index the last build wrote")
    }

    func testACalendarNotAsTheLastBuildWroteItTakesAFullBuild() throws {
        try assertAChangedFileTakesAFullBuild("calendar", "en/calendar.ics", change: {
            $0.replacingOccurrences(of: "BEGIN:VEVENT", with: "BEGIN:VTODO!")
        }, edited: "events/opening.en.md", reason: "en/calendar.ics is not the calendar the last build wrote")
    }

    func testEditsThatReachOtherPagesTakeAFullBuild() throws {
        let site = try FixtureSite("bilingual")
        defer { site.remove() }
        XCTAssertTrue(site.build().succeeded)
        let path = "recommendations/zebra.en.md"
        let original = try site.read(path, in: site.content)
        let edits: [(String, String)] = [
            (original.replacingOccurrences(of: "title: \"", with: "title: \"Renamed "), "front matter"),
            (original + "\n## A new heading\n", "headings"),
            (original + "\nSee [[calendar]].\n", "references"),
        ]
        for (text, reason) in edits {
            try site.write(path, text)
            let report = site.build()
            XCTAssertTrue(report.succeeded)
            XCTAssertNil(report.textsRebuilt)
            XCTAssertTrue(report.fullBuildReason?.contains(reason) ?? false, "\(reason): \(report.fullBuildReason ?? "no reason")")
            assertSameAsCleanBuild(site)
            try site.write(path, original)
            XCTAssertTrue(site.build().succeeded)
        }
        // A new file changes the list of texts: no snapshot applies.
        try site.write("recommendations/new.en.md", "---\ntitle: New\n---\n\nNew.\n")
        let added = site.build()
        XCTAssertTrue(added.succeeded)
        XCTAssertNil(added.textsRebuilt)
        assertSameAsCleanBuild(site)
        // The kept tree the new pages were added to had its folder times recorded anew.
        assertNextBuildIsSkipped(site)
    }

    /// A translation recording its source (`translated_from`): an edit of the source makes it
    /// outdated (its page's notice, the warning), so it takes a full build; an edit of the outdated
    /// translation's own body keeps its notice (the snapshot carries it).
    func testProvenanceFollowsEditsOfTheSourceAndOfTheTranslation() throws {
        let site = try FixtureSite("bilingual", theme: FixtureSite.defaultTheme)
        defer { site.remove() }
        let source = try site.read("recommendations/zebra.fr.md", in: site.content)
        let english = try site.read("recommendations/zebra.en.md", in: site.content)
        try site.write("recommendations/zebra.en.md", english.replacingOccurrences(
            of: "---\ntitle:", with: "---\ntranslated_from: \"fr:\(GitBlobID.of(Array(source.utf8)))\"\ntitle:"))
        XCTAssertTrue(site.build().succeeded)
        XCTAssertFalse(try site.read("en/recommendations/zebra/index.html").contains("has changed since"))

        try append("\nUne phrase de plus.\n", to: "recommendations/zebra.fr.md", in: site)
        let outdated = site.build()
        XCTAssertNil(outdated.textsRebuilt)
        XCTAssertTrue(outdated.fullBuildReason?.contains("records the version it was made from") ?? false, outdated.fullBuildReason ?? "")
        XCTAssertTrue(outdated.diagnostics.contains { $0.message.hasPrefix("outdated translation:") })
        XCTAssertTrue(try site.read("en/recommendations/zebra/index.html").contains("has changed since this translation was made"))
        assertSameAsCleanBuild(site)

        try append("\nOne more line.\n", to: "recommendations/zebra.en.md", in: site)
        let edited = site.build()
        XCTAssertEqual(edited.textsRebuilt, 1, edited.fullBuildReason ?? "")
        XCTAssertTrue(edited.diagnostics.contains { $0.message.hasPrefix("outdated translation:") }, "the warning is carried")
        XCTAssertTrue(try site.read("en/recommendations/zebra/index.html").contains("has changed since this translation was made"))
        assertSameAsCleanBuild(site)
    }

    func testAnEditThatBreaksAReferenceFailsAndLeavesTheOutput() throws {
        let site = try FixtureSite("bilingual")
        defer { site.remove() }
        XCTAssertTrue(site.build().succeeded)
        let before = FixtureSite.snapshot(site.output)
        let path = "recommendations/calendar.en.md"
        let original = try site.read(path, in: site.content)
        // The entries it references stay the same, so the rebuild renders this text alone, and stops.
        try site.write(path, original + "\nSee [[nowhere-to-be-found]].\n")
        let broken = site.build()
        XCTAssertFalse(broken.succeeded)
        XCTAssertTrue(broken.diagnostics.errors.contains { $0.message.contains("nowhere-") }, "\(broken.diagnostics)")
        XCTAssertEqual(FixtureSite.snapshot(site.output), before)
        try site.write(path, original)
        XCTAssertTrue(site.build().succeeded)
        assertSameAsCleanBuild(site)
    }
}
