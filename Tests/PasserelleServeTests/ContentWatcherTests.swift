import Foundation
import XCTest
@testable import PasserelleServe

final class ContentWatcherTests: XCTestCase {
    func testEditsNewFilesAndFilesInNewFoldersAreChanges() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("events"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("a".utf8).write(to: folder.appendingPathComponent("events/a.fr.md"))
        let watcher = ContentWatcher(folders: [folder])
        XCTAssertEqual(watcher.method, "inotify", "Linux has inotify")
        XCTAssertFalse(watcher.hasChanges())
        try Data("a, edited".utf8).write(to: folder.appendingPathComponent("events/a.fr.md"))
        XCTAssertTrue(watcher.hasChanges())
        XCTAssertFalse(watcher.hasChanges(), "each change is reported once")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("projects"), withIntermediateDirectories: true)
        XCTAssertTrue(watcher.hasChanges())
        try Data("b".utf8).write(to: folder.appendingPathComponent("projects/b.fr.md"))
        XCTAssertTrue(watcher.hasChanges(), "a new folder is watched from then on")
        try FileManager.default.removeItem(at: folder.appendingPathComponent("events/a.fr.md"))
        XCTAssertTrue(watcher.hasChanges())
    }
}
