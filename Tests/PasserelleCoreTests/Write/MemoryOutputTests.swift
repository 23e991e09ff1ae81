import Foundation
import XCTest
@testable import PasserelleCore
@testable import PasserelleOutput

/// The output `serve` serves: a reader sees one finished build, never one in progress.
final class MemoryOutputTests: XCTestCase {
    private let theme = URL(fileURLWithPath: "/nonexistent-theme")

    func testAFullBuildIsPublishedWholeWhenItFinishes() throws {
        let output = MemoryOutput()
        XCTAssertNil(output.current)
        XCTAssertNil(output.intactManifest())
        let (sink, tree) = try output.fullBuild(theme: theme)
        sink.write("fr/a/index.html", .text("a"))
        sink.write("index.html", .bytes(Array("root".utf8)))
        XCTAssertNil(output.current, "nothing is served before the build finishes")
        try sink.finish()
        XCTAssertEqual(output.currentTree(), tree)
        XCTAssertEqual(output.current?.files["fr/a/index.html"], Array("a".utf8))
        XCTAssertEqual(output.current?.folders, ["fr", "fr/a"])

        let (next, _) = try output.fullBuild(theme: theme)
        next.write("other.html", .text("b"))
        next.discard()
        XCTAssertEqual(output.current?.files.keys.sorted(), ["fr/a/index.html", "index.html"], "a discarded build leaves the last one")
    }

    func testAReplacementKeepsTheTreeAndChangesTheIdentity() throws {
        let output = MemoryOutput()
        let (sink, _) = try output.fullBuild(theme: theme)
        sink.write("a.html", .text("1"))
        sink.write("b.html", .text("2"))
        try sink.finish()
        let before = try XCTUnwrap(output.identity())
        let manifest = try XCTUnwrap(output.intactManifest())
        let replacement = try output.replacement(current: manifest, theme: theme)
        replacement.write("a.html", .text("one"))
        try replacement.finish()
        let after = try XCTUnwrap(output.identity())
        XCTAssertEqual(after.inode, before.inode, "the same tree")
        XCTAssertNotEqual(after, before, "a record of the tree before is not trusted after")
        XCTAssertEqual(output.current?.files["a.html"], Array("one".utf8))
        XCTAssertEqual(output.current?.files["b.html"], Array("2".utf8))
        XCTAssertEqual(output.currentFile("a.html"), Array("one".utf8), "what a text edit carries over")
        XCTAssertNil(output.currentFile("c.html"))
    }

    func testDiscardingOutputKeepsNothing() throws {
        let sink = DiscardingOutput()
        sink.write("a.html", .text("x"))
        try sink.finish()
    }
}
