import PasserelleContent
import PasserelleModel
import PasserellePages
import PasserelleResolve
import PasserelleTemplates
import PasserelleOutput
import CFileTree
import Foundation

/// Remembers, in `.passerelle-cache/` beside the content folder, the last successful build of an
/// output folder: a key made from the content hash of every input file (content and themes),
/// the tool, the options and the build day, together with that build's report.
///
/// When the next build has the same key and the output folder is exactly as that build left it,
/// there is nothing to do: the build reports the same result (warnings included) without
/// parsing, rendering or writing. Files whose size and modification time did not change are
/// not read again: their hash is taken from the cache, as git does with its index.
public struct BuildCache: Sendable {
    /// The state of one input file when it was last hashed.
    struct FileState {
        let size: Int64
        let mtime: (Int64, Int64)
        let hash: UInt64
    }

    /// What identifies a build's inputs.
    public struct Fingerprint: Sendable {
        public let key: String
        /// The state of every input file, in path order (as the record lists them).
        let files: [(path: String, state: FileState)]
        /// The key of everything but the content of the content texts (their paths included):
        /// a snapshot made under the same environment can be brought up to date text by text.
        package let environment: String
        /// The report of the last build when its key is this one: the record is read once, for
        /// the hashes it keeps, and tells at the same time whether anything changed.
        let recordedReport: BuildReport?
        /// The output the last build was made for, when its key is this one.
        let recordedOutput: OutputIdentity?

        /// The hash of every content text (`isText`), by path.
        package var textHashes: [String: UInt64] {
            var hashes: [String: UInt64] = [:]
            hashes.reserveCapacity(files.count)
            for (path, state) in files where Fingerprint.isText(path) { hashes[path] = state.hash }
            return hashes
        }

        /// Whether `path` (as `files` names it) is a content text: `content/…/*.md`.
        static func isText(_ path: String) -> Bool { path.hasPrefix("content/") && path.hasSuffix(".md") }
    }

    private static let header = "passerelle-build-cache 2"

    /// `.passerelle-cache/`.
    public let folder: URL
    /// The record of the last build into one output folder.
    let record: URL
    /// The `SiteSnapshot` of the last build into that output folder.
    package let snapshot: URL

    /// A cache kept in `folder`: `.passerelle-cache/` beside the content folder, or the dev
    /// server's own, in its private folder.
    public init(folder: URL, output: URL) {
        self.folder = folder
        let name = String(ContentHash.of(output.standardizedFileURL.path), radix: 16)
        record = folder.appendingPathComponent("build-" + name)
        snapshot = folder.appendingPathComponent("snapshot-" + name)
    }

    // MARK: Fingerprint

    /// Hashes every file under each of `inputs` (label, folder), reusing the hashes recorded for
    /// files that kept their size and time, and combines them with `settings`.
    /// `whenChanged` is called, before the hashing, when the listing already shows an input
    /// added, removed, or of another size or time than the record says.
    public func fingerprint(inputs: [(String, URL)], settings: String, whenChanged: () -> Void = {}) -> Fingerprint {
        fingerprint(listing: listInputs(inputs), settings: settings, whenChanged: whenChanged)
    }

    /// The input files with their sizes and times, as `fingerprint` lists them.
    package struct InputListing: Sendable {
        /// A file to hash (`source` its real path), or a problem of the tree (`source` nil, size -1):
        /// listed so that a link, FIFO or device added after a good build changes the fingerprint.
        package typealias File = (path: String, source: String?, size: Int64, mtime: (Int64, Int64))
        fileprivate let files: [File]
        /// The folders as walked for the listing, by label: a loader reads them without walking again.
        package let trees: [String: SourceTree]
    }

    /// Whether the last build into this output folder left a record or a snapshot: without
    /// either, a build is a full one, and it can take the hashes of what it reads (`prehashed`).
    package var isEmpty: Bool {
        access(record.path, F_OK) != 0 && access(snapshot.path, F_OK) != 0
    }

    /// Every file under each of `inputs` (label, folder), with its size and time, in path order,
    /// as `SourceTree` lists it: a link inside the folder by its target's size and time, a problem
    /// (a link leading outside, a FIFO…) by its path alone. Listed before anything is read: a file
    /// changed after its listing is read again next time.
    package func listInputs(_ inputs: [(String, URL)]) -> InputListing {
        var listed: [InputListing.File] = [], trees: [String: SourceTree] = [:]
        for (label, root) in inputs {
            let tree = SourceTree(root: root)
            trees[label] = tree
            for item in tree.items {
                // A folder by its path alone: one added or removed (an empty `x.fr.md/` included) changes the key.
                if item.isFolder { listed.append((label + "/" + item.path + "/", nil, -1, (0, 0))) } else {
                    listed.append((label + "/" + item.path, item.source, item.size, item.mtime))
                }
            }
            for problem in tree.problems { listed.append((label + "/" + problem.path, nil, -1, (0, 0))) }
        }
        listed.sort { String.utf8Precedes($0.path, $1.path) }
        return InputListing(files: listed, trees: trees)
    }

