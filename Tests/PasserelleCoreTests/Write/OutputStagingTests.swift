import CFileTree
import Foundation
import XCTest
@testable import PasserelleOutput

/// The folder a full build fills: written from many threads, swapped in whole, reusing the tree
/// the build before swapped out (files whose bytes are the same are not written again).
final class OutputStagingTests: XCTestCase {
    var root: URL!
    var output: URL { root.appendingPathComponent("output") }

    override func setUpWithError() throws {
        root = try FixtureSite.temporaryFolder("staging")
    }

    override func tearDown() { try? FileManager.default.removeItem(at: root) }

    func build(_ files: [String: String]) throws {
        let writer = OutputWriter(output: output)
        let staging = try writer.begin(holding: try writer.lock(wait: 1))
        Array(files).concurrentMapForTests { staging.write($0.key, .text($0.value)) }
        try staging.finish()
    }

    func listing() -> [String: String] {
        FixtureSite.snapshot(output).filter { $0.key != OutputWriter.marker }.mapValues { String(decoding: $0, as: UTF8.self) }
    }

    func testEachBuildsFilesExactlyWhateverTheBuildBeforeLeft() throws {
        try build(["a.html": "A", "fr/b.html": "B", "fr/old/c.html": "C"])
        XCTAssertEqual(listing(), ["a.html": "A", "fr/b.html": "B", "fr/old/c.html": "C"])
        try build(["a.html": "A", "fr/b.html": "B, changed", "en/d.html": "D"])
        XCTAssertEqual(listing(), ["a.html": "A", "fr/b.html": "B, changed", "en/d.html": "D"], "removed files and folders are gone")
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.appendingPathComponent("fr/old").path))
        try build(["a.html": "A"])
        XCTAssertEqual(listing(), ["a.html": "A"])
    }

    func testTheManifestOfATreeNamesTheFoldersOfItsFilesFreshOrReused() throws {
        let files = ["a.html": "A", "fr/b/index.html": "B", "fr/b/c/index.html": "C", "en/d/index.html": "D"]
        for round in 1...3 { // a fresh folder, then a new one beside the kept tree, then the kept tree filled again
            try build(round == 3 ? files.filter { $0.key != "en/d/index.html" } : files)
            let writer = OutputWriter(output: output)
            let manifest = try XCTUnwrap(OutputManifest(contentsOf: writer.manifestURL(inode: passerelle_inode(output.path))))
            XCTAssertEqual(manifest.folders, round == 3 ? ["fr", "fr/b", "fr/b/c"] : ["fr", "fr/b", "fr/b/c", "en", "en/d"], "round \(round)")
            XCTAssertEqual(Set(manifest.folderTimes.keys), manifest.folders.union([""]), "round \(round): every folder's time recorded")
        }
    }

    func testAnUnchangedFileOfTheReusedTreeIsNotWrittenAgain() throws {
        try build(["a.html": "A", "b.html": "B"])
        let first = try FixtureSite.modificationTime(output.appendingPathComponent("a.html"))
        Thread.sleep(forTimeInterval: 0.02)
        try build(["a.html": "A", "b.html": "B"]) // a new tree: the first is kept aside as the spare
        Thread.sleep(forTimeInterval: 0.02)
        try build(["a.html": "A", "b.html": "B, changed"]) // fills the spare: a.html is already right there
        XCTAssertEqual(try FixtureSite.modificationTime(output.appendingPathComponent("a.html")), first)
        XCTAssertEqual(listing()["b.html"], "B, changed")
    }

    func testADiscardedBuildLeavesTheOutputAndNoFolderBesideIt() throws {
        try build(["a.html": "A"])
        let writer = OutputWriter(output: output)
        let staging = try writer.begin(holding: try writer.lock(wait: 1))
        staging.write("a.html", .text("never"))
        staging.discard()
        XCTAssertEqual(listing(), ["a.html": "A"])
        let beside = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.contains("passerelle-new") }
        XCTAssertEqual(beside, [])
    }
}

private extension Array where Element: Sendable {
    /// Runs `body` on every element from several threads at once, as render jobs write.
    func concurrentMapForTests(_ body: @Sendable (Element) -> Void) {
        DispatchQueue.concurrentPerform(iterations: count) { body(self[$0]) }
    }
}
