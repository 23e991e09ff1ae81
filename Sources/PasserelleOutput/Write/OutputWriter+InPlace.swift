import PasserelleModel
import CFileTree
import Foundation

package extension OutputWriter {
    /// Replaces a few files of the output where it is, for a rebuild that changes a handful of
    /// the tens of thousands of files a build keeps (`TextEditBuild`): staging the whole tree
    /// beside it and swapping it in would cost far more than the edit. The caller holds `lock`.
    ///
    /// `current` is the output's manifest file, checked intact. Every new file is first written
    /// into a folder of the state folder (`incoming-PID`, never inside the output, so that no
    /// failure or kill leaves a temporary file in the published tree); only when all are written
    /// are they put in place (exchanged with the old ones, which are removed once all are in), so
    /// a failed write or rename leaves the output's files as they were, and a reader (or the dev
    /// server) never sees a half-written file. The manifest is removed while the renames run and
    /// written anew afterwards: a build interrupted in between finds no manifest and does a full
    /// build. Files whose bytes are unchanged are not touched. Returns how many held new bytes.
    package func replaceInPlace(_ files: [(path: String, content: FileContent)], current: Data, holding lock: Lock) throws -> Int {
        removeStaleTemporaries()
        let root = output.path + "/"
        let incoming = stateFolder.appendingPathComponent("incoming-\(getpid())").path
        _ = passerelle_remove_tree_or_file(incoming)
        guard mkdir(incoming, 0o755) == 0 else {
            throw Failure.io("cannot create \(incoming): \(String(cString: strerror(errno)))")
        }
        defer { _ = passerelle_remove_tree(incoming) }
        let old = OutputManifest.entries(of: Set(files.map(\.path)), in: current)
        var written: [(path: String, entry: OutputManifest.Entry)] = []
        var temporaries: [String: String] = [:]
        for (index, file) in files.enumerated() {
            let temporary = incoming + "/\(index)"
            let result = file.content.withBytes { bytes in
                OutputWriter.writeIfChanged(temporary, bytes, previous: old[file.path])
            }
            switch result {
            case let .success(entry):
                if entry != old[file.path] {
                    written.append((file.path, entry))
                    temporaries[file.path] = temporary
                }
            case let .failure(error):
                throw Failure.io("cannot write \(file.path): \(String(cString: strerror(error.code)))")
            }
        }
        guard !written.isEmpty else { return 0 }

        // From the first rename until the new manifest is written, the output is in an unknown state.
        let manifestFile = manifestURL(inode: passerelle_inode(output.path))
        unlink(manifestFile.path)
        var dirty = Set<String>()
        // Each old file is exchanged with its new one (renameat2), so that it stays under the
        // temporary name until all are in place: a rename that fails halfway is undone, and the
        // failed build leaves the output's files as they were. Where the system cannot exchange,
        // or the file is new, a plain rename.
        var exchanged: [String] = [], added: [String] = []
        for file in written {
            let temporary = temporaries[file.path]!, target = root + file.path
            if old[file.path] == nil { OutputWriter.makeFolder(containing: target) }
            if old[file.path] != nil, passerelle_exchange_paths(temporary, target) == 0 {
                exchanged.append(file.path)
            } else if rename(temporary, target) == 0 {
                if old[file.path] == nil { added.append(file.path) }
            } else {
                let error = errno
                for path in exchanged { _ = passerelle_exchange_paths(temporaries[path]!, root + path) }
                for path in added { unlink(root + path) }
                throw Failure.io("cannot replace \(file.path): \(String(cString: strerror(error)))")
            }
        }
        for file in written { OutputManifest.addFolders(of: file.path, to: &dirty) }
        try OutputManifest.write(to: manifestFile, updating: current, files: Dictionary(written, uniquingKeysWith: { $1 }),
                                 folders: OutputManifest.modificationTimes(of: Array(dirty), root: output.path))
        return written.count
    }
}