    /// The fingerprint of the files of `listing`: hashes in `prehashed` (by path, `content/…`)
    /// are those of the bytes a build read, else recorded ones for files that kept their size
    /// and time, else the files are read and hashed.
    package func fingerprint(listing: InputListing, settings: String, prehashed: [String: UInt64] = [:],
                     whenChanged: () -> Void = {}) -> Fingerprint {
        let saved = try? Record(contentsOf: record)
        let listed = listing.files
        let kept = BuildCache.keptStates(of: listed, in: saved?.files)
        if listed.count != saved?.files.count ?? 0 || kept.contains(where: { $0 == nil }) { whenChanged() }
        // Hashes of the bytes read first, then the recorded ones, else the file is read (on both cores).
        var states: [FileState] = [], unknown: [Int] = []
        states.reserveCapacity(listed.count)
        for (index, file) in listed.enumerated() {
            if !prehashed.isEmpty, let hash = prehashed[file.path] {
                states.append(FileState(size: file.size, mtime: file.mtime, hash: hash))
            } else if let old = kept[index] {
                states.append(old)
            } else {
                states.append(FileState(size: file.size, mtime: file.mtime, hash: 0))
                unknown.append(index)
            }
        }
        let hashed = unknown.concurrentMap { index -> UInt64 in
            guard let source = listed[index].source, case let .success(data) = SourceTree.read(path: source) else { return 0 }
            return data.withUnsafeBytes { ContentHash.of($0) }
        }
        for (index, hash) in zip(unknown, hashed) { states[index] = FileState(size: listed[index].size, mtime: listed[index].mtime, hash: hash) }
        // Bytes, not appended strings: two lines per input file.
        var summary = Array((settings + "\n").utf8), environment = summary
        summary.reserveCapacity(summary.count + listed.count * 64)
        environment.reserveCapacity(environment.count + listed.count * 48)
        for (file, state) in zip(listed, states) {
            summary.appendField(state.hash, radix: 16)
            summary.append(contentsOf: file.path.utf8)
            summary.append(UInt8(ascii: "\n"))
            if Fingerprint.isText(file.path) { environment.append(contentsOf: "- ".utf8) } else { environment.appendField(state.hash, radix: 16) }
            environment.append(contentsOf: file.path.utf8)
            environment.append(UInt8(ascii: "\n"))
        }
        func key(_ text: [UInt8]) -> String {
            text.withUnsafeBytes { String(ContentHash.of($0), radix: 16) + "-" + String(ContentHash.of($0, seed: 1), radix: 16) }
        }
        let summaryKey = key(summary)
        let files = Array(zip(listed.map(\.path), states))
        return Fingerprint(key: summaryKey, files: files,
                           environment: key(environment), recordedReport: saved?.key == summaryKey ? saved?.report : nil,
                           recordedOutput: saved?.key == summaryKey ? saved?.output : nil)
    }

    /// The recorded state of each of `listed` that kept its size and time (nil for the others).
    /// The record lists its files as they were listed, in path order: the two lists are read
    /// side by side, and looked up by path only from where they part (a file added or removed).
    static func keptStates(of listed: [InputListing.File], in recorded: RecordedFiles?) -> [FileState?] {
        func kept(_ state: FileState?, _ file: InputListing.File) -> FileState? {
            state.flatMap { $0.size == file.size && $0.mtime == file.mtime ? $0 : nil }
        }
        guard let recorded else { return Array(repeating: nil, count: listed.count) }
        var states: [FileState?] = []
        states.reserveCapacity(listed.count)
        var index = 0
        while index < listed.count, index < recorded.count, recorded.path(at: index, is: listed[index].path) {
            states.append(kept(recorded.states[index], listed[index]))
            index += 1
        }
        guard index < listed.count else { return states }
        var byPath: [String: FileState] = [:]
        for line in index..<recorded.count { byPath[recorded.path(at: line)] = recorded.states[line] }
        for file in listed[index...] { states.append(kept(byPath[file.path], file)) }
        return states
    }

    /// The input files of a record, in its order: their paths as bytes and their states, read
    /// without a string or a table entry per line (20,000 of them before every rebuild).
    struct RecordedFiles {
        private var paths: [UInt8] = []
        private var ends: [Int] = []
        private(set) var states: [FileState] = []

        var count: Int { states.count }

        mutating func append(path: UnsafeBufferPointer<UInt8>, state: FileState) {
            paths.append(contentsOf: path)
            ends.append(paths.count)
            states.append(state)
        }

