import PasserelleModel
import Foundation

/// A build's output kept in memory: what `serve` serves. A full build replaces the whole site at
/// once when it finishes, a text edit the files it rewrote; a reader always sees one finished
/// build, never a build in progress.
public final class MemoryOutput: OutputTarget, @unchecked Sendable {
    /// The files of one finished build, and its folders.
    public struct Site: Sendable {
        public let files: [String: [UInt8]]
        /// Every folder holding a file (`fr`, `fr/recommandations`…), without the root.
        public let folders: Set<String>

        public init(files: [String: [UInt8]]) {
            self.files = files
            var folders = Set<String>()
            for path in files.keys {
                var path = Substring(path)
                while let slash = path.lastIndex(of: "/") {
                    path = path[..<slash]
                    guard folders.insert(String(path)).inserted else { break }
                }
            }
            self.folders = folders
        }
    }

    private let mutex = NSLock()
    private var site: Site?
    /// Full builds finished, then finished builds of any kind.
    private var tree: UInt64 = 0, revision: UInt64 = 0

    public init() {}

    /// The last finished build, or nil before the first.
    public var current: Site? {
        mutex.lock()
        defer { mutex.unlock() }
        return site
    }

    private func manifest() -> Data { Data("memory \(tree) \(revision)\n".utf8) }

    package func intactManifest() -> Data? {
        mutex.lock()
        defer { mutex.unlock() }
        return site == nil ? nil : manifest()
    }

    package func currentTree() -> UInt64 {
        mutex.lock()
        defer { mutex.unlock() }
        return tree
    }

    package func identity(manifest: Data) -> OutputIdentity? {
        OutputIdentity(device: 0, inode: currentTree(), manifest: manifest.withUnsafeBytes { ContentHash.of($0) })
    }

    package func identity() -> OutputIdentity? { intactManifest().flatMap(identity(manifest:)) }

    package func fullBuild(theme: URL) throws -> (sink: any OutputSink, tree: UInt64) {
        (Staging(output: self, replacing: false), currentTree() + 1)
    }

    package func replacement(current: Data, theme: URL) throws -> any OutputSink {
        Staging(output: self, replacing: true)
    }

    /// Makes `files` the output (`replacing`: over the current files).
    private func publish(_ files: [String: [UInt8]], replacing: Bool) {
        mutex.lock()
        defer { mutex.unlock() }
        site = Site(files: replacing ? (site?.files ?? [:]).merging(files) { $1 } : files)
        if !replacing { tree += 1 }
        revision += 1
    }

    /// The files of one build, published when it finishes.
    private final class Staging: OutputSink, @unchecked Sendable {
        private let output: MemoryOutput
        private let replacing: Bool
        private let mutex = NSLock()
        private var files: [String: [UInt8]] = [:]

        init(output: MemoryOutput, replacing: Bool) {
            self.output = output
            self.replacing = replacing
        }

        func write(_ path: String, _ content: OutputWriter.FileContent) {
            let bytes: [UInt8]
            if case let .bytes(rendered) = content { bytes = rendered } else { bytes = content.withBytes { Array($0) } }
            mutex.lock()
            files[path] = bytes
            mutex.unlock()
        }

        func finish() throws {
            mutex.lock()
            let files = self.files
            self.files = [:]
            mutex.unlock()
            output.publish(files, replacing: replacing)
        }

        func discard() {
            mutex.lock()
            files = [:]
            mutex.unlock()
        }
    }
}
