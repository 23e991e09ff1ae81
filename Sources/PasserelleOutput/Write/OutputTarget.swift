import PasserelleModel
import CFileTree
import Foundation

/// The output as a build left it: the tree a full build wrote (a folder's device and inode: a
/// new tree is swapped in by every full build) and the hash of its manifest (rewritten by every
/// text edit). A build record or snapshot is trusted only for the very output it was made for:
/// not for the same folder reached by another path and built since, nor once an older copy of it
/// is put back.
public struct OutputIdentity: Equatable, Sendable {
    package let device: UInt64
    package let inode: UInt64
    package let manifest: UInt64

    package init(device: UInt64, inode: UInt64, manifest: UInt64) {
        self.device = device
        self.inode = inode
        self.manifest = manifest
    }

    /// How a record writes it.
    package var line: String { "output \(device) \(inode) \(String(manifest, radix: 16))" }
}

/// Where a build's output lives, as the build and its cache see it: a folder (`FolderOutput`)
/// or memory (`MemoryOutput`, which `serve` serves). It gives the sinks a build writes into and
/// what the build cache binds its record and snapshot to.
package protocol OutputTarget: Sendable {
    /// The output's manifest as the last build left it, or nil when it was changed since or never written.
    func intactManifest() -> Data?
    /// The tree the last full build wrote: a new number for each full build.
    func currentTree() -> UInt64
    /// What the output is now, its manifest being `manifest`.
    func identity(manifest: Data) -> OutputIdentity?
    /// What the output is now.
    func identity() -> OutputIdentity?
    /// A sink for a full build (`theme`: the theme folder, which the output must not overlap), and
    /// the tree it fills; `expectedFiles` (about how many files the build writes) sizes its tables.
    func fullBuild(theme: URL, expectedFiles: Int) throws -> (sink: any OutputSink, tree: UInt64)
    /// A sink that replaces some files of the output whose manifest is `current`.
    func replacement(current: Data, theme: URL) throws -> any OutputSink
    /// The file at `path` (relative to the output root) as the output holds it now, or nil.
    func currentFile(_ path: String) -> [UInt8]?
}

package extension OutputTarget {
    /// `fullBuild(theme:expectedFiles:)` with tables that grow as the files come.
    func fullBuild(theme: URL) throws -> (sink: any OutputSink, tree: UInt64) {
        try fullBuild(theme: theme, expectedFiles: 0)
    }
}

/// An output folder (`output/`), held by this build's lock from its start to its end.
package struct FolderOutput: OutputTarget {
    package let writer: OutputWriter
    package let content: URL
    package let lock: OutputWriter.Lock
    /// Each text file gets its `.gz` and `.br` beside it (`build --precompress`).
    package let precompresses: Bool

    package init(writer: OutputWriter, content: URL, lock: OutputWriter.Lock, precompresses: Bool = false) {
        self.writer = writer
        self.content = content
        self.lock = lock
        self.precompresses = precompresses
    }

    package func intactManifest() -> Data? { writer.intactManifest() }

    package func currentTree() -> UInt64 { passerelle_inode(writer.output.path) }

    package func identity(manifest: Data) -> OutputIdentity? {
        var status = stat()
        guard lstat(writer.output.path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR else { return nil }
        return OutputIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino), manifest: manifest.withUnsafeBytes { ContentHash.of($0) })
    }

    package func identity() -> OutputIdentity? {
        guard let data = FileManager.default.contents(atPath: writer.manifestURL(inode: currentTree()).path) else { return nil }
        return identity(manifest: data)
    }

    package func fullBuild(theme: URL, expectedFiles: Int) throws -> (sink: any OutputSink, tree: UInt64) {
        try writer.checkOwnership(content: content, theme: theme)
        let staging = try writer.begin(holding: lock, expectedFiles: expectedFiles)
        return (precompresses ? PrecompressingOutput(staging) : staging, passerelle_inode(staging.folder.path))
    }

    package func currentFile(_ path: String) -> [UInt8]? {
        // Only a regular file, never through a link: the same reading as the content's.
        guard case let .success(data) = RegularFile.read(path: writer.output.path + "/" + path) else { return nil }
        return [UInt8](data)
    }

    package func replacement(current: Data, theme: URL) throws -> any OutputSink {
        try writer.checkOwnership(content: content, theme: theme)
        let replacement = InPlaceReplacement(writer: writer, current: current, holding: lock)
        guard precompresses else { return replacement }
        return PrecompressingOutput(replacement) { paths in Set(OutputManifest.entries(of: paths, in: current).keys) }
    }
}
