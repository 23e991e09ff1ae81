import CFileTree
import Foundation
import XCTest
@testable import PasserelleCore
@testable import PasserelleIncremental
@testable import PasserellePages
@testable import PasserelleResolve
@testable import PasserelleTemplates

/// The tree a build swaps out is kept and updated by the next build: only changed files are
/// written, and the result is always the same as a clean build's.
final class OutputWriterTests: XCTestCase {
    /// A build that writes: without the build cache, which would skip builds of unchanged content.
    private func build(_ site: FixtureSite, output: URL? = nil) -> Bool {
        try? FileManager.default.removeItem(at: site.root.appendingPathComponent(".passerelle-cache"))
        return site.build(output: output).succeeded
    }

    func testKeptTreeIsReusedAndAlwaysMatchesACleanBuild() throws {
        let site = try FixtureSite("bilingual")
        defer { site.remove() }
        let home = site.output.appendingPathComponent("fr/index.html")
        XCTAssertTrue(build(site))
        let firstTime = try FixtureSite.modificationTime(home)
        XCTAssertTrue(build(site))
        let spare = site.root.appendingPathComponent(".output.passerelle/spare")
        XCTAssertTrue(FileManager.default.fileExists(atPath: spare.appendingPathComponent("fr/index.html").path))
        Thread.sleep(forTimeInterval: 0.05)
        // The third build updates the first build's tree: an unchanged page is not written again.
        XCTAssertTrue(build(site))
        XCTAssertEqual(try FixtureSite.modificationTime(home), firstTime)

        // Content changes, a page removed, and files added by hand to the published tree.
        for language in ["fr", "en"] {
            try FileManager.default.removeItem(at: site.content.appendingPathComponent("recommendations/zebra.\(language).md"))
        }
        let yaml = try site.read("site.yaml", in: site.content)
        try site.write("site.yaml", yaml + "\n")
        try Data("stray".utf8).write(to: site.output.appendingPathComponent("fr/stray.txt"))
        try FileManager.default.createDirectory(at: site.output.appendingPathComponent("stray/deeper"), withIntermediateDirectories: true)
        for _ in 0..<3 {
            XCTAssertTrue(build(site))
            let clean = site.root.appendingPathComponent("clean")
            try? FileManager.default.removeItem(at: clean)
            XCTAssertTrue(build(site, output: clean))
            let built = FixtureSite.snapshot(site.output), expected = FixtureSite.snapshot(clean)
            XCTAssertEqual(built.keys.sorted(), expected.keys.sorted())
            for key in built.keys where built[key] != expected[key] { XCTFail("\(key) differs from a clean build") }
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("stray").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("fr/recommandations/zebra").path))
    }

    func testATreeWithoutItsManifestIsNotReused() throws {
        let site = try FixtureSite("minimal")
        defer { site.remove() }
        XCTAssertTrue(build(site))
        XCTAssertTrue(build(site))
        // A build killed while updating the kept tree leaves it without a manifest.
        let state = site.root.appendingPathComponent(".output.passerelle")
        for name in try FileManager.default.contentsOfDirectory(atPath: state.path) where name.hasPrefix("manifest-") {
            try FileManager.default.removeItem(at: state.appendingPathComponent(name))
        }
        let page = try XCTUnwrap(FixtureSite.snapshot(state.appendingPathComponent("spare")).keys.first { $0.hasSuffix(".html") })
        try Data("half-written".utf8).write(to: state.appendingPathComponent("spare/" + page))
        XCTAssertTrue(build(site))
        XCTAssertTrue(build(site))
        XCTAssertNotEqual(try site.read(page), "half-written")
        XCTAssertNotEqual(try String(contentsOf: state.appendingPathComponent("spare/" + page), encoding: .utf8), "half-written")
    }

    func testAFileOfTheKeptTreeChangedByHandIsWrittenAgain() throws {
        let site = try FixtureSite("minimal")
        defer { site.remove() }
        XCTAssertTrue(build(site))
        XCTAssertTrue(build(site))
        // The manifest of the kept tree is intact, but one of its files is not what it says.
        let spare = site.root.appendingPathComponent(".output.passerelle/spare")
        let pages = FixtureSite.snapshot(spare).keys.filter { $0.hasSuffix(".html") }.sorted()
        let edited = try XCTUnwrap(pages.first), removed = try XCTUnwrap(pages.last)
        XCTAssertNotEqual(edited, removed)
        try Data("changed by hand".utf8).write(to: spare.appendingPathComponent(edited))
        try FileManager.default.removeItem(at: spare.appendingPathComponent(removed))
        XCTAssertTrue(build(site))
        let clean = site.root.appendingPathComponent("clean")
        XCTAssertTrue(build(site, output: clean))
        XCTAssertEqual(try site.read(edited), try String(contentsOf: clean.appendingPathComponent(edited), encoding: .utf8))
        XCTAssertEqual(try site.read(removed), try String(contentsOf: clean.appendingPathComponent(removed), encoding: .utf8))
    }

    func testReplacingInPlaceWritesOnlyNewBytesAndLeavesTheOutputIntact() throws {
        let site = try FixtureSite("minimal")
        defer { site.remove() }
        XCTAssertTrue(build(site))
        let writer = OutputWriter(output: site.output)
        let current = try XCTUnwrap(writer.intactManifest())
        let manifest = try XCTUnwrap(OutputManifest(current))
        let pages = manifest.entries.keys.filter { $0.hasSuffix(".html") }.sorted()
        let changed = pages[0], same = pages[1]
        let sameFile = site.output.appendingPathComponent(same)
        let sameBytes = try Data(contentsOf: sameFile), sameTime = try FixtureSite.modificationTime(sameFile)
        let tree = passerelle_inode(site.output.path)
        let lock = try writer.lock(wait: 0)
        Thread.sleep(forTimeInterval: 0.05)
        let outcome = try writer.replaceInPlace([(changed, .text("new")), (same, .data(sameBytes)), ("fr/added/file.txt", .text("added"))],
                                                current: current, holding: lock)
        XCTAssertEqual(outcome, 2)
        XCTAssertEqual(try site.read(changed), "new")
        XCTAssertEqual(try site.read("fr/added/file.txt"), "added")
        XCTAssertEqual(try FixtureSite.modificationTime(sameFile), sameTime, "a file with the same bytes is not written")
        XCTAssertEqual(passerelle_inode(site.output.path), tree)
        XCTAssertFalse(FixtureSite.snapshot(site.output).keys.contains { $0.contains(".passerelle-new") })
        XCTAssertFalse(FileManager.default.fileExists(atPath: writer.stateFolder.appendingPathComponent("incoming-\(getpid())").path))
        // The new manifest describes the output as it is now, folders included.
        let afterFile = try XCTUnwrap(writer.intactManifest())
        let after = try XCTUnwrap(OutputManifest(afterFile))
        XCTAssertEqual(after.entries.count, manifest.entries.count + 1)
        XCTAssertTrue(after.folders.contains("fr/added"))
        XCTAssertNotNil(after.folderTimes["fr/added"])
        XCTAssertEqual(after.entries[changed]?.size, 3)
        // Once more, from the updated manifest: it reads back as the whole manifest would.
        XCTAssertEqual(try writer.replaceInPlace([(changed, .text("newer"))], current: afterFile, holding: lock), 1)
        let againFile = try XCTUnwrap(writer.intactManifest())
        let again = try XCTUnwrap(OutputManifest(againFile))
        XCTAssertEqual(Set(again.entries.keys), Set(after.entries.keys))
        XCTAssertEqual(again.entries[changed]?.size, 5)
        XCTAssertEqual(again.folderTimes.count, after.folderTimes.count)

        // A write that fails (a file where a folder should be) leaves every file as it was.
        let before = FixtureSite.snapshot(site.output)
        XCTAssertThrowsError(try writer.replaceInPlace([(same, .text("lost")), (changed + "/inside", .text("x"))], current: againFile, holding: lock))
        XCTAssertEqual(FixtureSite.snapshot(site.output), before)
        // A rename that fails (a folder where the new file should go) puts back the file already replaced.
        XCTAssertThrowsError(try writer.replaceInPlace([(same, .text("lost again")), ("fr", .text("not a folder"))], current: againFile, holding: lock))
        XCTAssertEqual(FixtureSite.snapshot(site.output), before)
        XCTAssertFalse(FileManager.default.fileExists(atPath: writer.stateFolder.appendingPathComponent("incoming-\(getpid())").path))
    }
}
