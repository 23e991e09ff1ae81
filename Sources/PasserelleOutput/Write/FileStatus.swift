import PasserelleModel
import CFileTree

/// The size and modification time of a file or folder, as a check of a tree compares them.
package struct FileStatus: Equatable {
    package let size: Int64
    package let mtime: (Int64, Int64)

    package static func == (a: FileStatus, b: FileStatus) -> Bool { a.size == b.size && a.mtime == b.mtime }

    /// The status of each of `paths` (relative to `root`; `""` is `root` itself), in their order:
    /// nil where the path is missing or not a regular file (a folder, when `folders`).
    ///
    /// Checking that a tree is as a build left it stats tens of thousands of paths: they are looked
    /// up in batches across cores (`passerelle_status_batch`), relative to the tree's descriptor.
    package static func of(_ paths: [String], under root: String, folders: Bool = false) -> [FileStatus?] {
        let chunkSize = 2_048
        let chunks = stride(from: 0, to: paths.count, by: chunkSize).map { paths[$0..<min($0 + chunkSize, paths.count)] }
        return Array(chunks.concurrentMap { chunk -> [FileStatus?] in
            var names: [UInt8] = []
            names.reserveCapacity(chunk.count * 48)
            for path in chunk {
                names.append(contentsOf: path.utf8)
                names.append(0)
            }
            var raw = [Int64](repeating: -1, count: chunk.count * 3)
            names.withUnsafeBufferPointer { names in
                raw.withUnsafeMutableBufferPointer { raw in
                    names.baseAddress!.withMemoryRebound(to: CChar.self, capacity: names.count) { names in
                        passerelle_status_batch(root, names, chunk.count, folders ? 1 : 0, raw.baseAddress!)
                    }
                }
            }
            return (0..<chunk.count).map { raw[3 * $0] < 0 ? nil : FileStatus(size: raw[3 * $0], mtime: (raw[3 * $0 + 1], raw[3 * $0 + 2])) }
        }.joined())
    }
}
