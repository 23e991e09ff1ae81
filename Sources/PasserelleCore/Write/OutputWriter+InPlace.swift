import CFileTree
import Foundation

extension OutputWriter {
    /// What `replaceInPlace` did.
    enum InPlaceOutcome: Equatable {
        /// The files were replaced; how many held new bytes.
        case replaced(Int)
        /// Another build holds the output: nothing was done.
        case busy
    }

    /// Replaces a few files of the output where it is, for a rebuild that changes a handful of
    /// the tens of thousands of files a build keeps (`TextEditBuild`): staging the whole tree
    /// beside it and swapping it in would cost far more than the edit.
    ///
    /// `current` is the output's manifest file, checked intact. Every new file is first written under
    /// a temporary name beside the one it replaces; only when all are written are they renamed
    /// over the old ones, so a failed write leaves the output as it was, and a reader (or the
    /// dev server) never sees a half-written file. The manifest is removed while the renames
    /// run and written anew afterwards: a build interrupted in between finds no manifest and
    /// does a full build. Files whose bytes are unchanged are not touched.
    func replaceInPlace(_ files: [(path: String, content: FileContent)], current: Data) throws -> InPlaceOutcome {
        let lock = passerelle_try_lock(stateFolder.appendingPathComponent("lock").path)
        guard lock >= 0 else { return .busy }
        defer { close(lock) }
        let root = output.path + "/"
        let suffix = ".passerelle-new-\(getpid())"
        let old = OutputManifest.entries(of: Set(files.map(\.path)), in: current)
        var written: [(path: String, entry: OutputManifest.Entry)] = []
        func removeTemporaries() { for file in written { unlink(root + file.path + suffix) } }
        for file in files {
            let result = file.content.withBytes { bytes in
                OutputWriter.writeIfChanged(root + file.path + suffix, bytes, previous: old[file.path])
            }
            switch result {
            case let .success(entry):
                if entry != old[file.path] { written.append((file.path, entry)) }
            case let .failure(error):
                removeTemporaries()
                throw Failure.io("cannot write \(file.path): \(String(cString: strerror(error.code)))")
            }
        }
        guard !written.isEmpty else { return .replaced(0) }

        // From the first rename until the new manifest is written, the output is in an unknown state.
        let manifestFile = manifestURL(inode: passerelle_inode(output.path))
        unlink(manifestFile.path)
        var dirty = Set<String>()
        for (index, file) in written.enumerated() where rename(root + file.path + suffix, root + file.path) != 0 {
            let error = errno
            for later in written[index...] { unlink(root + later.path + suffix) }
            throw Failure.io("cannot replace \(file.path): \(String(cString: strerror(error)))")
        }
        for file in written { OutputManifest.addFolders(of: file.path, to: &dirty) }
        try OutputManifest.write(to: manifestFile, updating: current, files: Dictionary(written, uniquingKeysWith: { $1 }),
                                 folders: OutputManifest.modificationTimes(of: Array(dirty), root: output.path))
        return .replaced(written.count)
    }
}
