import PasserelleModel
import CFileTree
import Foundation

/// Writes a build into a temporary folder beside the output folder, then swaps it in,
/// so that a failed or interrupted build never leaves a half-written `output/`.
public struct OutputWriter: Sendable {
    /// The file that marks a folder as written by Passerelle.
    public static let marker = ".passerelle-output"
    /// What the marker file says.
    public static let markerText = "Written by Passerelle. This folder is replaced by every build.\n"

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

    /// Checks that `output` may be replaced: not `/`, not the home folder, not inside or equal to
    /// `content` or `theme` (nor holding them), not a symbolic link, and either absent, empty, or
    /// written by Passerelle before.
    public func checkOwnership(content: URL, theme: URL? = nil) throws {
        let path = output.path
        let home = FileManager.default.homeDirectoryForCurrentUser.standardizedFileURL.path
        func overlaps(_ folder: URL) -> Bool {
            let other = folder.standardizedFileURL.resolvingSymlinksInPath().path
            let real = output.resolvingSymlinksInPath().path
            return [(path, folder.standardizedFileURL.path), (real, other)].contains { mine, theirs in
                mine == theirs || theirs.hasPrefix(mine + "/") || mine.hasPrefix(theirs + "/")
            }
        }
        if path == "/" || path == home || overlaps(content) {
            throw Failure.refused("refusing to write the output to '\(path)': choose a folder of its own, outside the content")
        }
        if let theme, overlaps(theme) {
            throw Failure.refused("refusing to write the output to '\(path)': it is inside the theme (or holds it), whose files every build copies")
        }
        var status = stat()
        if lstat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFLNK {
            throw Failure.refused("refusing to write the output to '\(path)': it is a symbolic link; give the folder it leads to")
        }
        let fm = FileManager.default
        guard let items = try? fm.contentsOfDirectory(atPath: path) else { return }
        if items.contains(OutputWriter.marker) || force { return }
        if items.allSatisfy({ $0 == ".gitkeep" || $0 == ".DS_Store" }) { return }
        throw Failure.refused("refusing to replace '\(path)': it holds files that Passerelle did not write (no \(OutputWriter.marker) file); use --force to replace it")
    }

    /// Removes the temporary folders that builds which are no longer running left beside the
    /// output (`.output.passerelle-new-PID`, `-old-PID`) and in the state folder (`incoming-PID`).
    package func removeStaleTemporaries() {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        let prefix = "." + output.lastPathComponent + ".passerelle-"
        func ofDeadProcess(_ name: String) -> Bool {
            guard let dash = name.lastIndex(of: "-"), let pid = Int(name[name.index(after: dash)...]) else { return false }
            return passerelle_process_is_alive(pid) == 0
        }
        for name in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? [] where name.hasPrefix(prefix) && ofDeadProcess(name) {
            _ = passerelle_remove_tree(parent.appendingPathComponent(name).path)
        }
        for name in (try? fm.contentsOfDirectory(atPath: stateFolder.path)) ?? [] where name.hasPrefix("incoming-") && ofDeadProcess(name) {
            _ = passerelle_remove_tree(stateFolder.appendingPathComponent(name).path)
        }
    }

    /// The exclusive right to write `output`, held by one build at a time from its start to its end.
    public final class Lock: Sendable {
        private let descriptor: Int32
        fileprivate init(descriptor: Int32) { self.descriptor = descriptor }
        deinit { close(descriptor) }
    }

    /// Takes the lock on `output` (in its state folder), waiting up to `wait` seconds for another
    /// build that holds it; throws `refused` ("another build is writing …") after that.
    public func lock(wait: Double) throws -> Lock {
        let fm = FileManager.default
        try? fm.createDirectory(at: stateFolder, withIntermediateDirectories: true)
        let path = stateFolder.appendingPathComponent("lock").path
        let deadline = Date().addingTimeInterval(wait)
        while true {
            let descriptor = passerelle_try_lock(path)
            if descriptor >= 0 { return Lock(descriptor: descriptor) }
            if access(stateFolder.path, W_OK) != 0 {
                throw Failure.io("cannot lock \(output.path): \(stateFolder.path) cannot be written")
            }
            guard Date() < deadline else {
                throw Failure.refused("another build is writing \(output.path): try again once it has finished")
            }
            usleep(50_000)
        }
    }

