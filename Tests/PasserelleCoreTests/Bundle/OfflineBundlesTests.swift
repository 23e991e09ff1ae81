import Foundation
import XCTest
import ZIPFoundation
@testable import PasserelleBundle
@testable import PasserelleCore

/// `build --offline-bundles`: both bundles under `offline/`, linked from every page with their
/// sizes; the bundles hold the site without themselves and without the links.
final class OfflineBundlesTests: XCTestCase {
    private func build(_ site: FixtureSite) -> Build.Report {
        var options = Build.Options(content: site.content, output: site.output, theme: site.theme.path)
        options.workingDirectory = site.root
        options.buildDate = Date(timeIntervalSince1970: 1_132_000_000)
        options.offlineBundles = true
        return Build(options: options).run()
    }

    private func unzipped(_ data: Data) throws -> [String: Data] {
        try unzippedFiles(try Archive(data: data, accessMode: .read))
    }

    func testEveryPageLinksBothBundlesWhichHoldTheSiteWithoutThem() throws {
        let site = try FixtureSite("bilingual", theme: FixtureSite.defaultTheme)
        defer { site.remove() }
        let report = build(site)
        XCTAssertTrue(report.succeeded, "\(report.usageError ?? "") \(report.diagnostics)")
        let files = FixtureSite.snapshot(site.output)
        let zip = try XCTUnwrap(files.first { $0.key.hasPrefix("offline/") && $0.key.hasSuffix(".zip") })
        XCTAssertNotNil(files.first { $0.key.hasPrefix("offline/") && $0.key.hasSuffix(".zim") })
        XCTAssertEqual(files.keys.filter { $0.hasPrefix("offline/") }.count, 2)

        let french = try site.read("fr/index.html")
        let size = Int64(zip.value.count).formatted(.byteCount(style: .file).locale(Locale(identifier: "fr_FR")))
        XCTAssertTrue(french.contains("<a href=\"../\(zip.key)\" type=\"application/zip\" download>Télécharger le site (zip, \(size))</a>"), french)
        for (path, data) in files where path.hasSuffix(".html") && path.contains("/") && !path.hasPrefix("offline/") {
            let page = String(decoding: data, as: UTF8.self)
            guard page.contains("<footer") else { continue }
            XCTAssertTrue(page.contains("offline/") && page.contains(".zim\" type=\"application/x-zim\" download>"), path)
        }

        // The zip: every file of the output but the bundles; pages without the links, the rest as written.
        let bundled = try unzipped(zip.value)
        XCTAssertEqual(Set(bundled.keys), Set(files.keys.filter { !$0.hasPrefix("offline/") }))
        for (path, data) in bundled {
            if path.hasSuffix(".html") {
                XCTAssertFalse(String(decoding: data, as: UTF8.self).contains("offline/"), path)
            } else if path != OutputWriter.marker {
                XCTAssertEqual(data, files[path], path)
            }
        }
        let plain = try FixtureSite("bilingual", theme: FixtureSite.defaultTheme)
        defer { plain.remove() }
        XCTAssertTrue(plain.build().succeeded)
        XCTAssertEqual(bundled, FixtureSite.snapshot(plain.output), "the zip holds what a build without bundles writes")
    }

    func testAnEditRebuildsTheBundlesWhole() throws {
        let site = try FixtureSite("bilingual", theme: FixtureSite.defaultTheme)
        defer { site.remove() }
        XCTAssertTrue(build(site).succeeded)
        let path = "recommendations/education.fr.md"
        try site.write(path, try site.read(path, in: site.content) + "\nUne phrase ajoutée hors ligne.\n")
        let edit = build(site)
        XCTAssertTrue(edit.succeeded)
        XCTAssertNil(edit.textsRebuilt, "bundles are made whole")
        let files = FixtureSite.snapshot(site.output)
        let zip = try XCTUnwrap(files.first { $0.key.hasPrefix("offline/") && $0.key.hasSuffix(".zip") }?.value)
        let page = try XCTUnwrap(try unzipped(zip)["fr/recommandations/education/index.html"])
        XCTAssertTrue(String(decoding: page, as: UTF8.self).contains("Une phrase ajoutée hors ligne."))
    }
}
