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
    /// a temporary name beside the one it replaces; only when all are written are they put in
    /// place (exchanged with the old ones, which are removed once all are in), so a failed write
    /// or rename leaves the output's files as they were, and a reader (or the dev server) never
    /// sees a half-written file. The manifest is removed while the renames
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
        // Each old file is exchanged with its new one (renameat2), so that it stays under the
        // temporary name until all are in place: a rename that fails halfway is undone, and the
        // failed build leaves the output's files as they were. Where the system cannot exchange,
        // or the file is new, a plain rename.
        var exchanged: [String] = [], added: [String] = []
        for (index, file) in written.enumerated() {
            let temporary = root + file.path + suffix, target = root + file.path
            if old[file.path] != nil, passerelle_exchange_paths(temporary, target) == 0 {
                exchanged.append(file.path)
            } else if rename(temporary, target) == 0 {
                if old[file.path] == nil { added.append(file.path) }
            } else {
                let error = errno
                for path in exchanged { _ = passerelle_exchange_paths(root + path + suffix, root + path) }
                for path in exchanged { unlink(root + path + suffix) }
                for path in added { unlink(root + path) }
                for later in written[index...] { unlink(root + later.path + suffix) }
                throw Failure.io("cannot replace \(file.path): \(String(cString: strerror(error)))")
            }
        }
        for path in exchanged { unlink(root + path + suffix) }
        for file in written { OutputManifest.addFolders(of: file.path, to: &dirty) }
        try OutputManifest.write(to: manifestFile, updating: current, files: Dictionary(written, uniquingKeysWith: { $1 }),
                                 folders: OutputManifest.modificationTimes(of: Array(dirty), root: output.path))
        return .replaced(written.count)
    }
}
