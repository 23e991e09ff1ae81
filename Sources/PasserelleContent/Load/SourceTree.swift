import PasserelleModel
import PasserelleOutput
import CFileTree
import Foundation

/// The files and folders of an input folder (the content folder, a theme), as the content contract
/// allows them (CONTENT.md, "What the content folder may hold"): regular files and folders, and
/// symbolic links whose fully resolved target lies inside the folder. Every other thing found (a
/// link leading outside, a dangling link, a link loop, a FIFO, a socket, a device, something
/// unreadable) is a `Problem`, and nothing is read through it. Hidden names (a component starting
/// with `.`) are passed over with everything under them.
public struct SourceTree: Sendable {
    /// A file or folder that may be read.
    public struct Item: Sendable {
        /// The path under the root, `/`-separated, as the folder shows it (through links).
        public let path: String
        public let isFolder: Bool
        /// The size and modification time of the file (of a link's target).
        public let size: Int64
        public let mtime: (Int64, Int64)
        /// The file's absolute path with no link in it.
        public let source: String
    }

    /// Something under the root that is not read.
    public struct Problem: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            case linkLeadsOutside(target: String)
            case danglingLink(target: String)
            case linkLoop(target: String)
            case fifo, socket, device
            case unreadable(errno: Int32)
        }
        public let path: String
        public let kind: Kind

        public init(path: String, kind: Kind) {
            self.path = path
            self.kind = kind
        }

        /// What is wrong, in words, for a diagnostic naming `path`; `folder` names the root ("the content folder").
        public func message(folder: String) -> String {
            switch kind {
            case let .linkLeadsOutside(target):
                return "symbolic link to '\(target)' leads outside \(folder): nothing is read through it (copy the file into \(folder) instead)"
            case let .danglingLink(target): return "symbolic link to '\(target)' leads nowhere (its target does not exist)"
            case let .linkLoop(target): return "symbolic link to '\(target)' is a loop (it leads back to a folder that contains it)"
            case .fifo: return "a FIFO (named pipe) is not a file that can be published: only regular files and folders are read"
            case .socket: return "a socket is not a file that can be published: only regular files and folders are read"
            case .device: return "a device is not a file that can be published: only regular files and folders are read"
            case let .unreadable(code): return "cannot be read: \(String(cString: strerror(code)))"
            }
        }
    }

    /// The root folder, as given.
    public let root: URL
    /// Every item, sorted by path (byte order).
    public let items: [Item]
    /// Every problem, sorted by path.
    public let problems: [Problem]
    /// Set when the root itself cannot be listed (an errno value).
    public let rootError: Int32?

    /// Lists `root`. A missing root gives an empty tree with `rootError` ENOENT.
    public init(root: URL) {
        self.root = root
        var text: UnsafeMutablePointer<CChar>?
        var length = 0
        let status = passerelle_list_tree(root.path, &text, &length)
        var items: [Item] = [], problems: [Problem] = []
        if status == 0, let text {
            defer { free(text) }
            UnsafeRawBufferPointer(start: text, count: length).withMemoryRebound(to: UInt8.self) { bytes in
                SourceTree.parse(bytes, root: root.standardizedFileURL.path, items: &items, problems: &problems)
            }
        }
        items.sort { String.utf8Precedes($0.path, $1.path) }
        problems.sort { String.utf8Precedes($0.path, $1.path) }
        self.items = items
        self.problems = problems
        rootError = status == 0 ? nil : status
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, root: String, items: inout [Item], problems: inout [Problem]) {
        var cursor = 0
        func field() -> Int64 {
            var negative = false, value: Int64 = 0
            if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "-") { negative = true; cursor += 1 }
            while cursor < bytes.count, bytes[cursor] >= 0x30, bytes[cursor] <= 0x39 {
                value = value * 10 + Int64(bytes[cursor] - 0x30)
                cursor += 1
            }
            cursor += 1 // the space
            return negative ? -value : value
        }
        func string() -> String {
            let start = cursor
            while cursor < bytes.count, bytes[cursor] != 0 { cursor += 1 }
            defer { cursor += 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<cursor]), as: UTF8.self)
        }
        let prefix = root.hasSuffix("/") ? root : root + "/"
        while cursor < bytes.count {
            let kind = bytes[cursor]
            cursor += 2
            let size = field(), seconds = field(), nanoseconds = field()
            let path = string(), physical = string()
            switch kind {
            case UInt8(ascii: "f"), UInt8(ascii: "d"):
                items.append(Item(path: path, isFolder: kind == UInt8(ascii: "d"), size: size, mtime: (seconds, nanoseconds),
                                  source: physical.isEmpty ? prefix + path : physical))
            case UInt8(ascii: "L"): problems.append(Problem(path: path, kind: .linkLeadsOutside(target: physical)))
            case UInt8(ascii: "D"): problems.append(Problem(path: path, kind: .danglingLink(target: physical)))
            case UInt8(ascii: "O"): problems.append(Problem(path: path, kind: .linkLoop(target: physical)))
            case UInt8(ascii: "F"): problems.append(Problem(path: path, kind: .fifo))
            case UInt8(ascii: "S"): problems.append(Problem(path: path, kind: .socket))
            case UInt8(ascii: "V"): problems.append(Problem(path: path, kind: .device))
            default: problems.append(Problem(path: path, kind: .unreadable(errno: Int32(truncatingIfNeeded: size))))
            }
        }
    }

    /// The item at `path`, if the tree holds one there.
    public subscript(path: String) -> Item? {
        let index = firstIndex(notBefore: path)
        return index < items.count && items[index].path == path ? items[index] : nil
    }

    /// The items directly in the folder at `folder` ("" for the root), in path order.
    public func children(of folder: String) -> [Item] {
        if folder.isEmpty { return items.filter { !$0.path.utf8Contains { $0 == UInt8(ascii: "/") } } }
        let prefixCount = folder.utf8.count + 1
        return items[run(under: folder)].filter { item in
            !item.path.utf8.dropFirst(prefixCount).contains(UInt8(ascii: "/"))
        }
    }

    /// The files anywhere under the folder at `folder`, with their paths relative to it, in path order.
    public func files(under folder: String) -> [Item] {
        items[run(under: folder)].filter { !$0.isFolder }
    }

    /// Where the items under `folder` are: `items` are in byte order, so the paths that start
    /// with `folder/` are those from `folder/` up to `folder0` ('0' is the byte after '/'),
    /// found by binary search rather than by reading every path (a section's files among 20,000).
    private func run(under folder: String) -> Range<Int> {
        firstIndex(notBefore: folder + "/")..<firstIndex(notBefore: folder + "0")
    }

    /// The first index whose item's path does not sort before `path` (byte order).
    private func firstIndex(notBefore path: String) -> Int {
        var low = 0, high = items.count
        while low < high {
            let middle = (low + high) / 2
            if String.utf8Precedes(items[middle].path, path) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The problems under the folder at `folder` ("" for all).
    public func problems(under folder: String) -> [Problem] {
        folder.isEmpty ? problems : problems.filter { $0.path.hasPrefix(folder + "/") }
    }

    /// The bytes of a file item: read from its real path without following a final link or waiting
    /// on a FIFO, so that a file replaced between the listing and the read is refused too.
    public static func read(_ item: Item) -> Result<Data, ReadError> { read(path: item.source) }

    /// The bytes of the regular file at `path`, read as `read(_:)` reads an item (`RegularFile.read`).
    public static func read(path: String) -> Result<Data, ReadError> { RegularFile.read(path: path) }

    /// The real path of `relative` under `root` when it lies inside `root` once every link is
    /// resolved (nil otherwise, or when it does not exist), hidden components refused.
    public static func resolve(_ relative: String, in root: URL) -> String? {
        guard !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
              let realRoot = realpath(root.path, nil) else { return nil }
        defer { free(realRoot) }
        guard let real = realpath(root.appendingPathComponent(relative).path, nil) else { return nil }
        defer { free(real) }
        let base = String(cString: realRoot), path = String(cString: real)
        return path.hasPrefix(base == "/" ? "/" : base + "/") ? path : nil
    }

    /// Why a file could not be read.
    public typealias ReadError = RegularFile.ReadError
}
