import Foundation
import XCTest
@testable import PasserelleCore
@testable import PasserelleIncremental
@testable import PasserellePages
@testable import PasserelleResolve
@testable import PasserelleTemplates

final class FileStatusTests: XCTestCase {
    func testStatusesOfFilesAndFoldersInTheOrderAsked() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("file-status-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("a é/b"), withIntermediateDirectories: true)
        try Data("12345".utf8).write(to: root.appendingPathComponent("a é/b/index.html"))
        try Data().write(to: root.appendingPathComponent("top.txt"))
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("link"), withDestinationURL: root.appendingPathComponent("top.txt"))

        // More paths than one batch holds, so that batches meet in the middle.
        let paths = (0..<5_000).map { ["a é/b/index.html", "missing", "top.txt", "a é", "link"][$0 % 5] }
        let files = FileStatus.of(paths, under: root.path)
        XCTAssertEqual(files.count, paths.count)
        for (path, status) in zip(paths, files) {
            switch path {
            case "a é/b/index.html": XCTAssertEqual(status?.size, 5)
            case "top.txt": XCTAssertEqual(status?.size, 0)
            default: XCTAssertNil(status, "\(path) is not a regular file") // missing, a folder, a link
            }
        }
        let attributes = try FileManager.default.attributesOfItem(atPath: root.appendingPathComponent("top.txt").path)
        let modified = try XCTUnwrap(attributes[.modificationDate] as? Date).timeIntervalSince1970
        let seconds = try XCTUnwrap(files[2]).mtime.0
        XCTAssertEqual(Double(seconds), modified.rounded(.down), accuracy: 1)

        let folders = FileStatus.of(["", "a é", "a é/b", "top.txt", "nowhere"], under: root.path, folders: true)
        XCTAssertNotNil(folders[0])
        XCTAssertNotNil(folders[1])
        XCTAssertNotNil(folders[2])
        XCTAssertNil(folders[3])
        XCTAssertNil(folders[4])
        XCTAssertTrue(FileStatus.of(["top.txt"], under: root.path + "/nowhere").allSatisfy { $0 == nil })
    }
}
