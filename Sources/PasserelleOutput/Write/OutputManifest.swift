import PasserelleModel
import CFileTree
import Foundation

/// What an output tree holds: per file its content hash, size and modification time. It is kept
/// beside the tree (named after the tree's inode, so it can only ever describe that tree) and
/// lets the next build rewrite only the files whose content changed.
package struct OutputManifest {
    package struct Entry: Equatable {
        package let hash: UInt64
        package let size: Int64
        package let mtime: (Int64, Int64)

        package init(hash: UInt64, size: Int64, mtime: (Int64, Int64)) {
            self.hash = hash
            self.size = size
            self.mtime = mtime
        }

        package static func == (a: Entry, b: Entry) -> Bool {
            a.hash == b.hash && a.size == b.size && a.mtime == b.mtime
        }
    }

    private static let header = "passerelle-output-manifest 1"

    package let entries: [String: Entry]
    /// Every folder that holds a file of the manifest, relative to the tree (made once).
    package let folders: Set<String>
    /// Modification time of each folder (the tree itself is `""`) after the build wrote it: a folder
    /// whose time changed since holds something added by hand.
    package var folderTimes: [String: (Int64, Int64)] = [:]

    package init(entries: [String: Entry] = [:]) {
        self.entries = entries
        folders = OutputManifest.folders(of: entries.keys)
    }

    /// A manifest whose folders are known already: `folders` must be every folder that holds one
    /// of `entries` (`folders(of:)` of their paths; no `""`).
    package init(entries: [String: Entry], folders: Set<String>) {
        self.entries = entries
        self.folders = folders
    }

    /// The manifest at `url`, or nil when it is missing or unreadable.
    package init?(contentsOf url: URL) {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        self.init(data)
    }

    /// The manifest a manifest file's bytes describe, or nil when they are not one.
    package init?(_ data: Data) {
        var entries: [String: Entry] = [:], folderTimes: [String: (Int64, Int64)] = [:]
        entries.reserveCapacity(data.count / 64) // Lines are about 70 bytes long: no rehashing as it fills.
        let valid = OutputManifest.forEachLine(in: data) { line, fields, _ in
            switch line {
            case let .file(entry): entries[fields.rest()] = entry
            case let .folder(time): folderTimes[fields.rest()] = time
            }
        }
        guard valid else { return nil }
        self.entries = entries
        // The folder times name every folder (and the tree itself, ""): no need to split 26,000 paths again.
        folders = folderTimes.isEmpty ? OutputManifest.folders(of: entries.keys) : Set(folderTimes.keys.lazy.filter { !$0.isEmpty })
        self.folderTimes = folderTimes
    }

    /// A few paths looked for among a manifest file's lines, by the lines' last bytes.
    private struct SoughtPaths {
        let paths: [[UInt8]]

        init(_ paths: some Sequence<String>) { self.paths = paths.map { Array($0.utf8) } }

        /// Whether `line` of `bytes` may be the line of one of the paths: it ends with a space and
        /// that path. (Its fields then say whether the path is the whole of its last field.)
        func mayEnd(_ bytes: UnsafeBufferPointer<UInt8>, line: Range<Int>) -> Bool {
            // A loop, not `contains(where:)`: called for every line, it must not be a generic call.
            for path in paths where path.count < line.count && bytes[line.upperBound - path.count - 1] == UInt8(ascii: " ") {
                let same = path.withUnsafeBufferPointer { path in
                    path.isEmpty || memcmp(path.baseAddress!, bytes.baseAddress! + line.upperBound - path.count, path.count) == 0
                }
                if same { return true }
            }
            return false
        }
    }

    /// What one line of a manifest file says, its path aside.
    private enum Line {
        /// "hash size seconds nanoseconds path".
        case file(Entry)
        /// "D seconds nanoseconds path".
        case folder((Int64, Int64))
    }

    /// Reads the lines of a manifest file after its header: calls `body` with what each says, a
    /// scanner left at its path, and the line's bytes (without its line break). False when the
    /// bytes are not a manifest file. The one reader of the format in Swift (the output check
    /// reads it in C, `passerelle_manifest_mismatches`).
    ///
    /// With `sought`, a line whose end is none of its paths is passed to `passedOver` before its
    /// fields are read (and is not checked): for a file already checked intact, where a text edit
    /// looks for ten lines among 36,000.
    private static func forEachLine(in data: Data, seeking sought: SoughtPaths? = nil,
                                    _ body: (Line, inout FieldScanner, UnsafeBufferPointer<UInt8>) -> Void,
                                    passedOver: (UnsafeBufferPointer<UInt8>) -> Void = { _ in }) -> Bool {
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var valid = true, first = true, start = 0
            FieldScanner.forEachLine(in: bytes) { fields in
                defer { start = fields.end + 1 }
                guard valid, !fields.isEmpty else { return }
                let line: Line
                if first {
                    first = false
                    valid = fields.skip("passerelle-output-manifest 1")
                    return
                } else if let sought, !sought.mayEnd(bytes, line: start..<fields.end) {
                    passedOver(UnsafeBufferPointer(rebasing: bytes[start..<fields.end]))
                    return
                } else if fields.skip("D ") {
                    guard let seconds = fields.integer(), let nanoseconds = fields.integer() else { valid = false; return }
                    line = .folder((seconds, nanoseconds))
                } else {
                    guard let hash = fields.hexadecimal(), let size = fields.integer(), let seconds = fields.integer(),
                          let nanoseconds = fields.integer() else { valid = false; return }
                    line = .file(Entry(hash: hash, size: size, mtime: (seconds, nanoseconds)))
                }
                body(line, &fields, UnsafeBufferPointer(rebasing: bytes[start..<fields.end]))
            }
            return valid && !first
        }
    }

    package func write(to url: URL) throws {
        // Bytes, not interpolated strings: tens of thousands of lines after every build. The
        // files' lines and the folders' are sorted and written on two cores: the swap waits on it.
        let (entries, folderTimes) = (self.entries, self.folderTimes)
        let parts = [false, true].concurrentMap { folders -> [UInt8] in
            var text: [UInt8] = []
            if folders {
                text.reserveCapacity(folderTimes.count * 48)
                for (folder, time) in folderTimes.sorted(by: { String.utf8Precedes($0.key, $1.key) }) {
                    OutputManifest.appendLine(folder, time, to: &text)
                }
            } else {
                text.reserveCapacity(entries.count * 80 + OutputManifest.header.utf8.count + 1)
                text.append(contentsOf: OutputManifest.header.utf8)
                text.append(UInt8(ascii: "\n"))
                for (path, entry) in entries.sorted(by: { String.utf8Precedes($0.key, $1.key) }) {
                    OutputManifest.appendLine(path, entry, to: &text)
                }
            }
            return text
        }
        var data = Data(capacity: parts[0].count + parts[1].count)
        data.append(contentsOf: parts[0])
        data.append(contentsOf: parts[1])
        try data.write(to: url)
    }

    /// Writes to `url` the manifest file `old` (as read, checked intact) with the lines of `files`
    /// and `folders` made anew (at the end; reading does not depend on the order), every other
    /// line copied as it is: a text edit changes ten lines of 36,000.
    package static func write(to url: URL, updating old: Data, files: [String: Entry], folders: [String: (Int64, Int64)]) throws {
        var text: [UInt8] = []
        text.reserveCapacity(old.count + (files.count + folders.count) * 80)
        text.append(contentsOf: OutputManifest.header.utf8)
        text.append(UInt8(ascii: "\n"))
        let copy = { (bytes: UnsafeBufferPointer<UInt8>) in
            text.append(contentsOf: bytes)
            text.append(UInt8(ascii: "\n"))
        }
        let valid = forEachLine(in: old, seeking: SoughtPaths(Array(files.keys) + Array(folders.keys)), { line, fields, bytes in
            switch line {
            case .file: if fields.restIsAny(of: files.keys) { return }
            case .folder: if fields.restIsAny(of: folders.keys) { return }
            }
            copy(bytes)
        }, passedOver: copy)
        guard valid else { throw OutputWriter.Failure.io("the manifest of the output is not one") }
        for (path, entry) in files.sorted(by: { String.utf8Precedes($0.key, $1.key) }) { appendLine(path, entry, to: &text) }
        for (folder, time) in folders.sorted(by: { String.utf8Precedes($0.key, $1.key) }) { appendLine(folder, time, to: &text) }
        try Data(text).write(to: url)
    }

    /// The entries a manifest file's bytes give for those of `paths` it lists, found without
    /// reading the other 26,000 lines into a table.
    package static func entries(of paths: Set<String>, in data: Data) -> [String: Entry] {
        var found: [String: Entry] = [:]
        guard !paths.isEmpty else { return found }
        _ = forEachLine(in: data, seeking: SoughtPaths(paths)) { line, fields, _ in
            if case let .file(entry) = line, fields.restIsAny(of: paths) { found[fields.rest()] = entry }
        }
        return found
    }

    /// Whether the tree at `root` is exactly as the manifest file `data` describes it: every file
    /// of its size and time, every folder of its time (nothing added or removed). Checked from
    /// the file's lines as they are, in chunks across cores (`passerelle_manifest_mismatches`):
    /// every rebuild begins with it, and making 36,000 strings and a table of them first took
    /// longer than the stats.
    package static func describes(_ data: Data, root: String) -> Bool {
        let chunks: [Range<Int>]? = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            let header = Array((OutputManifest.header + "\n").utf8)
            guard bytes.count > header.count, bytes.starts(with: header) else { return nil }
            // Chunks of whole lines, a few per core.
            var chunks: [Range<Int>] = []
            var start = header.count
            let step = max((bytes.count - header.count) / 8, 1 << 16)
            while start < bytes.count {
                var end = min(start + step, bytes.count)
                while end < bytes.count, bytes[end - 1] != 0x0A { end += 1 }
                chunks.append(start..<end)
                start = end
            }
            return chunks
        }
        guard let chunks else { return false }
        let mismatches = chunks.concurrentMap { chunk in
            data[(data.startIndex + chunk.lowerBound)..<(data.startIndex + chunk.upperBound)].withUnsafeBytes { raw in
                passerelle_manifest_mismatches(root, raw.baseAddress?.assumingMemoryBound(to: CChar.self), raw.count)
            }
        }
        return mismatches.allSatisfy { $0 == 0 }
    }

    /// A file's line: "hash size seconds nanoseconds path".
    private static func appendLine(_ path: String, _ entry: Entry, to text: inout [UInt8]) {
        text.appendField(entry.hash, radix: 16)
        text.appendField(entry.size)
        text.appendField(entry.mtime.0)
        text.appendField(entry.mtime.1)
        text.append(contentsOf: path.utf8)
        text.append(UInt8(ascii: "\n"))
    }

    /// A folder's line: "D seconds nanoseconds path".
    private static func appendLine(_ folder: String, _ time: (Int64, Int64), to text: inout [UInt8]) {
        text.append(contentsOf: "D ".utf8)
        text.appendField(time.0)
        text.appendField(time.1)
        text.append(contentsOf: folder.utf8)
        text.append(UInt8(ascii: "\n"))
    }

    /// Records the modification time of every folder of the tree at `root`: `known` times stand
    /// for the folders that are not `dirty` (nothing was added to or removed from them since).
    package mutating func recordFolderTimes(root: String, known: [String: (Int64, Int64)] = [:], dirty: Set<String> = []) {
        let all = Array(folders) + [""]
        let fresh = OutputManifest.modificationTimes(of: all.filter { dirty.contains($0) || known[$0] == nil }, root: root)
        folderTimes = [:]
        folderTimes.reserveCapacity(all.count)
        for folder in all { if let time = fresh[folder] ?? known[folder] { folderTimes[folder] = time } }
    }

    /// The modification time of each folder (relative to `root`, which is `""`) that exists, statted across cores.
    package static func modificationTimes(of folders: [String], root: String) -> [String: (Int64, Int64)] {
        var result: [String: (Int64, Int64)] = [:]
        result.reserveCapacity(folders.count)
        for (folder, status) in zip(folders, FileStatus.of(folders, under: root, folders: true)) { result[folder] = status?.mtime }
        return result
    }

    /// The files of the tree at `root` that are not as this manifest describes them (changed,
    /// replaced or removed by hand since): they must be written again, whatever their hash says.
    package func filesChanged(root: String) -> Set<String> {
        let paths = Array(entries.keys)
        var changed = Set<String>()
        for (path, status) in zip(paths, FileStatus.of(paths, under: root)) {
            let entry = entries[path]!
            if status != FileStatus(size: entry.size, mtime: entry.mtime) { changed.insert(path) }
        }
        return changed
    }

    /// Removes what was added by hand to the tree at `root` since this manifest was written: in every
    /// folder whose modification time changed, the entries that are neither its files nor its folders.
    /// Returns the modification time of every folder of the tree afterwards.
    package func removeAdditions(root: String) -> [String: (Int64, Int64)] {
        let folders = self.folders.union([""])
        var times = OutputManifest.modificationTimes(of: Array(folders), root: root)
        for folder in folders where times[folder].map({ $0 != folderTimes[folder] ?? (-1, -1) }) ?? false {
            let prefix = folder.isEmpty ? "" : folder + "/"
            for name in (try? FileManager.default.contentsOfDirectory(atPath: root + "/" + folder)) ?? [] {
                let path = prefix + name
                if entries[path] == nil && !folders.contains(path) { _ = passerelle_remove_tree_or_file(root + "/" + path) }
            }
            times[folder] = OutputManifest.modificationTime(folder.isEmpty ? root : root + "/" + folder)
        }
        return times
    }

    /// Adds every folder that holds `path` (up to the tree itself, `""`) to `folders`, a set
    /// filled by this function alone: a folder in it comes with all of its own, so the walk up
    /// stops at the first folder already there.
    package static func addFolders(of path: String, to folders: inout Set<String>) {
        var folder = Substring(path)
        while let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) { // bytes, not characters: tens of thousands of paths
            folder = folder[..<slash]
            if !folders.insert(String(folder)).inserted { return }
        }
        folders.insert("")
    }

    package static func modificationTime(_ path: String) -> (Int64, Int64)? {
        var mtime: [Int64] = [0, 0]
        return passerelle_folder_time(path, &mtime) == 0 ? (mtime[0], mtime[1]) : nil
    }

    package static func folders<Paths: Sequence>(of paths: Paths) -> Set<String> where Paths.Element == String {
        var folders = Set<String>()
        for path in paths {
            var folder = Substring(path)
            while let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) { // bytes, not characters: tens of thousands of paths
                folder = folder[..<slash]
                if !folders.insert(String(folder)).inserted { break }
            }
        }
        return folders
    }
}
