import PasserelleModel
import Foundation

/// A build's output kept in memory: what `serve` serves. A full build replaces the whole site at
/// once when it finishes, a text edit the files it rewrote; a reader always sees one finished
/// build, never a build in progress.
public final class MemoryOutput: OutputTarget, Sendable {
    /// The files of one finished build, and its folders.
    public struct Site: Sendable {
        public let files: [String: [UInt8]]
        /// Every folder holding a file (`fr`, `fr/recommandations`…), without the root.
        public let folders: Set<String>

        public init(files: [String: [UInt8]]) {
            self.files = files
            folders = SitePaths.folders(holding: files.keys)
        }
    }

    /// The last finished build; full builds finished, then finished builds of any kind.
    private let state = Locked<(site: Site?, tree: UInt64, revision: UInt64)>((nil, 0, 0))

    public init() {}

    /// The last finished build, or nil before the first.
    public var current: Site? { state.withLock { $0.site } }

    package func intactManifest() -> Data? {
        state.withLock { state in
            state.site == nil ? nil : Data("memory \(state.tree) \(state.revision)\n".utf8)
        }
    }

    package func currentTree() -> UInt64 { state.withLock { $0.tree } }

    package func identity(manifest: Data) -> OutputIdentity? {
        OutputIdentity(device: 0, inode: currentTree(), manifest: manifest.withUnsafeBytes { ContentHash.of($0) })
    }

    package func identity() -> OutputIdentity? { intactManifest().flatMap(identity(manifest:)) }

    package func fullBuild(theme: URL, expectedFiles: Int) throws -> (sink: any OutputSink, tree: UInt64) {
        (Staging(output: self, replacing: false), currentTree() + 1)
    }

    package func replacement(current: Data, theme: URL) throws -> any OutputSink {
        Staging(output: self, replacing: true)
    }

    package func currentFile(_ path: String) -> [UInt8]? { current?.files[path] }

    /// Makes `files` the output (`replacing`: over the current files).
    private func publish(_ files: [String: [UInt8]], replacing: Bool) {
        state.withLock { state in
            state.site = Site(files: replacing ? (state.site?.files ?? [:]).merging(files) { $1 } : files)
            if !replacing { state.tree += 1 }
            state.revision += 1
        }
    }

    /// The files of one build, published when it finishes.
    private final class Staging: OutputSink, Sendable {
        private let output: MemoryOutput
        private let replacing: Bool
        private let files = Locked<[String: [UInt8]]>([:])

        init(output: MemoryOutput, replacing: Bool) {
            self.output = output
            self.replacing = replacing
        }

        func write(_ path: String, _ content: OutputWriter.FileContent) {
            let bytes: [UInt8]
            if case let .bytes(rendered) = content { bytes = rendered } else { bytes = content.withBytes { Array($0) } }
            files.withLock { $0[path] = bytes }
        }

        func finish() throws {
            output.publish(files.withLock { $0.take() }, replacing: replacing)
        }

        func discard() {
            files.withLock { $0 = [:] }
        }
    }
}
