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

    /// The folder beside `output` where the previous tree is kept for the next build: `.output.passerelle/`.
    var stateFolder: URL {
        output.deletingLastPathComponent().appendingPathComponent("." + output.lastPathComponent + ".passerelle")
    }

    /// Whether `output` is exactly as the build that wrote it left it: every file of its manifest
    /// with the same size and time, and no folder changed (nothing added or removed).
    public func isIntact() -> Bool { intactManifest() != nil }

    /// The manifest file of `output` when the tree is intact (see `isIntact()`), else nil.
    func intactManifest() -> Data? {
        let inode = passerelle_inode(output.path)
        guard inode != 0, let data = FileManager.default.contents(atPath: manifestURL(inode: inode).path),
              OutputManifest.describes(data, root: output.path) else { return nil }
        return data
    }

    /// Where the manifest of the tree with this inode is kept.
    func manifestURL(inode: UInt64) -> URL {
        stateFolder.appendingPathComponent("manifest-\(inode)")
    }

    /// Starts filling a folder beside `output`, to be swapped in by `OutputStaging.finish()`.
    ///
    /// The folder is the tree the previous build swapped out, when there is one and its
    /// manifest says what it holds: then only files whose content changed are written, files
    /// no longer built are removed, and the old tree does not have to be deleted after the swap
    /// (on a large site, deleting it took longer than writing). Otherwise it is a fresh folder.
    /// Either way `output` changes in one rename, and the tree kept is never published.
    public func begin() throws -> OutputStaging {
        let fm = FileManager.default
        removeStaleTemporaries()
        let parent = output.deletingLastPathComponent()
        try? fm.createDirectory(at: parent, withIntermediateDirectories: true)
        try? fm.createDirectory(at: stateFolder, withIntermediateDirectories: true)
        let lock = passerelle_try_lock(stateFolder.appendingPathComponent("lock").path)
        let spare = stateFolder.appendingPathComponent("spare")
        var previous = OutputManifest()
        var folderTimes: [String: (Int64, Int64)] = [:]
        var changedByHand = Set<String>()
        var staging = parent.appendingPathComponent("." + output.lastPathComponent + ".passerelle-new-\(getpid())")
        if lock >= 0 {
            let inode = passerelle_inode(spare.path)
            if inode != 0, let manifest = OutputManifest(contentsOf: manifestURL(inode: inode)) {
                // From here until its new manifest is written, the spare tree is in an unknown state.
                try? fm.removeItem(at: manifestURL(inode: inode))
                folderTimes = manifest.removeAdditions(root: spare.path)
                changedByHand = manifest.filesChanged(root: spare.path)
                previous = manifest
                staging = spare
            } else {
                _ = passerelle_remove_tree(spare.path)
            }
        }
        if staging != spare {
            do { try fm.createDirectory(at: staging, withIntermediateDirectories: true) } catch {
                if lock >= 0 { close(lock) }
                throw Failure.io("cannot create \(staging.path): \(error.localizedDescription)")
            }
        }
        return OutputStaging(writer: self, folder: staging, previous: previous, changedByHand: changedByHand,
                             folderTimes: folderTimes, lock: lock)
    }

    /// Swaps the filled `staging` folder in for `output`, keeping the old tree as the spare when `keepsTrees`.
    func swap(in staging: URL, manifest: OutputManifest, keepsTrees: Bool) throws {
        let spare = stateFolder.appendingPathComponent("spare")
        if keepsTrees { try manifest.write(to: manifestURL(inode: passerelle_inode(staging.path))) }
        try swapIn(staging, keep: keepsTrees ? spare : nil)
        if keepsTrees { removeOtherManifests(keeping: [passerelle_inode(output.path), passerelle_inode(spare.path)]) }
    }

    /// A file's bytes: rendered text or a copied file.
    public enum FileContent {
        case text(String)
        case bytes([UInt8])
        case data(Data)

        func withBytes<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
            switch self {
            case var .text(text): return text.withUTF8 { body(UnsafeRawBufferPointer($0)) }
            case let .bytes(bytes): return bytes.withUnsafeBytes(body)
            case let .data(data): return data.withUnsafeBytes(body)
            }
        }
    }

    struct WriteError: Error { let code: Int32 }

    /// Writes `bytes` at `path` unless `previous`, which describes the file there as it is (checked
    /// when the build began), says it holds the same bytes.
    static func writeIfChanged(_ path: String, _ bytes: UnsafeRawBufferPointer, previous: OutputManifest.Entry?) -> Result<OutputManifest.Entry, WriteError> {
        let hash = ContentHash.of(bytes)
        var mtime: [Int64] = [0, 0]
        if let previous, previous.hash == hash, previous.size == Int64(bytes.count) { return .success(previous) }
        var error = passerelle_write_file_at(path, bytes.baseAddress, bytes.count, &mtime)
        if error == ENOENT {
            // The file's folder does not exist yet (or was removed by hand): make it, then write.
            makeFolder(containing: path)
            error = passerelle_write_file_at(path, bytes.baseAddress, bytes.count, &mtime)
        }
        guard error == 0 else { return .failure(WriteError(code: error)) }
        return .success(OutputManifest.Entry(hash: hash, size: Int64(bytes.count), mtime: (mtime[0], mtime[1])))
    }

    /// Makes the folder that holds `path`, and its missing parents (another thread may make them too).
    private static func makeFolder(containing path: String) {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")), slash != path.startIndex else { return }
        let folder = String(path[..<slash])
        if mkdir(folder, 0o755) == 0 || errno != ENOENT { return }
        makeFolder(containing: folder)
        mkdir(folder, 0o755)
    }

    private func removeOtherManifests(keeping inodes: [UInt64]) {
        let keep = Set(inodes.filter { $0 != 0 }.map { "manifest-\($0)" })
        for name in (try? FileManager.default.contentsOfDirectory(atPath: stateFolder.path)) ?? []
        where name.hasPrefix("manifest-") && !keep.contains(name) {
            unlink(stateFolder.appendingPathComponent(name).path)
        }
    }

    /// Replaces `output` by `staging`: atomically with `renameat2(RENAME_EXCHANGE)` where the system
    /// has it. The tree swapped out is moved to `keep`, or deleted when `keep` is nil.
    private func swapIn(_ staging: URL, keep: URL?) throws {
        let fm = FileManager.default
        guard fm.fileExists(atPath: output.path) else {
            try fm.moveItem(at: staging, to: output)
            return
        }
        var old = staging
        if passerelle_exchange_paths(staging.path, output.path) != 0 {
            old = output.deletingLastPathComponent()
                .appendingPathComponent("." + output.lastPathComponent + ".passerelle-old-\(getpid())")
            try fm.moveItem(at: output, to: old)
            do { try fm.moveItem(at: staging, to: output) } catch {
                try? fm.moveItem(at: old, to: output)
                throw error
            }
        }
        if let keep {
            if old != keep && rename(old.path, keep.path) != 0 { _ = passerelle_remove_tree(old.path) }
        } else {
            _ = passerelle_remove_tree(old.path)
        }
    }
}
