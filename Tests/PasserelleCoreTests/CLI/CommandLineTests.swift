import Foundation
import XCTest

/// Runs the built `passerelle` executable the way CI and editors do, and checks exit codes and output.
final class CommandLineTests: XCTestCase {
    var site: FixtureSite!

    override func setUpWithError() throws {
        site = try FixtureSite("bilingual")
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("themes"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: FixtureSite.defaultTheme, to: site.root.appendingPathComponent("themes/default"))
    }

    override func tearDown() { site.remove() }

    /// Runs `passerelle` in the fixture's root with `arguments`.
    func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let executable = Bundle.main.bundleURL.appendingPathComponent("passerelle")
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw XCTSkip("passerelle executable not found at \(executable.path)")
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = site.root
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = "1132000000"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, stdout, stderr)
    }

    func testBuildWithDefaultsFromTheSiteRoot() throws {
        let result = try run(["build"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("built: 17 fr, 17 en pages, 1 warning, "), result.stdout)
        XCTAssertTrue(result.stderr.contains("content/recommendations/education.fr.md:1:1: warning: missing translation"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("fr/index.html").path))
    }

    func testContentErrorsExitOneAndStrictCountsWarnings() throws {
        XCTAssertEqual(try run(["build", "--strict"]).status, 1)
        try site.write("recommendations/zebra.en.md", "---\ntitle: Zebra\nweigth: 2\n---\n")
        let result = try run(["check"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("content/recommendations/zebra.en.md:3:1: error: unknown key 'weigth' in front matter (did you mean 'weight'?)"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.output.path), "check writes nothing")
    }

    func testUsageErrorsExitTwo() throws {
        XCTAssertEqual(try run(["build", "--no-such-flag"]).status, 2)
        XCTAssertEqual(try run(["build", "--content", "missing"]).status, 2)
        try FileManager.default.createDirectory(at: site.output, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: site.output.appendingPathComponent("notes.txt"))
        let refused = try run(["build"])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("did not write"), refused.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("notes.txt").path))
    }

    func testDraftsAreLeftOutAndReferencesToThemAreErrors() throws {
        try site.write("recommendations/zebra.fr.md", "---\ntitle: Zèbre\ndraft: true\n---\n")
        try site.write("recommendations/zebra.en.md", "---\ntitle: Zebra\ndraft: true\n---\n")
        XCTAssertEqual(try run(["build"]).status, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("en/recommendations/zebra").path))
        try site.write("recommendations/education.fr.md", "---\ntitle: Éducation\n---\n\nVoir [[zebra]].\n")
        let result = try run(["build"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("content/recommendations/education.fr.md:5:8: error: reference 'zebra' leads to a draft"), result.stderr)
        XCTAssertEqual(try run(["build", "--drafts"]).status, 0)
    }
}