        private func range(at index: Int) -> Range<Int> { (index == 0 ? 0 : ends[index - 1])..<ends[index] }

        /// Whether the path of the file at `index` is `path`.
        func path(at index: Int, is path: String) -> Bool {
            let range = range(at: index)
            return paths.withUnsafeBufferPointer { paths in
                path.utf8.withContiguousStorageIfAvailable { bytes in
                    bytes.count == range.count && (bytes.isEmpty || memcmp(bytes.baseAddress!, paths.baseAddress! + range.lowerBound, bytes.count) == 0)
                } ?? path.utf8.elementsEqual(paths[range])
            }
        }

        /// The path of the file at `index`.
        func path(at index: Int) -> String { String(decoding: paths[range(at: index)], as: UTF8.self) }
    }

    // MARK: Binding to the output

    /// What a record or a snapshot is bound to (`OutputTarget.identity`).
    package typealias OutputIdentity = PasserelleOutput.OutputIdentity

    /// Where the seal of the snapshot is: the hashes of the snapshot's files and the output they describe.
    var seal: URL { snapshot.appendingPathExtension("seal") }

    /// Seals the snapshot files, whose hashes are `hashes`, for `output`: written once they and the output are final.
    package func sealSnapshot(_ hashes: SiteSnapshot.FileHashes, for output: OutputIdentity) {
        BuildCache.replace(seal, with: BuildCache.sealed(Array(BuildCache.sealText(hashes, output).utf8)))
    }

    /// Whether the snapshot files read (their `hashes`) are those sealed for `output`: not changed,
    /// corrupted or put back since.
    package func snapshotIsSealed(_ hashes: SiteSnapshot.FileHashes?, for output: OutputIdentity) -> Bool {
        guard let hashes, let data = FileManager.default.contents(atPath: seal.path), let body = BuildCache.unsealed(data) else { return false }
        return String(decoding: body, as: UTF8.self) == BuildCache.sealText(hashes, output)
    }

    private static func sealText(_ hashes: SiteSnapshot.FileHashes, _ output: OutputIdentity) -> String {
        "\(header)\n\(output.line)\nsnapshot \(String(hashes.snapshot, radix: 16)) \(String(hashes.edits, radix: 16))\n"
    }

    /// The checksum line of `body`: `sum HASH`, the last line of every cache file but the snapshot's.
    private static func checksumLine<Bytes: DataProtocol>(of body: Bytes) -> String {
        let hash = Data(body).withUnsafeBytes { ContentHash.of($0) }
        return "sum \(String(hash, radix: 16))\n"
    }

    /// `body` followed by its checksum line.
    static func sealed(_ body: [UInt8]) -> [UInt8] { body + Array(checksumLine(of: body).utf8) }

    /// The lines before the final checksum line of `data` when that line is their checksum, else nil.
    static func unsealed(_ data: Data) -> Data? {
        guard data.last == 0x0A, let cut = data.dropLast().lastIndex(of: 0x0A).map({ $0 + 1 }) else { return nil }
        let body = data[..<cut]
        return String(decoding: data[cut...], as: UTF8.self) == checksumLine(of: body) ? body : nil
    }

    private static func replace(_ url: URL, with bytes: [UInt8]) {
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = url.appendingPathExtension("\(getpid())")
        guard (try? Data(bytes).write(to: temporary)) != nil else { return }
        if rename(temporary.path, url.path) != 0 { unlink(temporary.path) }
    }

    // MARK: Record

    /// The report of the last build if its key is `fingerprint`'s and it was made for `output` as it is.
    package func report(for fingerprint: Fingerprint, output: OutputIdentity?) -> BuildReport? {
        guard let output, fingerprint.recordedOutput == output else { return nil }
        return fingerprint.recordedReport
    }

    /// Records a successful build into `output`.
    package func remember(_ fingerprint: Fingerprint, report: BuildReport, output: OutputIdentity?) {
        guard let output else { return }
        let text = Record.text(key: fingerprint.key, files: fingerprint.files, report: report, output: output)
        BuildCache.replace(record, with: BuildCache.sealed(text))
    }

    /// Forgets the last build: called before a build changes anything.
    public func forget() {
        unlink(record.path)
    }

    /// Forgets the snapshot too: called before a full build changes anything.
    package func forgetSnapshot() {
        unlink(seal.path)
        unlink(snapshot.path)
        unlink(SiteSnapshot.editsURL(snapshot).path)
    }

    /// The record file: key, report, then the state of every input file.
    struct Record {
        let key: String
        let files: RecordedFiles
        let report: BuildReport

        /// The output the build was made for.
        let output: OutputIdentity?

