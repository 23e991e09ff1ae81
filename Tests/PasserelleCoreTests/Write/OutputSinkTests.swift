import Foundation
import XCTest
@testable import PasserelleOutput

final class OutputSinkTests: XCTestCase {
    func testAReplacementWritesOnlyWhenFinishedAndNothingWhenDiscarded() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sink-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("output")
        let writer = OutputWriter(output: output)
        do {
            let staging = try writer.begin(holding: try writer.lock(wait: 1))
            staging.write("a.html", .text("A"))
            try staging.finish()
        }
        let read = { try String(contentsOf: output.appendingPathComponent("a.html"), encoding: .utf8) }
        let lock = try writer.lock(wait: 1)
        let discarded = InPlaceReplacement(writer: writer, current: try XCTUnwrap(writer.intactManifest()), holding: lock)
        discarded.write("a.html", .text("never"))
        discarded.discard()
        try discarded.finish()
        XCTAssertEqual(try read(), "A", "discarded writes are gone; finishing after that writes nothing")
        let replacement = InPlaceReplacement(writer: writer, current: try XCTUnwrap(writer.intactManifest()), holding: lock)
        replacement.write("a.html", .text("A2"))
        XCTAssertEqual(try read(), "A", "not before finish")
        try replacement.finish()
        XCTAssertEqual(try read(), "A2")
    }
}
