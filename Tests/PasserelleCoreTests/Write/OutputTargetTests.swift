import Foundation
import XCTest
@testable import PasserelleOutput

/// A folder output through the interface the build uses: a full build's sink, a text edit's
/// replacement, and what the build cache binds itself to.
final class OutputTargetTests: XCTestCase {
    var root: URL!
    var output: URL { root.appendingPathComponent("output") }
    var theme: URL { root.appendingPathComponent("theme") }

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("target-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: theme, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: root) }

    func target() throws -> FolderOutput {
        let writer = OutputWriter(output: output)
        return FolderOutput(writer: writer, content: root.appendingPathComponent("content"), lock: try writer.lock(wait: 1))
    }

    func read(_ path: String) throws -> String { try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8) }

    func testAFullBuildBecomesTheOutputOnlyWhenFinished() throws {
        var identity: OutputIdentity?
        do {
            let first = try target()
            XCTAssertNil(first.identity(), "no output yet")
            let (sink, _) = try first.fullBuild(theme: theme)
            sink.write("index.html", .text("one"))
            sink.write("fr/index.html", .text("un"))
            XCTAssertFalse(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path), "nothing before finish")
            try sink.finish()
            XCTAssertEqual(try read("fr/index.html"), "un")
            identity = first.identity()
            XCTAssertNotNil(identity)
            XCTAssertNotNil(first.intactManifest())
        }
        let second = try target()
        let (discarded, _) = try second.fullBuild(theme: theme)
        discarded.write("index.html", .text("two"))
        discarded.discard()
        XCTAssertEqual(try read("index.html"), "one", "a discarded build leaves the output as it was")
        XCTAssertEqual(second.identity(), identity)
    }

    func testATextEditReplacesItsFilesWhereTheyAre() throws {
        var identityBefore: OutputIdentity?
        do {
            let build = try target()
            let (sink, _) = try build.fullBuild(theme: theme)
            sink.write("a.html", .text("A"))
            sink.write("b.html", .text("B"))
            try sink.finish()
            identityBefore = build.identity()
        }
        let edit = try target()
        let manifest = try XCTUnwrap(edit.intactManifest())
        let tree = edit.currentTree()
        let replacement = try edit.replacement(current: manifest, theme: theme)
        replacement.write("b.html", .text("B, edited"))
        try replacement.finish()
        XCTAssertEqual(try read("b.html"), "B, edited")
        XCTAssertEqual(try read("a.html"), "A")
        XCTAssertEqual(edit.currentTree(), tree, "the same tree, not a new one")
        XCTAssertNotEqual(edit.identity(), identityBefore, "the manifest changed with the file")
        XCTAssertNotNil(edit.intactManifest())
        // What a text edit carries over from the output: its files as they are, never through a link.
        XCTAssertEqual(edit.currentFile("b.html"), Array("B, edited".utf8))
        XCTAssertNil(edit.currentFile("missing.html"))
        try FileManager.default.createSymbolicLink(atPath: output.appendingPathComponent("link.html").path, withDestinationPath: "a.html")
        XCTAssertNil(edit.currentFile("link.html"))
    }

    func testAnOutputInsideTheThemeIsRefused() throws {
        let writer = OutputWriter(output: theme.appendingPathComponent("out"))
        let inside = FolderOutput(writer: writer, content: root.appendingPathComponent("content"), lock: try writer.lock(wait: 1))
        XCTAssertThrowsError(try inside.fullBuild(theme: theme))
    }
}
