import Foundation
import XCTest
@testable import PasserelleCore
@testable import PasserelleIncremental
@testable import PasserellePages
@testable import PasserelleResolve
@testable import PasserelleTemplates

/// What the content folder may hold (CONTENT.md): links leading out of the content or the theme,
/// dangling links, loops, FIFOs and folders named like entries are errors naming their path, on a
/// fresh build and after a good one; nothing is read through them and no build waits on them.
final class HostileContentTests: XCTestCase {
    var site: FixtureSite!
    var secret: URL!

    override func setUpWithError() throws {
        site = try FixtureSite("minimal")
        secret = site.root.appendingPathComponent("secret.txt")
        try Data("TOKEN=do-not-publish\n".utf8).write(to: secret)
    }

    override func tearDown() { site.remove() }

    func link(_ path: String, to target: String, in folder: URL? = nil) throws {
        let url = (folder ?? site.content).appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
    }

    /// The errors of a build that must fail, formatted; the output must not exist.
    func failingBuild(themePath: String? = nil, file: StaticString = #filePath, line: UInt = #line) -> [String] {
        let report = site.build(themePath: themePath)
        XCTAssertFalse(report.succeeded, file: file, line: line)
        XCTAssertNil(report.usageError, file: file, line: line)
        return report.diagnostics.errors.map(\.formatted)
    }

    func outputContainsSecret() -> Bool {
        FixtureSite.snapshot(site.output).values.contains { String(decoding: $0, as: UTF8.self).contains("do-not-publish") }
    }

