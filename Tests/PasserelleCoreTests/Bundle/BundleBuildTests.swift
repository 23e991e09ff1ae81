import Foundation
import XCTest
import ZIPFoundation
@testable import PasserelleBundle
@testable import PasserelleCore

/// `passerelle bundle`: the zip unzips to the tree `build` writes; same input, same bytes; a
/// destination it must not write is refused before anything is built; errors leave no file.
final class BundleBuildTests: XCTestCase {
    private func options(_ site: FixtureSite) -> Build.Options {
        var options = Build.Options(content: site.content, output: site.output, theme: site.theme.path)
        options.workingDirectory = site.root
        options.buildDate = Date(timeIntervalSince1970: 1_132_000_000)
        return options
    }

    private func unzipped(_ url: URL) throws -> [String: Data] {
        try unzippedFiles(try Archive(url: url, accessMode: .read))
    }

    func testTheZipHoldsExactlyTheTreeBuildWritesAndIsTheSameTwice() throws {
        let site = try FixtureSite("bilingual")
        defer { site.remove() }
        XCTAssertTrue(site.build().succeeded)
        let built = FixtureSite.snapshot(site.output)
        let first = site.root.appendingPathComponent("site.zip"), second = site.root.appendingPathComponent("again.zip")
        XCTAssertTrue(BundleBuild(options: options(site), format: .zip, destination: first).run().succeeded)
        let files = try unzipped(first)
        XCTAssertEqual(files.keys.sorted(), built.keys.sorted())
        for (path, data) in built { XCTAssertEqual(files[path], data, path) }
        // The output folder was not touched, and no build record was left for it.
        XCTAssertEqual(FixtureSite.snapshot(site.output), built)

        XCTAssertTrue(BundleBuild(options: options(site), format: .zip, destination: second).run().succeeded)
        XCTAssertEqual(try Data(contentsOf: first), try Data(contentsOf: second))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasSuffix(".partial") }, [])
    }

    func testDestinationsInsideTheOutputOrContentAreRefused() throws {
        let site = try FixtureSite("bilingual")
        defer { site.remove() }
        for destination in [site.output.appendingPathComponent("site.zip"), site.output.appendingPathComponent("offline/site.zim"),
                            site.content.appendingPathComponent("site.zip"), site.output] {
            let report = BundleBuild(options: options(site), format: .zip, destination: destination).run()
            XCTAssertFalse(report.succeeded)
            XCTAssertEqual(report.usageError?.contains("inside the"), true, report.usageError ?? destination.path)
            XCTAssertFalse(FileManager.default.fileExists(atPath: destination.path) && destination != site.output, destination.path)
        }
        let nowhere = site.root.appendingPathComponent("missing/site.zip")
        let report = BundleBuild(options: options(site), format: .zip, destination: nowhere).run()
        XCTAssertEqual(report.usageError?.contains("does not exist"), true, report.usageError ?? "")
    }

    func testContentErrorsWriteNoBundle() throws {
        let site = try FixtureSite("bilingual")
        defer { site.remove() }
        try site.write("recommendations/broken.fr.md", "---\ntitle: \"Cassé\"\nwieght: 2\n---\n\nVoir [[nulle-part]].\n")
        let destination = site.root.appendingPathComponent("site.zip")
        let report = BundleBuild(options: options(site), format: .zip, destination: destination).run()
        XCTAssertFalse(report.succeeded)
        XCTAssertNil(report.usageError)
        XCTAssertTrue(report.diagnostics.hasErrors)
        XCTAssertFalse(FileManager.default.fileExists(atPath: destination.path))
    }
}
