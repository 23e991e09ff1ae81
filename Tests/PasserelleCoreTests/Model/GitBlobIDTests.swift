import Foundation
import XCTest
@testable import PasserelleModel

/// Blob ids as `git hash-object` prints them, computed without git.
final class GitBlobIDTests: XCTestCase {
    func testKnownBlobIDs() {
        XCTAssertEqual(GitBlobID.of([UInt8]()), "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391", "git's empty blob")
        XCTAssertEqual(GitBlobID.of(Array("hello\n".utf8)), "ce013625030ba8dba906f756967f9e9ca394464a")
        XCTAssertEqual(GitBlobID.of(Array("a\r\nb\r\n".utf8)), "c30dea8a3641ea99b125d04d599d843712292759", "bytes as they are, CRs kept")
    }

    func testAgainstGitItself() throws {
        let folder = try FixtureSite.temporaryFolder("blob")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in [("a", ""), ("b", "x"), ("c", String(repeating: "é", count: 1000)), ("d", String(repeating: "0123456789", count: 6) + "abcd")] {
            let file = folder.appendingPathComponent(name)
            try Data(text.utf8).write(to: file)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "hash-object", file.path]
            let out = Pipe()
            process.standardOutput = out
            try process.run()
            let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            process.waitUntilExit()
            XCTAssertEqual(GitBlobID.of(Array(text.utf8)), printed, "\(text.utf8.count) bytes")
        }
    }

    func testAbbreviations() {
        XCTAssertTrue(GitBlobID.isAbbreviation("3f2a9c1"))
        XCTAssertTrue(GitBlobID.isAbbreviation("E69DE29BB2D1D6434B8B29AE775AD8C2E48C5391"))
        XCTAssertFalse(GitBlobID.isAbbreviation("3f2a9c"), "six digits are too few")
        XCTAssertFalse(GitBlobID.isAbbreviation("3f2a9cg"))
        XCTAssertFalse(GitBlobID.isAbbreviation(String(repeating: "a", count: 41)))
    }
}