    func testAnAssetLinkedOutsideIsAnErrorAndNotPublished() throws {
        try site.write("assets/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        try link("assets/shadow", to: secret.path)
        try link("assets/environ", to: "/proc/self/environ")
        XCTAssertEqual(failingBuild(), [
            "content/assets/environ: error: symbolic link to '/proc/self/environ' leads outside the content folder: nothing is read through it (copy the file into the content folder instead)",
            "content/assets/shadow: error: symbolic link to '\(secret.path)' leads outside the content folder: nothing is read through it (copy the file into the content folder instead)",
        ])
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.output.path))
    }

    func testAnEntryLinkedOutsideIsAnError() throws {
        try Data("---\ntitle: Secret\n---\n\nTOKEN=do-not-publish\n".utf8).write(to: secret)
        try link("recommendations/secret.fr.md", to: secret.path)
        XCTAssertEqual(failingBuild(), [
            "content/recommendations/secret.fr.md: error: symbolic link to '\(secret.path)' leads outside the content folder: nothing is read through it (copy the file into the content folder instead)",
        ])
    }

    func testAThemeStaticFileLinkedOutsideIsAnError() throws {
        let theme = site.root.appendingPathComponent("theme")
        try FixtureSite.copy(site.theme, to: theme)
        try link("static/environ.txt", to: "/proc/self/environ", in: theme)
        try link("static/secret.css", to: secret.path, in: theme)
        XCTAssertEqual(failingBuild(themePath: theme.path), [
            "theme/static/environ.txt: error: symbolic link to '/proc/self/environ' leads outside the theme folder: nothing is read through it (copy the file into the theme folder instead)",
            "theme/static/secret.css: error: symbolic link to '\(secret.path)' leads outside the theme folder: nothing is read through it (copy the file into the theme folder instead)",
        ])
    }

    func testLinksInsideTheContentAreFollowedAndTheirTargetsFingerprinted() throws {
        try site.write("shared/calendar-text.fr.md", "---\ntitle: \"Partagé\"\n---\n\nVersion une.\n")
        try FileManager.default.removeItem(at: site.content.appendingPathComponent("recommendations/calendar.fr.md"))
        try link("recommendations/calendar.fr.md", to: "../shared/calendar-text.fr.md")
        // `shared/` is not a section: a folder starting with `_` is ignored, so the target lives there.
        try FileManager.default.moveItem(at: site.content.appendingPathComponent("shared"), to: site.content.appendingPathComponent("_shared"))
        try FileManager.default.removeItem(at: site.content.appendingPathComponent("recommendations/calendar.fr.md"))
        try link("recommendations/calendar.fr.md", to: "../_shared/calendar-text.fr.md")
        XCTAssertTrue(site.build().succeeded)
        XCTAssertTrue(try site.read("fr/recommandations/calendar/index.html").contains("Version une."))
        // An edit of the target is an edit of the link: the next build sees it.
        try site.write("_shared/calendar-text.fr.md", "---\ntitle: \"Partagé\"\n---\n\nVersion deux, plus longue.\n")
        XCTAssertTrue(site.build().succeeded)
        XCTAssertTrue(try site.read("fr/recommandations/calendar/index.html").contains("Version deux, plus longue."))
    }

    func testDanglingLinksLoopsAndFIFOsAreErrorsWithoutWaiting() throws {
        try link("recommendations/gone.fr.md", to: "nowhere.fr.md")
        try link("recommendations/loop", to: "..")
        XCTAssertEqual(mkfifo(site.content.appendingPathComponent("events/x.fr.md").path, 0o644), 0)
        XCTAssertEqual(failingBuild(), [
            "content/events/x.fr.md: error: a FIFO (named pipe) is not a file that can be published: only regular files and folders are read",
            "content/recommendations/gone.fr.md: error: symbolic link to 'nowhere.fr.md' leads nowhere (its target does not exist)",
            "content/recommendations/loop: error: symbolic link to '..' is a loop (it leads back to a folder that contains it)",
        ])
    }

    func testAFolderNamedLikeAnEntryIsAnError() throws {
        try FileManager.default.createDirectory(at: site.content.appendingPathComponent("events/y.fr.md"), withIntermediateDirectories: true)
        XCTAssertEqual(failingBuild(), ["content/events/y.fr.md: error: 'y.fr.md' is a folder, but its name is an entry's: rename it or move its files"])
    }

    func testThingsAddedAfterAGoodBuildAreSeen() throws {
        XCTAssertTrue(site.build().succeeded)
        XCTAssertEqual(mkfifo(site.content.appendingPathComponent("events/late.fr.md").path, 0o644), 0)
        XCTAssertEqual(failingBuild(), ["content/events/late.fr.md: error: a FIFO (named pipe) is not a file that can be published: only regular files and folders are read"])
        try FileManager.default.removeItem(at: site.content.appendingPathComponent("events/late.fr.md"))
        XCTAssertTrue(site.build().succeeded)
        try FileManager.default.createDirectory(at: site.content.appendingPathComponent("events/empty.fr.md"), withIntermediateDirectories: false)
        XCTAssertEqual(failingBuild(), ["content/events/empty.fr.md: error: 'empty.fr.md' is a folder, but its name is an entry's: rename it or move its files"])
        try FileManager.default.removeItem(at: site.content.appendingPathComponent("events/empty.fr.md"))
        XCTAssertTrue(site.build().succeeded)
        try link("assets/late", to: secret.path)
        XCTAssertEqual(failingBuild().count, 1)
        XCTAssertFalse(outputContainsSecret())
    }

    func testHiddenFoldersAreNeverPublished() throws {
        try site.write("assets/ok.txt", "published")
        try site.write("assets/.private/key.txt", "do-not-publish")
        try site.write("assets/sub/.git/config", "url = https://do-not-publish@example.org/")
        let theme = site.root.appendingPathComponent("theme")
        try FixtureSite.copy(site.theme, to: theme)
        try FileManager.default.createDirectory(at: theme.appendingPathComponent("static/.git"), withIntermediateDirectories: true)
        try Data("token do-not-publish".utf8).write(to: theme.appendingPathComponent("static/.git/config"))
        XCTAssertTrue(site.build(themePath: theme.path).succeeded)
        XCTAssertEqual(try site.read("assets/ok.txt"), "published")
        XCTAssertFalse(outputContainsSecret())
    }
}
