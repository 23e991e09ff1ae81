import CFileTree
import Foundation

/// Writes a build into a temporary folder beside the output folder, then swaps it in,
/// so that a failed or interrupted build never leaves a half-written `output/`.
public struct OutputWriter {
    /// The file that marks a folder as written by Passerelle.
    public static let marker = ".passerelle-output"

    public let output: URL
    /// Replace an output folder even if Passerelle did not write it (`--force`).
    public let force: Bool

    public init(output: URL, force: Bool = false) {
        self.output = output.standardizedFileURL
        self.force = force
    }

    public enum Failure: Error, CustomStringConvertible {
        case refused(String)
        case io(String)
        public var description: String {
            switch self { case let .refused(message), let .io(message): return message }
        }
    }

    /// Checks that `output` may be replaced: not `/`, not the home folder, not inside or equal to `content`,
    /// and either absent, empty, or written by Passerelle before.
    public func checkOwnership(content: URL) throws {
        let path = output.path
        let home = FileManager.default.homeDirectoryForCurrentUser.standardizedFileURL.path
        let contentPath = content.standardizedFileURL.path
        if path == "/" || path == home || path == contentPath || contentPath.hasPrefix(path + "/") || path.hasPrefix(contentPath + "/") {
            throw Failure.refused("refusing to write the output to '\(path)': choose a folder of its own, outside the content")
        }
        let fm = FileManager.default
        guard let items = try? fm.contentsOfDirectory(atPath: path) else { return }
        if items.contains(OutputWriter.marker) || force { return }
        if items.allSatisfy({ $0 == ".gitkeep" || $0 == ".DS_Store" }) { return }
        throw Failure.refused("refusing to replace '\(path)': it holds files that Passerelle did not write (no \(OutputWriter.marker) file); use --force to replace it")
    }

    /// Removes temporary folders left by interrupted builds.
    func removeStaleTemporaries() {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        let prefix = "." + output.lastPathComponent + ".passerelle-"
        for name in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? [] where name.hasPrefix(prefix) {
            _ = passerelle_remove_tree(parent.appendingPathComponent(name).path)
        }
    }

    /// Writes `pages` and copies `files` (destination → source) into a fresh folder, then swaps it with `output`.
    public func write(pages: [PageRenderer.Page], copies: [(String, URL)]) throws {
        let fm = FileManager.default
        removeStaleTemporaries()
        let parent = output.deletingLastPathComponent()
        try? fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent("." + output.lastPathComponent + ".passerelle-new-\(getpid())")
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            var folders = Set<String>()
            for path in pages.map(\.path) + copies.map(\.0) {
                var folder = (path as NSString).deletingLastPathComponent
                while !folder.isEmpty, folders.insert(folder).inserted {
                    folder = (folder as NSString).deletingLastPathComponent
                }
            }
            // Parents sort before their children, so one mkdir each is enough.
            for folder in folders.sorted() {
                let path = staging.path + "/" + folder
                if mkdir(path, 0o755) != 0 && errno != EEXIST { throw Failure.io("cannot create \(folder): \(String(cString: strerror(errno)))") }
            }
            let root = staging.path + "/"
            let failures = pages.concurrentMap { page -> String? in
                var content = page.content
                let error = content.withUTF8 { passerelle_write_file(root + page.path, $0.baseAddress, $0.count) }
                return error == 0 ? nil : "\(page.path): \(String(cString: strerror(error)))"
            }.compactMap { $0 }
            if let failure = failures.first { throw Failure.io("cannot write \(failure)") }
            for (destination, source) in copies {
                try fm.copyItem(at: source, to: staging.appendingPathComponent(destination))
            }
            try Data("Written by Passerelle. This folder is replaced by every build.\n".utf8)
                .write(to: staging.appendingPathComponent(OutputWriter.marker))
            try swapIn(staging)
        } catch {
            _ = passerelle_remove_tree(staging.path)
            if let failure = error as? Failure { throw failure }
            throw Failure.io("cannot write the output: \(error.localizedDescription)")
        }
    }

    /// Replaces `output` by `staging`: atomically with `renameat2(RENAME_EXCHANGE)` where the system has it.
    private func swapIn(_ staging: URL) throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: output.path) {
            if passerelle_exchange_paths(staging.path, output.path) == 0 {
                _ = passerelle_remove_tree(staging.path)
                return
            }
            let old = output.deletingLastPathComponent()
                .appendingPathComponent("." + output.lastPathComponent + ".passerelle-old-\(getpid())")
            try fm.moveItem(at: output, to: old)
            do { try fm.moveItem(at: staging, to: output) } catch {
                try? fm.moveItem(at: old, to: output)
                throw error
            }
            _ = passerelle_remove_tree(old.path)
        } else {
            try fm.moveItem(at: staging, to: output)
        }
    }
}
