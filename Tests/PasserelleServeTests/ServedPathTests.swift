import Foundation
import XCTest
@testable import PasserelleServe

final class ServedPathTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("served-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("fr/a"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: root.appendingPathComponent("fr/a/index.html"))
        try Data("s".utf8).write(to: root.appendingPathComponent("fr/.hidden"))
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("fr/escape"), withDestinationURL: URL(fileURLWithPath: "/etc"))
    }

    override func tearDown() { try? FileManager.default.removeItem(at: root) }

    func testResolution() {
        XCTAssertEqual(ServedPath.resolve("/fr/a/", root: root), .file(root.appendingPathComponent("fr/a/index.html")))
        XCTAssertEqual(ServedPath.resolve("/fr/a/index.html", root: root), .file(root.appendingPathComponent("fr/a/index.html")))
        XCTAssertEqual(ServedPath.resolve("/fr/a", root: root), .redirect("/fr/a/"))
        XCTAssertEqual(ServedPath.resolve("/fr/b/", root: root), .notFound)
    }

    func testNothingEscapesTheServedFolder() {
        for path in ["/../etc/passwd", "/fr/../../etc/passwd", "/%2e%2e/etc/passwd", "/%252e%252e/etc/passwd", "/fr/.hidden",
                     "/fr\\..\\..\\etc", "/fr/a/\0", "etc/passwd", "/fr/escape/passwd"] {
            XCTAssertEqual(ServedPath.resolve(path, root: root), .forbidden, path)
        }
    }

    func testContentTypes() {
        XCTAssertEqual(ServedPath.contentType(of: URL(fileURLWithPath: "/a/b.css")), "text/css; charset=utf-8")
        XCTAssertEqual(ServedPath.contentType(of: URL(fileURLWithPath: "/a/calendar.ics")), "text/calendar; charset=utf-8")
        XCTAssertEqual(ServedPath.contentType(of: URL(fileURLWithPath: "/a/atom.xml")), "application/atom+xml")
        XCTAssertEqual(ServedPath.contentType(of: URL(fileURLWithPath: "/a/x.bin")), "application/octet-stream")
    }
}