    /// The folder beside `output` where the previous tree is kept for the next build: `.output.passerelle/`.
    package var stateFolder: URL {
        output.deletingLastPathComponent().appendingPathComponent("." + output.lastPathComponent + ".passerelle")
    }

    /// Whether `output` is exactly as the build that wrote it left it: every file of its manifest
    /// with the same size and time, and no folder changed (nothing added or removed).
    public func isIntact() -> Bool { intactManifest() != nil }

    /// The manifest file of `output` when the tree is intact (see `isIntact()`), else nil.
    package func intactManifest() -> Data? {
        let inode = passerelle_inode(output.path)
        guard inode != 0, let data = FileManager.default.contents(atPath: manifestURL(inode: inode).path),
              OutputManifest.describes(data, root: output.path) else { return nil }
        return data
    }

    /// Where the manifest of the tree with this inode is kept.
    package func manifestURL(inode: UInt64) -> URL {
        stateFolder.appendingPathComponent("manifest-\(inode)")
    }

    /// Starts filling a folder beside `output`, to be swapped in by `OutputStaging.finish()`;
    /// the caller holds `lock`, from before this call until the staging is finished or discarded.
    ///
    /// The folder is the tree the previous build swapped out, when there is one, its manifest
    /// says what it holds and it holds only folders and regular files (a link there would lead
    /// writes and removals outside): then only files whose content changed are written, files
    /// no longer built are removed, and the old tree does not have to be deleted after the swap
    /// (on a large site, deleting it took longer than writing). Otherwise it is a fresh folder.
    /// Either way `output` changes in one rename, and the tree kept is never published.
    /// `expectedFiles`, about how many files the build writes, sizes the staging's tables.
    public func begin(holding lock: Lock, expectedFiles: Int = 0) throws -> OutputStaging {
        let fm = FileManager.default
        removeStaleTemporaries()
        let parent = output.deletingLastPathComponent()
        try? fm.createDirectory(at: parent, withIntermediateDirectories: true)
        try? fm.createDirectory(at: stateFolder, withIntermediateDirectories: true)
        let spare = stateFolder.appendingPathComponent("spare")
        var previous = OutputManifest()
        var folderTimes: [String: (Int64, Int64)] = [:]
        var changedByHand = Set<String>()
        var staging = parent.appendingPathComponent("." + output.lastPathComponent + ".passerelle-new-\(getpid())")
        let inode = passerelle_inode(spare.path)
        if inode != 0, let manifest = OutputManifest(contentsOf: manifestURL(inode: inode)), passerelle_tree_is_plain(spare.path) == 1 {
            // From here until its new manifest is written, the spare tree is in an unknown state.
            try? fm.removeItem(at: manifestURL(inode: inode))
            folderTimes = manifest.removeAdditions(root: spare.path)
            changedByHand = manifest.filesChanged(root: spare.path)
            previous = manifest
            staging = spare
        } else {
            _ = passerelle_remove_tree_or_file(spare.path)
        }
        if staging != spare {
            _ = passerelle_remove_tree_or_file(staging.path)
            do { try fm.createDirectory(at: staging, withIntermediateDirectories: false) } catch {
                throw Failure.io("cannot create \(staging.path): \(error.localizedDescription)")
            }
        }
        return OutputStaging(writer: self, folder: staging, previous: previous, changedByHand: changedByHand,
                             folderTimes: folderTimes, lock: lock, expectedFiles: expectedFiles)
    }

    /// Swaps the filled `staging` folder in for `output`, keeping the old tree as the spare when `keepsTrees`.
    package func swap(in staging: URL, manifest: OutputManifest, keepsTrees: Bool) throws {
        let spare = stateFolder.appendingPathComponent("spare")
        if keepsTrees { try manifest.write(to: manifestURL(inode: passerelle_inode(staging.path))) }
        try swapIn(staging, keep: keepsTrees ? spare : nil)
        if keepsTrees { removeOtherManifests(keeping: [passerelle_inode(output.path), passerelle_inode(spare.path)]) }
    }

    /// A file's bytes: rendered text or a copied file.
    public enum FileContent: Sendable {
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

    package struct WriteError: Error { let code: Int32 }

    /// Writes `bytes` at `path` unless `previous`, which describes the file there as it is (checked
    /// when the build began), says it holds the same bytes.
    package static func writeIfChanged(_ path: String, _ bytes: UnsafeRawBufferPointer, previous: OutputManifest.Entry?) -> Result<OutputManifest.Entry, WriteError> {
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
    package static func makeFolder(containing path: String) {
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
