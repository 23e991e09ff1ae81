import Foundation
import XCTest
@testable import PasserelleCore

/// `budget: { page: 60KB }` in site.yaml: pages over it are warnings at the budget's line, with
/// their sizes raw and gzipped; errors with --strict; a bad budget is an error where it is written.
final class PageBudgetCheckTests: XCTestCase {
    func testPagesOverTheBudgetAreWarningsAtItsLineAndErrorsWhenStrict() throws {
        let site = try FixtureSite("bilingual", theme: FixtureSite.defaultTheme)
        defer { site.remove() }
        let config = try site.read("site.yaml", in: site.content)
        try site.write("site.yaml", config + "budget: { page: 4KB }\n")
        let line = config.split(separator: "\n", omittingEmptySubsequences: false).count
        let report = site.build()
        XCTAssertTrue(report.succeeded)
        let over = report.diagnostics.filter { $0.message.contains("over the budget") }
        XCTAssertFalse(over.isEmpty)
        let files = FixtureSite.snapshot(site.output)
        for diagnostic in over {
            XCTAssertEqual(diagnostic.severity, .warning)
            XCTAssertEqual(diagnostic.location.line, line)
            XCTAssertTrue(diagnostic.location.path.hasSuffix("site.yaml"), diagnostic.location.path)
            let path = try XCTUnwrap(diagnostic.message.split(separator: " ").dropFirst().first.map(String.init))
            let size = try XCTUnwrap(files[path]?.count, path)
            XCTAssertGreaterThan(size, 4096, path)
            XCTAssertTrue(diagnostic.message.contains("weighs \(PageBudgetCheck.kilobytes(size)) ("), diagnostic.message)
            XCTAssertTrue(diagnostic.message.contains("KB gzipped), over the budget of 4KB (4 KB)"), diagnostic.message)
        }
        // Every HTML page over 4 KB is named, and none under it.
        let heavy = files.filter { $0.key.hasSuffix(".html") && $0.value.count > 4096 }.keys.sorted()
        XCTAssertEqual(over.map { String($0.message.split(separator: " ")[1]) }, heavy)

        // With --strict, they fail the build (on a site with no other warning).
        let minimal = try FixtureSite("minimal", theme: FixtureSite.defaultTheme)
        defer { minimal.remove() }
        try minimal.write("site.yaml", try minimal.read("site.yaml", in: minimal.content) + "budget: { page: 4KB }\n")
        let strict = minimal.build(strict: true)
        XCTAssertFalse(strict.succeeded)
        XCTAssertFalse(FileManager.default.fileExists(atPath: minimal.output.path), "a failed build writes nothing")
        XCTAssertTrue(strict.diagnostics.contains { $0.severity == .error && $0.message.contains("over the budget") })
    }

    func testABadBudgetIsAnErrorWhereItIsWritten() throws {
        let site = try FixtureSite("bilingual", theme: FixtureSite.defaultTheme)
        defer { site.remove() }
        let config = try site.read("site.yaml", in: site.content)
        try site.write("site.yaml", config + "budget: { page: lots, pages: 3KB }\n")
        let report = site.build()
        XCTAssertFalse(report.succeeded)
        let messages = report.diagnostics.map { "\($0.location.line):\($0.location.column): \($0.message)" }
        let line = config.split(separator: "\n", omittingEmptySubsequences: false).count
        XCTAssertTrue(messages.contains("\(line):17: a page budget is a size, like 60KB, 1.5MB or 50000 (bytes)"), "\(messages)")
        XCTAssertTrue(messages.contains("\(line):23: unknown key 'pages' in 'budget' (did you mean 'page'?)"), "\(messages)")
    }
}