        init(contentsOf url: URL) throws {
            guard let sealed = FileManager.default.contents(atPath: url.path) else { throw CocoaError(.fileReadNoSuchFile) }
            // The last line is the checksum of the others: a record changed by anything but a build is not one.
            guard let data = BuildCache.unsealed(sealed) else { throw CocoaError(.fileReadCorruptFile) }
            var output: OutputIdentity?
            var report = BuildReport()
            report.succeeded = true
            var key = "", files = RecordedFiles(), lineNumber = 0, valid = true
            data.withUnsafeBytes { raw in
                FieldScanner.forEachLine(in: raw.bindMemory(to: UInt8.self)) { line in
                    lineNumber += 1
                    guard valid else { return }
                    switch lineNumber {
                    case 1: valid = line.skip("passerelle-build-cache 2")
                    case 2: valid = line.skip("key "); key = line.rest()
                    case 3: valid = line.skip("languages"); report.languages = line.rest().split(separator: " ").map(String.init)
                    case 4:
                        valid = line.skip("pages")
                        for pair in line.rest().split(separator: " ") {
                            let parts = pair.split(separator: "=")
                            if parts.count == 2, let count = Int(parts[1]) { report.pagesPerLanguage[String(parts[0])] = count }
                        }
                    case 5: valid = line.skip("files "); report.filesWritten = line.integer().map(Int.init) ?? 0
                    case 6:
                        valid = line.skip("output ")
                        if let device = line.integer(), let inode = line.integer(), let manifest = line.hexadecimal() {
                            output = OutputIdentity(device: UInt64(bitPattern: device), inode: UInt64(bitPattern: inode), manifest: manifest)
                        } else {
                            valid = false
                        }
                    default:
                        if line.isEmpty { return }
                        if line.skip("D ") {
                            let fields = line.rest().split(separator: "\t", maxSplits: 4, omittingEmptySubsequences: false)
                            guard fields.count == 5, let severity = Diagnostic.Severity(rawValue: String(fields[0])),
                                  let number = Int(fields[2]), let column = Int(fields[3]) else { valid = false; return }
                            report.diagnostics.append(Diagnostic(severity, SourceLocation.recorded(path: Record.unescape(fields[1]), line: number, column: column),
                                                                 Record.unescape(fields[4])))
                        } else {
                            guard let size = line.integer(), let seconds = line.integer(), let nanoseconds = line.integer(),
                                  let hash = line.hexadecimal() else { valid = false; return }
                            files.append(path: line.restBytes(), state: FileState(size: size, mtime: (seconds, nanoseconds), hash: hash))
                        }
                    }
                }
            }
            guard valid, lineNumber >= 6 else { throw CocoaError(.fileReadCorruptFile) }
            self.output = output
            self.key = key
            self.files = files
            self.report = report
        }

        /// The record of a build: its `files` in path order (the file is the same for the same inputs).
        static func text(key: String, files: [(path: String, state: FileState)], report: BuildReport, output: OutputIdentity) -> [UInt8] {
            var head = BuildCache.header + "\nkey \(key)\nlanguages " + report.languages.joined(separator: " ") + "\npages"
            for (language, count) in report.pagesPerLanguage.sorted(by: { $0.key < $1.key }) { head += " \(language)=\(count)" }
            head += "\nfiles \(report.filesWritten)\n"
            head += output.line + "\n"
            for diagnostic in report.diagnostics {
                head += "D "; head += diagnostic.severity.rawValue
                head += "\t"; head += Record.escape(diagnostic.location.path)
                head += "\t"; head += String(diagnostic.location.line)
                head += "\t"; head += String(diagnostic.location.column)
                head += "\t"; head += Record.escape(diagnostic.message); head += "\n"
            }
            // Bytes, not interpolated strings: one line per input file, 20,000 of them, after every build.
            var text = Array(head.utf8)
            text.reserveCapacity(text.count + files.count * 64)
            for (path, state) in files {
                text.appendField(state.size)
                text.appendField(state.mtime.0)
                text.appendField(state.mtime.1)
                text.appendField(state.hash, radix: 16)
                text.append(contentsOf: path.utf8)
                text.append(UInt8(ascii: "\n"))
            }
            return text
        }

        static func escape(_ text: String) -> String {
            guard text.utf8.contains(where: { $0 == 0x5C || $0 == 0x0A || $0 == 0x09 }) else { return text }
            return text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: "\\t")
        }

        static func unescape(_ text: Substring) -> String {
            guard text.utf8.contains(0x5C) else { return String(text) }
            var result = "", escaped = false
            for character in text {
                if escaped {
                    result.append(character == "n" ? "\n" : character == "t" ? "\t" : character)
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else {
                    result.append(character)
                }
            }
            return result
        }
    }
}
