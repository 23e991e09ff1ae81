import Foundation
import XCTest
@testable import PasserelleCore
@testable import PasserelleIncremental
@testable import PasserellePages
@testable import PasserelleResolve
@testable import PasserelleTemplates

final class SourceTreeTests: XCTestCase {
    var root: URL!
    var outside: URL!

    override func setUpWithError() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("passerelle-tree-\(UUID().uuidString)")
        root = base.appendingPathComponent("root")
        outside = base.appendingPathComponent("outside")
        for folder in ["a/b", "c", ".hidden/x", "d/.git"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("one".utf8).write(to: root.appendingPathComponent("a/b/one.txt"))
        try Data("secret".utf8).write(to: outside.appendingPathComponent("secret"))
        try Data("x".utf8).write(to: root.appendingPathComponent(".hidden/x/y"))
        try Data("token".utf8).write(to: root.appendingPathComponent("d/.git/config"))
    }

    override func tearDown() { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }

    func link(_ path: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent(path).path, withDestinationPath: target)
    }

    func testFilesFoldersAndLinksInsideAreListedByTheirRealPaths() throws {
        try link("c/inner.txt", to: "../a/b/one.txt")
        try link("c/folder", to: "../a")
        let tree = SourceTree(root: root)
        XCTAssertEqual(tree.items.map(\.path), ["a", "a/b", "a/b/one.txt", "c", "c/folder", "c/folder/b", "c/folder/b/one.txt", "c/inner.txt", "d"])
        XCTAssertEqual(tree.problems, [])
        let real = try XCTUnwrap(tree["a/b/one.txt"]).source
        XCTAssertEqual(tree["c/inner.txt"]?.source, real)
        XCTAssertEqual(tree["c/folder/b/one.txt"]?.source, real)
        XCTAssertEqual(tree["c/inner.txt"]?.size, 3)
        XCTAssertEqual(try SourceTree.read(XCTUnwrap(tree["c/inner.txt"])).get(), Data("one".utf8))
        XCTAssertEqual(tree.children(of: "a").map(\.path), ["a/b"])
        XCTAssertEqual(tree.files(under: "c").map(\.path), ["c/folder/b/one.txt", "c/inner.txt"])
    }

    /// A folder's items are found as one run of the sorted listing: names that sort right
    /// before and after `a/` (`a-b`, `a.b`, `a0`, `ab`: bytes either side of '/') are not in it.
    func testChildrenAndFilesOfAFolderLeaveOutItsNeighboursInByteOrder() throws {
        for name in ["a-b", "a.b", "a0", "ab"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(name), withIntermediateDirectories: true)
            try Data(name.utf8).write(to: root.appendingPathComponent(name + "/f.txt"))
        }
        try Data("two".utf8).write(to: root.appendingPathComponent("a/two.txt"))
        try Data("top".utf8).write(to: root.appendingPathComponent("a.txt"))
        let tree = SourceTree(root: root)
        XCTAssertEqual(tree.children(of: "a").map(\.path), ["a/b", "a/two.txt"])
        XCTAssertEqual(tree.files(under: "a").map(\.path), ["a/b/one.txt", "a/two.txt"])
        XCTAssertEqual(tree.files(under: "a0").map(\.path), ["a0/f.txt"])
        XCTAssertEqual(tree.children(of: "").map(\.path), ["a", "a-b", "a.b", "a.txt", "a0", "ab", "c", "d"])
        XCTAssertEqual(tree.children(of: "missing").map(\.path), [])
        XCTAssertEqual(tree["a.b/f.txt"]?.size, 3)
        XCTAssertNil(tree["a/b/one"])
        XCTAssertNil(tree["zz"])
        XCTAssertEqual(tree["a"]?.isFolder, true)
    }

    func testLinksOutsideDanglingLoopsAndSpecialFilesAreProblems() throws {
        try link("c/shadow", to: outside.appendingPathComponent("secret").path)
        try link("c/environ", to: "/proc/self/environ")
        try link("c/relative-out", to: "../../outside/secret")
        try link("c/dangling", to: "missing.txt")
        try link("c/self", to: "self")
        try link("a/b/up", to: "../..")
        try link("c/root", to: root.path)
        XCTAssertEqual(mkfifo(root.appendingPathComponent("c/pipe.fr.md").path, 0o644), 0)
        let tree = SourceTree(root: root)
        XCTAssertEqual(tree.problems, [
            .init(path: "a/b/up", kind: .linkLoop(target: "../..")),
            .init(path: "c/dangling", kind: .danglingLink(target: "missing.txt")),
            .init(path: "c/environ", kind: .linkLeadsOutside(target: "/proc/self/environ")),
            .init(path: "c/pipe.fr.md", kind: .fifo),
            .init(path: "c/relative-out", kind: .linkLeadsOutside(target: "../../outside/secret")),
            .init(path: "c/root", kind: .linkLoop(target: root.path)),
            .init(path: "c/self", kind: .linkLoop(target: "self")),
            .init(path: "c/shadow", kind: .linkLeadsOutside(target: outside.appendingPathComponent("secret").path)),
        ])
        XCTAssertFalse(tree.items.contains { $0.path.hasPrefix("c/") })
    }

    /// The root's folders are listed by two threads, each taking the next one left: every file
    /// and problem of each is listed once, in path order.
    func testEveryFolderOfTheRootIsListedOnceWhicheverThreadListsIt() throws {
        var expected = ["a", "a/b", "a/b/one.txt", "c", "d"]
        for folder in 0..<40 {
            let name = "f\(folder)"
            try FileManager.default.createDirectory(at: root.appendingPathComponent("\(name)/sub"), withIntermediateDirectories: true)
            expected += [name, "\(name)/sub"]
            for file in 0..<5 {
                try Data("x".utf8).write(to: root.appendingPathComponent("\(name)/sub/\(file).md"))
                expected.append("\(name)/sub/\(file).md")
            }
            try link("\(name)/out", to: outside.appendingPathComponent("secret").path)
        }
        let tree = SourceTree(root: root)
        XCTAssertEqual(tree.items.map(\.path), expected.sorted { String.utf8Precedes($0, $1) })
        XCTAssertEqual(tree.problems.map(\.path), (0..<40).map { "f\($0)/out" }.sorted { String.utf8Precedes($0, $1) })
    }

    func testHiddenComponentsAreNeverListed() {
        let paths = SourceTree(root: root).items.map(\.path)
        XCTAssertFalse(paths.contains { $0.split(separator: "/").contains { $0.hasPrefix(".") } }, "\(paths)")
        XCTAssertNil(SourceTree.resolve("d/.git/config", in: root))
    }

    func testReadingRefusesLinksFoldersAndFIFOsWithoutWaiting() throws {
        try link("c/inner.txt", to: "../a/b/one.txt")
        XCTAssertEqual(mkfifo(root.appendingPathComponent("c/pipe").path, 0o644), 0)
        XCTAssertEqual(readError(root.appendingPathComponent("c/inner.txt").path), ELOOP)
        XCTAssertEqual(readError(root.appendingPathComponent("c/pipe").path), ENODEV)
        XCTAssertEqual(readError(root.appendingPathComponent("a").path), EISDIR)
    }

    func testResolveKeepsToTheRoot() throws {
        try link("c/inner.txt", to: "../a/b/one.txt")
        try link("c/out", to: outside.appendingPathComponent("secret").path)
        XCTAssertEqual(SourceTree.resolve("c/inner.txt", in: root), SourceTree(root: root)["a/b/one.txt"]?.source)
        XCTAssertNil(SourceTree.resolve("c/out", in: root))
        XCTAssertNil(SourceTree.resolve("../outside/secret", in: root))
    }

    func testAMissingRootIsAnError() {
        XCTAssertEqual(SourceTree(root: root.appendingPathComponent("nope")).rootError, ENOENT)
    }

    private func readError(_ path: String) -> Int32? {
        if case let .failure(error) = SourceTree.read(path: path) { return error.code }
        return nil
    }
}
