import CFileTree
@testable import PasserelleCore
@testable import PasserelleIncremental
@testable import PasserellePages
@testable import PasserelleResolve
@testable import PasserelleTemplates
import XCTest

final class OutputManifestTests: XCTestCase {
    func testTheManifestIsWrittenLineByLineInPathOrderAndReadBack() throws {
        var manifest = OutputManifest(entries: [
            "fr/b/index.html": .init(hash: 0xFEDC_BA98_7654_3210, size: 12, mtime: (1_700_000_000, 123)),
            "404.html": .init(hash: 0, size: 0, mtime: (0, 999_999_999)),
            "en/a é/index.html": .init(hash: 0x1F, size: 1_234_567, mtime: (-5, 7)),
        ])
        manifest.folderTimes = ["fr": (10, 20), "": (1, 2)]
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("manifest-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        try manifest.write(to: url)
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), """
            passerelle-output-manifest 1
            0 0 0 999999999 404.html
            1f 1234567 -5 7 en/a é/index.html
            fedcba9876543210 12 1700000000 123 fr/b/index.html
            D 1 2 \n\
            D 10 20 fr

            """)
        let read = try XCTUnwrap(OutputManifest(contentsOf: url))
        XCTAssertEqual(read.entries, manifest.entries)
        XCTAssertEqual(read.folderTimes.count, 2)
    }

    func testAManifestDescribesATreeOnlyWhileNothingInItChanged() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tree-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        var entries: [String: OutputManifest.Entry] = [:]
        // Enough files that the check runs in several chunks.
        for index in 0..<3_000 {
            let path = "section \(index % 7)/entry-\(index)/index.html"
            try FileManager.default.createDirectory(at: root.appendingPathComponent(path).deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            let bytes = Array("page \(index)".utf8)
            var mtime: [Int64] = [0, 0]
            XCTAssertEqual(passerelle_write_file_at(root.path + "/" + path, bytes, bytes.count, &mtime), 0)
            entries[path] = .init(hash: bytes.withUnsafeBytes { ContentHash.of($0) }, size: Int64(bytes.count), mtime: (mtime[0], mtime[1]))
        }
        var manifest = OutputManifest(entries: entries)
        manifest.recordFolderTimes(root: root.path)
        let file = root.deletingLastPathComponent().appendingPathComponent(root.lastPathComponent + ".manifest")
        defer { try? FileManager.default.removeItem(at: file) }
        try manifest.write(to: file)
        let data = try Data(contentsOf: file)
        XCTAssertTrue(OutputManifest.describes(data, root: root.path))

        // A file rewritten with other bytes of the same size, one removed, one added: each is seen.
        let first = root.appendingPathComponent("section 3/entry-3/index.html")
        Thread.sleep(forTimeInterval: 0.01)
        try Data("page 9".utf8).write(to: first)
        XCTAssertFalse(OutputManifest.describes(data, root: root.path), "a file changed in place")
        try FileManager.default.removeItem(at: first)
        XCTAssertFalse(OutputManifest.describes(data, root: root.path), "a file removed")
        manifest.recordFolderTimes(root: root.path)
        var fresh = OutputManifest(entries: entries.filter { $0.key != "section 3/entry-3/index.html" })
        fresh.folderTimes = manifest.folderTimes
        try fresh.write(to: file)
        XCTAssertTrue(OutputManifest.describes(try Data(contentsOf: file), root: root.path))
        try Data("stray".utf8).write(to: root.appendingPathComponent("section 5/stray.txt"))
        XCTAssertFalse(OutputManifest.describes(try Data(contentsOf: file), root: root.path), "a file added")
        XCTAssertFalse(OutputManifest.describes(Data("passerelle-output-manifest 1\nnot a line\n".utf8), root: root.path))
        XCTAssertFalse(OutputManifest.describes(Data(), root: root.path))
    }

    func testAnUpdatedManifestReadsBackAsTheWholeOneWould() throws {
        var manifest = OutputManifest(entries: [
            "a/index.html": .init(hash: 1, size: 1, mtime: (1, 1)),
            "b/index.html": .init(hash: 2, size: 2, mtime: (2, 2)),
        ])
        manifest.folderTimes = ["": (5, 5), "a": (6, 6), "b": (7, 7)]
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("manifest-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        try manifest.write(to: url)
        let changed: [String: OutputManifest.Entry] = ["b/index.html": .init(hash: 3, size: 3, mtime: (8, 8)),
                                                       "c/new.txt": .init(hash: 4, size: 4, mtime: (9, 9))]
        XCTAssertEqual(OutputManifest.entries(of: ["b/index.html", "missing"], in: try Data(contentsOf: url)),
                       ["b/index.html": manifest.entries["b/index.html"]!])
        try OutputManifest.write(to: url, updating: try Data(contentsOf: url), files: changed, folders: ["": (10, 10), "c": (11, 11)])
        let read = try XCTUnwrap(OutputManifest(contentsOf: url))
        XCTAssertEqual(read.entries, manifest.entries.merging(changed) { $1 })
        XCTAssertEqual(read.folderTimes.mapValues { [$0.0, $0.1] }, ["": [10, 10], "a": [6, 6], "b": [7, 7], "c": [11, 11]])
        XCTAssertEqual(read.folders, ["a", "b", "c"])
    }

    /// The lines a text edit updates are found by their ends: a path that ends another (after a
    /// space, as in `section 3/…`), a folder named like a file's end, and the tree itself (`""`,
    /// whose line ends with a space) must each find only their own line.
    func testAPathIsFoundByItsLineAloneWhereOtherPathsEndLikeIt() throws {
        var manifest = OutputManifest(entries: [
            "section 3/entry-3/index.html": .init(hash: 1, size: 1, mtime: (1, 1)),
            "3/entry-3/index.html": .init(hash: 2, size: 2, mtime: (2, 2)),
            "index.html": .init(hash: 3, size: 3, mtime: (3, 3)),
            "a b/index.html": .init(hash: 4, size: 4, mtime: (4, 4)),
        ])
        manifest.folderTimes = ["": (5, 5), "section 3": (6, 6), "3": (7, 7), "section 3/entry-3": (8, 8), "3/entry-3": (9, 9), "a b": (10, 10)]
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("manifest-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        try manifest.write(to: url)
        let data = try Data(contentsOf: url)
        for path in manifest.entries.keys {
            XCTAssertEqual(OutputManifest.entries(of: [path], in: data), [path: manifest.entries[path]!], path)
        }
        XCTAssertEqual(OutputManifest.entries(of: ["entry-3/index.html", "b/index.html", "3", ""], in: data), [:])
        let changed: [String: OutputManifest.Entry] = ["3/entry-3/index.html": .init(hash: 20, size: 20, mtime: (20, 20)),
                                                       "index.html": .init(hash: 30, size: 30, mtime: (30, 30))]
        try OutputManifest.write(to: url, updating: data, files: changed, folders: ["": (50, 50), "3": (70, 70)])
        let read = try XCTUnwrap(OutputManifest(contentsOf: url))
        XCTAssertEqual(read.entries, manifest.entries.merging(changed) { $1 })
        XCTAssertEqual(read.folderTimes.mapValues { [$0.0, $0.1] },
                       ["": [50, 50], "section 3": [6, 6], "3": [70, 70], "section 3/entry-3": [8, 8], "3/entry-3": [9, 9], "a b": [10, 10]])
        XCTAssertEqual(try Data(contentsOf: url).filter { $0 == 0x0A }.count, data.filter { $0 == 0x0A }.count,
                       "no line left out or written twice")
    }

    func testTheFoldersOfPathsAreEveryFolderAboveThemWhateverTheOrder() {
        let paths = ["fr/a/b/index.html", "fr/a/index.html", "en/c/d/e.html", "root.html", "fr/a/b/c/x.html", "en/f.html"]
        let expected: Set<String> = ["fr", "fr/a", "fr/a/b", "fr/a/b/c", "en", "en/c", "en/c/d"]
        XCTAssertEqual(OutputManifest.folders(of: paths), expected)
        for order in [paths, paths.reversed(), paths.sorted(), paths.sorted().reversed()] {
            var folders = Set<String>()
            for path in order { OutputManifest.addFolders(of: path, to: &folders) }
            XCTAssertEqual(folders, expected.union([""]), "every folder up to the tree itself, in \(order)")
        }
    }
}
