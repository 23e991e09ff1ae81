import Foundation
import XCTest
@testable import PasserelleCore
@testable import PasserelleIncremental
@testable import PasserellePages
@testable import PasserelleResolve
@testable import PasserelleTemplates

/// Builds onto a disk that fills up: a full build exits 2 and leaves the previous output as it
/// was; a text edit that cannot write leaves no temporary file in the output; a bundle that
/// cannot be written leaves the previous one.
///
/// As root (CI), the disk is a 2 MB tmpfs filled but for a few bytes, and writes fail with
/// ENOSPC. Elsewhere, where nothing can be mounted, the same writes fail the way a full disk
/// makes them fail, through a file size limit (RLIMIT_FSIZE, SIGXFSZ ignored): EFBIG. Either
/// way the test runs; it never skips.
final class DiskFullTests: XCTestCase {
    var site: FixtureSite!
    var disk: URL!
    /// Whether `disk` is a small tmpfs (else writes are limited by size).
    var mounted = false
    var limited = false

    override func setUpWithError() throws {
        site = try FixtureSite("bilingual")
        disk = site.root.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        guard getuid() == 0 else { return }
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=2m", "tmpfs", disk.path]
        try mount.run()
        mount.waitUntilExit()
        XCTAssertEqual(mount.terminationStatus, 0, "root can mount a tmpfs")
        mounted = mount.terminationStatus == 0
    }

    override func tearDown() {
        if limited { lift() }
        if mounted {
            let umount = Process()
            umount.executableURL = URL(fileURLWithPath: "/bin/umount")
            umount.arguments = ["-l", disk.path]
            try? umount.run()
            umount.waitUntilExit()
        }
        site.remove()
    }

    /// The error a write onto the full disk fails with.
    var fullDiskError: String { String(cString: strerror(mounted ? ENOSPC : EFBIG)) }

    /// Lifts the file size limit of `fill(leaving:)`.
    func lift() {
        var limit = rlimit()
        getrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &limit)
        limit.rlim_cur = limit.rlim_max
        setrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &limit)
        signal(SIGXFSZ, SIG_DFL)
        limited = false
    }

    var output: URL { disk.appendingPathComponent("output") }

    /// Fills the disk but for `spare` bytes; without a tmpfs, no file may grow past `spare` bytes
    /// (at least 1 KB) until `lift()`.
    func fill(leaving spare: Int) throws {
        if mounted {
            var stats = statvfs()
            XCTAssertEqual(statvfs(disk.path, &stats), 0)
            let free = Int(stats.f_bavail) * Int(stats.f_frsize)
            try Data(count: max(0, free - spare)).write(to: disk.appendingPathComponent("filler"))
        } else {
            try Data().write(to: disk.appendingPathComponent("filler"))
            signal(SIGXFSZ, SIG_IGN)
            var limit = rlimit()
            XCTAssertEqual(getrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &limit), 0)
            limit.rlim_cur = rlim_t(max(spare, 1024))
            XCTAssertEqual(setrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &limit), 0)
            limited = true
        }
    }

    /// Room again.
    func free() throws {
        if limited { lift() }
        try FileManager.default.removeItem(at: disk.appendingPathComponent("filler"))
    }

    func testABundleOnAFullDiskFailsAndLeavesNoPartialFile() throws {
        for format in BundleFormat.allCases {
            let destination = disk.appendingPathComponent("site.\(format.rawValue)")
            try Data("the previous bundle".utf8).write(to: destination)
            try fill(leaving: 4096)
            var options = Build.Options(content: site.content, output: site.output, theme: site.theme.path)
            options.workingDirectory = site.root
            let report = BundleBuild(options: options, format: format, destination: destination).run()
            if limited { lift() }
            XCTAssertFalse(report.succeeded, format.rawValue)
            XCTAssertNotNil(report.usageError, format.rawValue)
            XCTAssertEqual(try Data(contentsOf: destination), Data("the previous bundle".utf8), "\(format): the old file stays")
            let left = try FileManager.default.contentsOfDirectory(atPath: disk.path).sorted()
            XCTAssertEqual(left, ["filler", destination.lastPathComponent], "\(format): no partial file")
            try free()
            try FileManager.default.removeItem(at: destination)
        }
    }

    func testAFullBuildOnAFullDiskExitsTwoAndKeepsTheOutput() throws {
        XCTAssertTrue(site.build(output: output).succeeded)
        let before = FixtureSite.snapshot(output)
        try site.write("recommendations/zebra.fr.md", "---\ntitle: \"Zèbre\"\nweight: 9\n---\n\nUn autre texte.\n")
        try fill(leaving: 4096)
        let report = site.build(output: output)
        if limited { lift() }
        XCTAssertFalse(report.succeeded)
        XCTAssertEqual(report.usageError?.contains(fullDiskError), true, report.usageError ?? "a full disk is not a content error")
        XCTAssertEqual(FixtureSite.snapshot(output), before)
    }

    func testATextEditOnAFullDiskLeavesNoTemporaryFileInTheOutput() throws {
        XCTAssertTrue(site.build(output: output).succeeded)
        let before = FixtureSite.snapshot(output)
        let page = try site.read("recommendations/zebra.fr.md", in: site.content)
        try site.write("recommendations/zebra.fr.md", page + "\n" + String(repeating: "Une phrase bien plus longue. ", count: 2000) + "\n")
        try fill(leaving: 0)
        let report = site.build(output: output)
        if limited { lift() }
        XCTAssertFalse(report.succeeded)
        XCTAssertEqual(report.usageError?.contains(fullDiskError), true, report.usageError ?? "no usage error")
        XCTAssertEqual(FixtureSite.snapshot(output), before, "every file as it was, none added")
        // Once there is room again, the build completes and equals a clean one.
        try free()
        XCTAssertTrue(site.build(output: output).succeeded)
        XCTAssertTrue(try site.read("fr/recommandations/zebra/index.html", in: output).contains("Une phrase bien plus longue."))
    }
}
