import Foundation
import XCTest
@testable import PasserelleCore
@testable import PasserelleIncremental
@testable import PasserellePages
@testable import PasserelleResolve
@testable import PasserelleTemplates

/// Builds onto a disk that fills up (a 2 MB tmpfs): a full build exits 2 and leaves the previous
/// output as it was; a text edit that cannot write leaves no temporary file in the output.
/// Mounting needs root (CI and the development machines run as root); where it cannot mount,
/// the test says so and skips.
final class DiskFullTests: XCTestCase {
    var site: FixtureSite!
    var disk: URL!

    override func setUpWithError() throws {
        site = try FixtureSite("bilingual")
        disk = site.root.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=2m", "tmpfs", disk.path]
        let errors = Pipe()
        mount.standardError = errors
        do { try mount.run() } catch { throw XCTSkip("cannot run mount to make a small tmpfs: \(error)") }
        mount.waitUntilExit()
        if mount.terminationStatus != 0 {
            let reason = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw XCTSkip("cannot mount a tmpfs here (\(reason.trimmingCharacters(in: .whitespacesAndNewlines))): the disk-full tests need root")
        }
    }

    override func tearDown() {
        let umount = Process()
        umount.executableURL = URL(fileURLWithPath: "/bin/umount")
        umount.arguments = ["-l", disk.path]
        try? umount.run()
        umount.waitUntilExit()
        site.remove()
    }

    var output: URL { disk.appendingPathComponent("output") }

    /// Fills the disk but for `spare` bytes.
    func fill(leaving spare: Int) throws {
        var stats = statvfs()
        XCTAssertEqual(statvfs(disk.path, &stats), 0)
        let free = Int(stats.f_bavail) * Int(stats.f_frsize)
        try Data(count: max(0, free - spare)).write(to: disk.appendingPathComponent("filler"))
    }

    func testABundleOnAFullDiskFailsAndLeavesNoPartialFile() throws {
        for format in BundleFormat.allCases {
            let destination = disk.appendingPathComponent("site.\(format.rawValue)")
            try Data("the previous bundle".utf8).write(to: destination)
            try fill(leaving: 4096)
            var options = Build.Options(content: site.content, output: site.output, theme: FixtureSite.defaultTheme.path)
            options.workingDirectory = site.root
            let report = BundleBuild(options: options, format: format, destination: destination).run()
            XCTAssertFalse(report.succeeded, format.rawValue)
            XCTAssertNotNil(report.usageError, format.rawValue)
            XCTAssertEqual(try Data(contentsOf: destination), Data("the previous bundle".utf8), "\(format): the old file stays")
            let left = try FileManager.default.contentsOfDirectory(atPath: disk.path).sorted()
            XCTAssertEqual(left, ["filler", destination.lastPathComponent], "\(format): no partial file")
            try FileManager.default.removeItem(at: disk.appendingPathComponent("filler"))
            try FileManager.default.removeItem(at: destination)
        }
    }

    func testAFullBuildOnAFullDiskExitsTwoAndKeepsTheOutput() throws {
        XCTAssertTrue(site.build(output: output).succeeded)
        let before = FixtureSite.snapshot(output)
        try site.write("recommendations/zebra.fr.md", "---\ntitle: \"Zèbre\"\nweight: 9\n---\n\nUn autre texte.\n")
        try fill(leaving: 4096)
        let report = site.build(output: output)
        XCTAssertFalse(report.succeeded)
        XCTAssertEqual(report.usageError?.contains(String(cString: strerror(ENOSPC))), true, report.usageError ?? "a full disk is not a content error")
        XCTAssertEqual(FixtureSite.snapshot(output), before)
    }

    func testATextEditOnAFullDiskLeavesNoTemporaryFileInTheOutput() throws {
        XCTAssertTrue(site.build(output: output).succeeded)
        let before = FixtureSite.snapshot(output)
        let page = try site.read("recommendations/zebra.fr.md", in: site.content)
        try site.write("recommendations/zebra.fr.md", page + "\n" + String(repeating: "Une phrase bien plus longue. ", count: 2000) + "\n")
        try fill(leaving: 0)
        let report = site.build(output: output)
        XCTAssertFalse(report.succeeded)
        XCTAssertEqual(report.usageError?.contains(String(cString: strerror(ENOSPC))), true, report.usageError ?? "no usage error")
        XCTAssertEqual(FixtureSite.snapshot(output), before, "every file as it was, none added")
        // Once there is room again, the build completes and equals a clean one.
        try FileManager.default.removeItem(at: disk.appendingPathComponent("filler"))
        XCTAssertTrue(site.build(output: output).succeeded)
        XCTAssertTrue(try site.read("fr/recommandations/zebra/index.html", in: output).contains("Une phrase bien plus longue."))
    }
}
