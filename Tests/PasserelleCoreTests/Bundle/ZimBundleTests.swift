import CZim
import Foundation
import XCTest
@testable import PasserelleBundle
@testable import PasserelleCore

/// A ZIM archive read back through libzim's reader: items, MIME types, metadata, main page, search.
final class ZimBundleTests: XCTestCase {
    /// libzim's reader, for the tests.
    enum Reader {
        struct Failure: Error, CustomStringConvertible { let description: String }

        static func call(_ body: (UnsafeMutablePointer<CChar>, Int) -> Int32) throws {
            var error = [CChar](repeating: 0, count: 512)
            guard body(&error, error.count) == 0 else { throw Failure(description: ZimBundle.message(error)) }
        }

        static func item(_ archive: URL, _ path: String) throws -> (bytes: Data, mimeType: String) {
            var bytes: UnsafeMutablePointer<CChar>?, mime: UnsafeMutablePointer<CChar>?, size = 0
            try call { passerelle_zim_read_item(archive.path, path, &bytes, &size, &mime, $0, $1) }
            defer { free(bytes); free(mime) }
            return (Data(bytes: bytes!, count: size), String(cString: mime!))
        }

        static func metadata(_ archive: URL, _ name: String) throws -> Data {
            var bytes: UnsafeMutablePointer<CChar>?, size = 0
            try call { passerelle_zim_read_metadata(archive.path, name, &bytes, &size, $0, $1) }
            defer { free(bytes) }
            return Data(bytes: bytes!, count: size)
        }

        static func mainPath(_ archive: URL) throws -> String {
            var path: UnsafeMutablePointer<CChar>?
            try call { passerelle_zim_read_main_path(archive.path, &path, $0, $1) }
            defer { free(path) }
            return String(cString: path!)
        }

        static func search(_ archive: URL, _ query: String) throws -> [String] {
            var paths: UnsafeMutablePointer<CChar>?
            try call { passerelle_zim_search(archive.path, query, 20, &paths, $0, $1) }
            defer { free(paths) }
            return String(cString: paths!).split(separator: "\n").map(String.init)
        }

        static func count(_ archive: URL) throws -> Int {
            var count: UInt = 0
            try call { passerelle_zim_entry_count(archive.path, &count, $0, $1) }
            return Int(count)
        }
    }

    func testABuiltSiteReadsBackWithItsTypesMetadataMainPageAndIndex() throws {
        let site = try FixtureSite("bilingual")
        defer { site.remove() }
        XCTAssertTrue(site.build().succeeded)
        let built = FixtureSite.snapshot(site.output).filter { !$0.key.hasPrefix(".") }
        let zim = site.root.appendingPathComponent("site.zim")
        var options = Build.Options(content: site.content, output: site.output, theme: site.theme.path)
        options.buildDate = Date(timeIntervalSince1970: 1_132_000_000)
        options.workingDirectory = site.root
        let report = BundleBuild(options: options, format: .zim, destination: zim).run()
        XCTAssertTrue(report.succeeded, "\(report.usageError ?? "") \(report.diagnostics)")

        // Every file of the build, with its bytes and type; nothing else.
        XCTAssertEqual(try Reader.count(zim), built.count)
        for (path, bytes) in built {
            let item = try Reader.item(zim, path)
            XCTAssertEqual(item.bytes, bytes, path)
            if path.hasSuffix(".html") { XCTAssertEqual(item.mimeType, "text/html", path) }
        }
        XCTAssertEqual(try Reader.item(zim, "theme/style.css").mimeType, "text/css")
        XCTAssertEqual(try Reader.item(zim, "fr/atom.xml").mimeType, "application/atom+xml")
        XCTAssertEqual(try Reader.item(zim, "fr/calendar.ics").mimeType, "text/calendar")
        XCTAssertThrowsError(try Reader.item(zim, ".passerelle-output"))

        XCTAssertEqual(try Reader.mainPath(zim), "index.html")
        let text = { (name: String) in String(decoding: try Reader.metadata(zim, name), as: UTF8.self) }
        XCTAssertEqual(try text("Language"), "fra,eng")
        XCTAssertEqual(try text("Date"), "2005-11-14")
        XCTAssertFalse(try text("Title").isEmpty)
        XCTAssertFalse(try text("Creator").isEmpty)
        XCTAssertFalse(try text("Publisher").isEmpty)
        let description = try text("Description")
        XCTAssertTrue(!description.isEmpty && description.count <= 80, description)
        let png = try Reader.metadata(zim, "Illustration_48x48@1")
        XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        XCTAssertEqual(Array(png[16..<24]), [0, 0, 0, 48, 0, 0, 0, 48], "48×48")

        // The full-text index finds a page by a word of its body.
        let found = try Reader.search(zim, "Tunis")
        XCTAssertTrue(found.contains { $0.hasPrefix("fr/evenements/") || $0.hasPrefix("en/events/") }, "\(found)")
    }

    func testPageTitlesAndFrontPages() {
        XCTAssertEqual(ZimBundle.title(ofPage: Array("<html><head><title>Plan d&#8217;action &amp; TIC</title>".utf8)), "Plan d’action & TIC")
        XCTAssertEqual(ZimBundle.title(ofPage: Array("<p>no title</p>".utf8)), "")
        XCTAssertTrue(ZimBundle.isFrontPage("fr/index.html", Array("<html><head><title>x</title>".utf8)))
        XCTAssertFalse(ZimBundle.isFrontPage("fr/404.html", Array("<html>".utf8)))
        XCTAssertFalse(ZimBundle.isFrontPage("fr/old/index.html", Array(#"<meta http-equiv="refresh" content="0; url=../new/">"#.utf8)))
        XCTAssertFalse(ZimBundle.isFrontPage("theme/style.css", Array("body{}".utf8)))
        XCTAssertEqual(ZimBundle.mimeType(of: "assets/photo.JPG"), "image/jpeg")
        XCTAssertEqual(ZimBundle.mimeType(of: "fr/search-index.js"), "application/javascript")
        XCTAssertEqual(ZimBundle.mimeType(of: "a.b/c"), "application/octet-stream")
        XCTAssertEqual(ZimBundle.decodingCharacterReferences("a &lt;b&gt; &#x2019; &unknown; &"), "a <b> ’ &unknown; &")
    }

    func testMetadataHelpers() {
        XCTAssertEqual(BundleMetadata.iso639_3("fr"), "fra")
        XCTAssertEqual(BundleMetadata.iso639_3("en"), "eng")
        XCTAssertEqual(BundleMetadata.iso639_3("ar"), "ara")
        XCTAssertEqual(BundleMetadata.iso639_3("zh"), "zho")
        XCTAssertEqual(BundleMetadata.oneLine(html: "<p>Bienvenue. Deuxième phrase.</p>", fallback: "x"), "Bienvenue.")
        XCTAssertEqual(BundleMetadata.oneLine(html: "", fallback: "Titre"), "Titre")
        let long = BundleMetadata.oneLine(html: "<p>" + String(repeating: "mot ", count: 40) + "</p>", fallback: "x")
        XCTAssertTrue(long.count <= 80 && long.hasSuffix("…"), long)
        XCTAssertEqual(BundleBuild.bundleName(baseURL: "https://example.org/isv2003/", title: "T"), "isv2003")
        XCTAssertEqual(BundleBuild.bundleName(baseURL: "https://volontaires.example.org/", title: "T"), "volontaires-example-org")
        XCTAssertEqual(BundleBuild.bundleName(baseURL: "", title: "Société & TIC"), "societe-tic")
    }
}
