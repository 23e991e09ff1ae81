import Foundation
import XCTest
@testable import PasserelleCore
@testable import PasserelleServe

final class ServedPathTests: XCTestCase {
    let site = MemoryOutput.Site(files: ["index.html": [], "fr/a/index.html": Array("x".utf8), "fr/.hidden": [], "fr/b/page.html": []])

    func testResolution() {
        XCTAssertEqual(ServedPath.resolve("/", in: site), .file("index.html"))
        XCTAssertEqual(ServedPath.resolve("/fr/a/", in: site), .file("fr/a/index.html"))
        XCTAssertEqual(ServedPath.resolve("/fr/a/index.html", in: site), .file("fr/a/index.html"))
        XCTAssertEqual(ServedPath.resolve("/fr/a", in: site), .redirect("/fr/a/"))
        XCTAssertEqual(ServedPath.resolve("//fr/a", in: site), .redirect("/fr/a/"))
        XCTAssertEqual(ServedPath.resolve("/fr/b/", in: site), .notFound, "a folder without index.html")
        XCTAssertEqual(ServedPath.resolve("/fr/c/", in: site), .notFound)
        XCTAssertEqual(ServedPath.resolve("/fr/a/index.html/", in: site), .file("fr/a/index.html"))
    }

    func testNothingOutsideTheSiteIsNamed() {
        for path in ["/../etc/passwd", "/fr/../../etc/passwd", "/%2e%2e/etc/passwd", "/%252e%252e/etc/passwd", "/fr/.hidden",
                     "/fr\\..\\..\\etc", "/fr/a/\0", "etc/passwd"] {
            XCTAssertEqual(ServedPath.resolve(path, in: site), .forbidden, path)
        }
    }

    func testContentTypes() {
        XCTAssertEqual(ServedPath.contentType(of: "a/b.css"), "text/css; charset=utf-8")
        XCTAssertEqual(ServedPath.contentType(of: "a/calendar.ics"), "text/calendar; charset=utf-8")
        XCTAssertEqual(ServedPath.contentType(of: "a/atom.xml"), "application/atom+xml")
        XCTAssertEqual(ServedPath.contentType(of: "a/x.bin"), "application/octet-stream")
    }
}
