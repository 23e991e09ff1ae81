import Foundation
import XCTest
@testable import PasserelleCore
@testable import PasserelleIncremental
@testable import PasserellePages
@testable import PasserelleResolve
@testable import PasserelleTemplates

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
        try FixtureSite.copy(site.theme, to: theme)
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

    /// Copies of every file of the cache folder, to put back later.
    func cacheFiles(_ site: FixtureSite) -> [String: Data] { FixtureSite.snapshot(site.root.appendingPathComponent(".passerelle-cache")) }

    func putBack(_ files: [String: Data], _ site: FixtureSite) throws {
        let folder = site.root.appendingPathComponent(".passerelle-cache")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, data) in files { try data.write(to: folder.appendingPathComponent(name)) }
    }

    func testAnOlderCachePutBackIsNotTrusted() throws {
        let site = try FixtureSite("bilingual")
        defer { site.remove() }
        let page = "recommendations/zebra.fr.md", built = "fr/recommandations/zebra/index.html"
        let original = try site.read(page, in: site.content)
        XCTAssertTrue(site.build().succeeded)
        let old = cacheFiles(site)
        try site.write(page, original + "\nUne phrase ajoutée.\n")
        let edit = site.build()
        XCTAssertEqual(edit.textsRebuilt, 1, "a text edit: the output keeps its folder")
        // The content as it was, the cache as it was: the output is not as that cache says.
        try site.write(page, original)
        try putBack(old, site)
        XCTAssertTrue(site.build().succeeded)
        XCTAssertFalse(try site.read(built).contains("Une phrase ajoutée."))
        // The same with a text edit after the old snapshot is put back.
        let before = cacheFiles(site)
        try site.write(page, original + "\nDeux.\n")
        XCTAssertEqual(site.build().textsRebuilt, 1)
        try putBack(before, site)
        try site.write(page, original + "\nTrois.\n")
        XCTAssertTrue(site.build().succeeded)
        let text = try site.read(built)
        XCTAssertTrue(text.contains("Trois.") && !text.contains("Deux."))
    }

    func testACorruptedCacheFileIsNotTrusted() throws {
        let site = try FixtureSite("bilingual")
        defer { site.remove() }
        let page = "recommendations/calendar.fr.md"
        let original = try site.read(page, in: site.content)
        XCTAssertTrue(site.build().succeeded)
        let folder = site.root.appendingPathComponent(".passerelle-cache")
        let snapshot = try XCTUnwrap(cacheFiles(site).keys.first { $0.hasPrefix("snapshot-") && !$0.contains(".") })
        // One bit flipped in another entry's search record (written last): the snapshot still
        // decodes, and a text edit of this page would publish it in the search index.
        var bytes = try Data(contentsOf: folder.appendingPathComponent(snapshot))
        let position = try XCTUnwrap(bytes.range(of: Data("Zèbre".utf8), options: .backwards)?.lowerBound)
        bytes[position] ^= 0x01
        try bytes.write(to: folder.appendingPathComponent(snapshot))
        try site.write(page, original + "\nAprès la corruption.\n")
        let report = site.build()
        XCTAssertTrue(report.succeeded)
        XCTAssertNil(report.textsRebuilt, "a full build, not a text edit from a corrupted snapshot")
        XCTAssertFalse(FixtureSite.snapshot(site.output).values.contains { String(decoding: $0, as: UTF8.self).contains("[èbre") })
        // A record with one byte changed is not a record.
        let record = try XCTUnwrap(cacheFiles(site).keys.first { $0.hasPrefix("build-") })
        var text = try String(contentsOf: folder.appendingPathComponent(record), encoding: .utf8)
        text = text.replacingOccurrences(of: "files ", with: "files 9")
        try Data(text.utf8).write(to: folder.appendingPathComponent(record))
        XCTAssertNotEqual(site.build().filesWritten, 0)
    }

    func testTheSameOutputThroughAnotherPathIsNotMistakenForTheLastBuild() throws {
        let site = try FixtureSite("minimal")
        defer { site.remove() }
        let alias = site.root.appendingPathComponent("alias")
        try FileManager.default.createSymbolicLink(at: alias, withDestinationURL: site.root)
        let page = "recommendations/calendar.fr.md", built = "fr/recommandations/calendar/index.html"
        let original = try site.read(page, in: site.content)
        XCTAssertTrue(site.build().succeeded)
        try site.write(page, original + "\nPar l'autre chemin.\n")
        XCTAssertTrue(site.build(output: alias.appendingPathComponent("output")).succeeded)
        XCTAssertTrue(try site.read(built).contains("Par l'autre chemin."))
        try site.write(page, original)
        XCTAssertTrue(site.build().succeeded)
        XCTAssertFalse(try site.read(built).contains("Par l'autre chemin."), "the first path's record was made for another tree")
    }

    /// The record's files are read side by side with a new listing: a file added, removed or
    /// changed in the middle leaves the files after it found by path, each with its own state.
    func testRecordedStatesAreFoundBesideTheListingAndByPathWhereTheListsPart() {
        var recorded = BuildCache.RecordedFiles()
        let states = (0..<6).map { BuildCache.FileState(size: Int64($0), mtime: (Int64($0), 0), hash: UInt64(100 + $0)) }
        for (index, path) in ["content/a.md", "content/b.md", "content/c.md", "content/é.md", "themes/x", "themes/y"].enumerated() {
            var bytes = Array(path.utf8)
            bytes.withUnsafeMutableBufferPointer { recorded.append(path: UnsafeBufferPointer($0), state: states[index]) }
        }
        func file(_ path: String, _ state: Int) -> BuildCache.InputListing.File { (path, path, Int64(state), (Int64(state), 0)) }
        let same = [file("content/a.md", 0), file("content/b.md", 1), file("content/c.md", 2), file("content/é.md", 3), file("themes/x", 4), file("themes/y", 5)]
        XCTAssertEqual(BuildCache.keptStates(of: same, in: recorded).map { $0?.hash }, [100, 101, 102, 103, 104, 105])
        // b.md removed, bb.md added, é.md changed in size: the rest by path.
        let changed = [file("content/a.md", 0), file("content/bb.md", 1), file("content/c.md", 2), file("content/é.md", 9), file("themes/x", 4), file("themes/y", 5)]
        XCTAssertEqual(BuildCache.keptStates(of: changed, in: recorded).map { $0?.hash }, [100, nil, 102, nil, 104, 105])
        // A listing longer or shorter than the record, and no record.
        XCTAssertEqual(BuildCache.keptStates(of: same + [file("themes/z", 6)], in: recorded).map { $0?.hash }, [100, 101, 102, 103, 104, 105, nil])
        XCTAssertEqual(BuildCache.keptStates(of: Array(same.dropFirst()), in: recorded).map { $0?.hash }, [101, 102, 103, 104, 105])
        XCTAssertEqual(BuildCache.keptStates(of: same, in: nil).map { $0?.hash }, [nil, nil, nil, nil, nil, nil])
    }
}
