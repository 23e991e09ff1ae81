import PasserelleModel
import PasserelleOutput
import Foundation

/// The date of the last commit that touched each file of a folder, when the folder is in a git checkout.
public enum GitHistory {
    /// Paths relative to `folder` → day of their last commit (UTC). Empty when git or the checkout is missing.
    public static func lastCommitDays(in folder: URL) -> [String: CalendarDate] {
        guard let output = run(["git", "-C", folder.path, "log", "--format=%x00%ct", "--name-only", "--relative", "--no-renames", "--", "."]) else {
            return [:]
        }
        var days: [String: CalendarDate] = [:]
        var current: CalendarDate?
        for line in output.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("\u{0}") {
                current = TimeInterval(line.dropFirst()).map { CalendarDate(Date(timeIntervalSince1970: $0)) }
            } else if let current, days[String(line)] == nil {
                // `git log` lists the newest commits first: the first date seen for a path is its last change.
                days[String(line)] = current
            }
        }
        return days
    }

    /// The text of the blob `id` (or a unique abbreviation of it) in the repository holding
    /// `folder`, when git has it; nil without git, a checkout, or the object.
    public static func blobText(_ id: String, in folder: URL) -> String? {
        guard GitBlobID.isAbbreviation(id) else { return nil }
        return run(["git", "-C", folder.path, "cat-file", "blob", id])
    }

    /// What identifies the history of the repository holding `folder` (its HEAD and the branch it
    /// points to), read from the files of `.git` without running git; empty outside a repository.
    public static func state(around folder: URL) -> String {
        var directory = folder.standardizedFileURL
        while directory.path != "/" {
            var git = directory.appendingPathComponent(".git")
            if let pointer = try? String(contentsOf: git, encoding: .utf8), pointer.hasPrefix("gitdir: ") {
                git = URL(fileURLWithPath: pointer.dropFirst(8).trimmingCharacters(in: .whitespacesAndNewlines), relativeTo: directory)
            }
            if let head = try? String(contentsOf: git.appendingPathComponent("HEAD"), encoding: .utf8) {
                var state = head
                if head.hasPrefix("ref: ") {
                    let ref = head.dropFirst(5).trimmingCharacters(in: .whitespacesAndNewlines)
                    state += (try? String(contentsOf: git.appendingPathComponent(ref), encoding: .utf8))
                        ?? (try? String(contentsOf: git.appendingPathComponent("packed-refs"), encoding: .utf8)) ?? ""
                }
                return state
            }
            directory = directory.deletingLastPathComponent()
        }
        return ""
    }

    private static func run(_ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
