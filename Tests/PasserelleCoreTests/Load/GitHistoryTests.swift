import Foundation
import XCTest
@testable import PasserelleCore
@testable import PasserelleIncremental
@testable import PasserellePages
@testable import PasserelleResolve
@testable import PasserelleTemplates

final class GitHistoryTests: XCTestCase {
    func git(_ arguments: [String], in folder: URL, date: String? = nil) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder.path] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_AUTHOR_NAME"] = "t"; environment["GIT_AUTHOR_EMAIL"] = "t@example.org"
        environment["GIT_COMMITTER_NAME"] = "t"; environment["GIT_COMMITTER_EMAIL"] = "t@example.org"
        if let date { environment["GIT_AUTHOR_DATE"] = date; environment["GIT_COMMITTER_DATE"] = date }
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, arguments.joined(separator: " "))
    }

    func testLastCommitDayOfEachFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("git-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = folder.appendingPathComponent("content/s")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try git(["init", "-q"], in: folder)
        try Data("a".utf8).write(to: content.appendingPathComponent("x.fr.md"))
        try Data("a".utf8).write(to: content.appendingPathComponent("x.en.md"))
        try git(["add", "."], in: folder)
        try git(["commit", "-q", "-m", "first"], in: folder, date: "2005-01-10T12:00:00Z")
        try Data("b".utf8).write(to: content.appendingPathComponent("x.fr.md"))
        try git(["commit", "-q", "-am", "second"], in: folder, date: "2005-03-01T12:00:00Z")
        let days = GitHistory.lastCommitDays(in: folder.appendingPathComponent("content"))
        XCTAssertEqual(days["s/x.fr.md"]?.iso, "2005-03-01")
        XCTAssertEqual(days["s/x.en.md"]?.iso, "2005-01-10")
        XCTAssertEqual(GitHistory.lastCommitDays(in: FileManager.default.temporaryDirectory.appendingPathComponent("nowhere-\(UUID())")), [:])
    }
}
