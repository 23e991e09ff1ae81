import PasserelleModel
import CFileTree
import Foundation

/// A folder being filled with the files of one build, from any number of threads, then swapped
/// in for the output folder by `finish()`. Files are written as they are rendered, so a build
/// never holds its whole output in memory.
public final class OutputStaging: OutputSink, Sendable {
    private let writer: OutputWriter
    /// The folder written: a fresh one, or the tree the previous build swapped out.
    package let folder: URL
    /// What `folder` held before (empty for a fresh folder).
    private let previous: OutputManifest
    /// The files of `previous` that are no longer as it describes them: never kept as they are.
    private let changedByHand: Set<String>
    /// The modification times of the folders of `folder` when the build began.
    private let folderTimes: [String: (Int64, Int64)]
    private let root: String
    /// What the writes have done so far, shared by the render threads.
    private let progress: Locked<Progress>

    private struct Progress: Sendable {
        var written: [String: OutputManifest.Entry] = [:]
        /// Folders something was added to or removed from since: their times must be read again.
        var dirtyFolders = Set<String>()
        var failures: [String] = []
        /// Folders this build made (or is making), which the kept tree did not hold.
        var madeFolders = Set<String>()
        /// The lock on the output, held until the staging is finished or discarded.
        var lock: OutputWriter.Lock?
        var closed = false
    }

    package init(writer: OutputWriter, folder: URL, previous: OutputManifest, changedByHand: Set<String>,
         folderTimes: [String: (Int64, Int64)], lock: OutputWriter.Lock, expectedFiles: Int = 0) {
        self.writer = writer
        self.folder = folder
        self.previous = previous
        self.changedByHand = changedByHand
        var progress = Progress(lock: lock)
        // A build writes about what the last one did. Into a fresh folder every file is new and
        // nearly every file has a folder of its own (`…/slug/index.html`): the tables are made at
        // their size rather than grown (and rehashed) under the lock the render threads share.
        progress.written.reserveCapacity(max(previous.entries.count, expectedFiles))
        if previous.entries.isEmpty {
            progress.madeFolders.reserveCapacity(expectedFiles)
            progress.dirtyFolders.reserveCapacity(expectedFiles)
        }
        self.progress = Locked(progress)
        self.folderTimes = folderTimes
        root = folder.path + "/"
    }

    deinit {
        discard()
    }

    /// Writes one file (unless the tree already holds these bytes there). Safe from any thread.
    /// A folder the tree does not hold yet is made before its first file, rather than after that
    /// file's open failed: a cold build makes some 20,000 folders.
    public func write(_ path: String, _ content: OutputWriter.FileContent) {
        if let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) {
            let folder = String(path[..<slash])
            if !previous.folders.contains(folder), progress.withLock({ $0.madeFolders.insert(folder).inserted }) {
                OutputWriter.makeFolder(containing: root + path)
            }
        }
        let result = content.withBytes { bytes in
            OutputWriter.writeIfChanged(root + path, bytes, previous: kept(path))
        }
        progress.withLock { OutputStaging.record(path, result, previous: previous, in: &$0) }
    }

    /// The file the kept tree holds at `path`, as it is there now.
    private func kept(_ path: String) -> OutputManifest.Entry? {
        changedByHand.contains(path) ? nil : previous.entries[path]
    }

    /// Notes in `progress` what writing `path` gave.
    private static func record(_ path: String, _ result: Result<OutputManifest.Entry, OutputWriter.WriteError>,
                               previous: OutputManifest, in progress: inout Progress) {
        switch result {
        case let .success(entry):
            progress.written[path] = entry
            if previous.entries[path] == nil { OutputManifest.addFolders(of: path, to: &progress.dirtyFolders) }
        case let .failure(error): progress.failures.append("\(path): \(String(cString: strerror(error.code)))")
        }
    }

    /// Removes what the previous tree held and this build did not write, then swaps the folder in.
    public func finish() throws {
        write(OutputWriter.marker, .text(OutputWriter.markerText))
        if let failure = progress.withLock({ $0.failures.min() }) {
            discard()
            throw OutputWriter.Failure.io("cannot write " + failure)
        }
        // Taken out whole: the lock is held to the end of the swap, then let go.
        let taken = progress.withLock { progress -> Progress in
            defer { progress = Progress(closed: true) }
            return progress
        }
        defer { withExtendedLifetime(taken.lock) {} }
        var dirtyFolders = taken.dirtyFolders
        // Into a tree that held nothing every file is new: the folders noted as changed are all
        // the folders of the files written (a cold build need not gather them again).
        var manifest = previous.entries.isEmpty
            ? OutputManifest(entries: taken.written, folders: taken.dirtyFolders.subtracting([""]))
            : OutputManifest(entries: taken.written)
        do {
            for path in previous.entries.keys where manifest.entries[path] == nil {
                unlink(root + path)
                OutputManifest.addFolders(of: path, to: &dirtyFolders)
            }
            for folder in previous.folders.subtracting(manifest.folders).sorted(by: >) {
                rmdir(root + folder)
                OutputManifest.addFolders(of: folder, to: &dirtyFolders)
            }
            manifest.recordFolderTimes(root: folder.path, known: folderTimes, dirty: dirtyFolders)
            try writer.swap(in: folder, manifest: manifest, keepsTrees: true)
        } catch {
            _ = passerelle_remove_tree(folder.path)
            if let failure = error as? OutputWriter.Failure { throw failure }
            throw OutputWriter.Failure.io("cannot write the output: \(error.localizedDescription)")
        }
    }

    /// Abandons the folder: the output stays as it was.
    public func discard() {
        let open = progress.withLock { progress -> Bool in
            defer { progress.closed = true }
            return !progress.closed
        }
        guard open else { return }
        _ = passerelle_remove_tree(folder.path)
        progress.withLock { $0.lock = nil }
    }
}
