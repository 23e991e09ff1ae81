import Foundation
import XCTest
@testable import PasserelleOutput

final class OutputWriterInPlaceTests: XCTestCase {
    var root: URL!
    var output: URL { root.appendingPathComponent("output") }

    override func setUpWithError() throws {
        root = try FixtureSite.temporaryFolder("inplace")
        let writer = OutputWriter(output: output)
        let staging = try writer.begin(holding: try writer.lock(wait: 1))
        staging.write("a.html", .text("A"))
        staging.write("fr/b.html", .text("B"))
        try staging.finish()
    }

    override func tearDown() { try? FileManager.default.removeItem(at: root) }

    func testOnlyChangedFilesAreReplacedAndTheManifestFollows() throws {
        let writer = OutputWriter(output: output)
        let lock = try writer.lock(wait: 1)
        let current = try XCTUnwrap(writer.intactManifest())
        let tree = passerelle_inode_for_tests(output.path)
        let untouched = try FixtureSite.modificationTime(output.appendingPathComponent("a.html"))
        Thread.sleep(forTimeInterval: 0.02)
        let replaced = try writer.replaceInPlace([("a.html", .text("A")), ("fr/b.html", .text("B, edited"))], current: current, holding: lock)
        XCTAssertEqual(replaced, 1, "a.html held the same bytes")
        XCTAssertEqual(try String(contentsOf: output.appendingPathComponent("fr/b.html"), encoding: .utf8), "B, edited")
        XCTAssertEqual(try FixtureSite.modificationTime(output.appendingPathComponent("a.html")), untouched)
        XCTAssertEqual(passerelle_inode_for_tests(output.path), tree, "the same folder")
        let manifest = try XCTUnwrap(writer.intactManifest(), "written anew, and intact")
        XCTAssertNotEqual(manifest, current)
        let left = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { !$0.hasSuffix(".html") && $0 != "fr" && $0 != OutputWriter.marker }
        XCTAssertEqual(left, [], "no temporary file in the output")
    }
}

/// The inode of a path (0 when it has none).
private func passerelle_inode_for_tests(_ path: String) -> UInt64 {
    var status = stat()
    return lstat(path, &status) == 0 ? UInt64(status.st_ino) : 0
}
