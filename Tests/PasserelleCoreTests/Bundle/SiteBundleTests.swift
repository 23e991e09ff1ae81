import Foundation
import XCTest
@testable import PasserelleBundle
@testable import PasserelleOutput

final class SiteBundleTests: XCTestCase {
    func testContentsAreSortedByTheirUTF8BytesWithTheirFolders() {
        let contents = BundleContents(files: ["fr/é.html": [1], "fr/z.html": [2], "a.css": [3], "fr/projets/index.html": [4]])
        XCTAssertEqual(contents.files.map(\.path), ["a.css", "fr/projets/index.html", "fr/z.html", "fr/é.html"])
        XCTAssertEqual(contents.folders, ["fr/", "fr/projets/"])
        XCTAssertEqual(BundleContents.ofBuild(["index.html": []]).files.map(\.path).sorted(), [OutputWriter.marker, "index.html"].sorted(),
                       "what build writes, its marker file included")
    }

    func testLanguageCodesAndDescriptionsForTheZIMsMetadata() {
        XCTAssertEqual(BundleMetadata.iso639_3("fr"), "fra")
        XCTAssertEqual(BundleMetadata.iso639_3("en"), "eng")
        XCTAssertEqual(BundleMetadata.iso639_3("ar"), "ara")
        XCTAssertEqual(BundleMetadata.oneLine(html: "<p>Le <em>volontariat</em> &amp; les TIC. Une autre phrase.</p>", fallback: "f"),
                       "Le volontariat & les TIC.")
        XCTAssertEqual(BundleMetadata.oneLine(html: "<p></p>", fallback: "Site"), "Site")
        let long = BundleMetadata.oneLine(html: "<p>" + String(repeating: "mot ", count: 50) + "</p>", fallback: "", limit: 20)
        XCTAssertLessThanOrEqual(long.count, 20)
        XCTAssertTrue(long.hasSuffix("…"))
    }

    func testAWriteThatFailsLeavesNeitherAPartialFileNorTheOldOneChanged() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bundle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let metadata = BundleMetadata(name: "t", title: "T", description: "d", languages: ["fra"], creator: "c", publisher: "p",
                                      date: Date(timeIntervalSince1970: 1_132_000_000), mainPage: "index.html", illustration: [])
        let contents = BundleContents(files: ["index.html": Array("<p>x</p>".utf8)])
        XCTAssertThrowsError(try BundleFile.write(contents, as: .zip, metadata: metadata, to: folder.appendingPathComponent("missing/site.zip"))) {
            XCTAssertTrue("\($0)".contains("does not exist"), "\($0)")
        }
        let destination = folder.appendingPathComponent("site.zip")
        try BundleFile.write(contents, as: .zip, metadata: metadata, to: destination)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["site.zip"], "no temporary left beside it")
        XCTAssertEqual(BundleFormat.zim.fileName(base: "isv2003"), "isv2003.zim")
    }
}
