@testable import PasserelleCore
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
}
