import Foundation
import XCTest

/// `passerelle translations` and `translations mark`, run as an editor would, in a temporary git
/// repository: a translation records the blob id of its source; the source changes; the build
/// warns, the page says so, the status page shows the change as a word diff; marking clears it.
final class TranslationsCommandTests: XCTestCase {
    var site: FixtureSite!

    override func setUpWithError() throws {
        site = try FixtureSite("bilingual", theme: FixtureSite.defaultTheme)
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("themes"), withIntermediateDirectories: true)
        try FixtureSite.copy(site.theme, to: site.root.appendingPathComponent("themes/default"))
        try git(["init", "-q"])
        try git(["add", "-A"])
        try git(["commit", "-qm", "first"])
    }

    override func tearDown() { site.remove() }

    func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let result = try PasserelleProcess.run(arguments, in: site.root)
        return (result.status, result.stdout, result.stderr)
    }

    @discardableResult
    func git(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.email=editor@example.org", "-c", "user.name=Editor", "-c", "commit.gpgsign=false"] + arguments
        process.currentDirectoryURL = site.root
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "git \(arguments)")
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func testAChangedSourceMakesItsTranslationOutdatedUntilMarked() throws {
        let translation = "content/recommendations/calendar.en.md", source = "content/recommendations/calendar.fr.md"
        // Recording: mark writes the source's git blob id, the same as git's own.
        let marked = try run(["translations", "mark", translation])
        XCTAssertEqual(marked.status, 0, marked.stderr)
        let blob = try git(["hash-object", source])
        XCTAssertTrue(try site.read("recommendations/calendar.en.md", in: site.content).contains("\ntranslated_from: \"fr:\(blob)\"\n---\n"))
        XCTAssertEqual(try git(["diff", "--numstat"]), "1\t0\t\(translation)", "one front-matter line added, nothing else touched")
        try git(["commit", "-qam", "mark"])
        var check = try run(["check"])
        XCTAssertFalse(check.stderr.contains("outdated translation"), check.stderr)

        // The source changes.
        let french = try site.read("recommendations/calendar.fr.md", in: site.content)
        try site.write("recommendations/calendar.fr.md", french.replacingOccurrences(of: "Le sommet :", with: "Le Sommet mondial :"))
        try git(["commit", "-qam", "source edited"])
        let now = try git(["hash-object", source])
        check = try run(["check"])
        XCTAssertEqual(check.status, 0, "a warning")
        XCTAssertTrue(check.stderr.contains("\(translation):8:18: warning: outdated translation: \(source) has changed since this text was translated from it (recorded fr:\(blob), now fr:\(now))"), check.stderr)
        XCTAssertEqual(try run(["check", "--strict"]).status, 1, "an error with --strict")

        let build = try run(["build"])
        XCTAssertEqual(build.status, 0, build.stderr)
        let page = try site.read("en/recommendations/calendar/index.html")
        XCTAssertTrue(page.contains("<p class=\"notice\" role=\"note\">The original text, in French, has changed since this translation was made. <a href=\"../../../fr/recommandations/calendrier/index.html\" hreflang=\"fr\">Read the original</a></p>"), page)
        XCTAssertFalse(try site.read("fr/recommandations/calendrier/index.html").contains("has changed since"))
        let status = try site.read("translation-status.html")
        XCTAssertTrue(status.contains("Le <del>sommet </del><ins>Sommet mondial </ins>: [le sommet]"), status)
        let json = try site.read("translation-status.json")
        XCTAssertTrue(json.contains("\"outdated\":[{\"id\":\"recommendations/calendar\""), json)
        XCTAssertTrue(json.contains("[\"-\",\"sommet \"],[\"+\",\"Sommet mondial \"]"), json)

        // The command lists it with the word diff, plain in a pipe; JSON for tools.
        let listed = try run(["translations"])
        XCTAssertEqual(listed.status, 0, listed.stderr)
        XCTAssertTrue(listed.stdout.contains("outdated: \(translation): translated from fr:\(blob); \(source) is now fr:\(now)"), listed.stdout)
        XCTAssertTrue(listed.stdout.contains("Le [-sommet -]{+Sommet mondial +}: [le sommet]"), listed.stdout)
        XCTAssertTrue(listed.stdout.contains("missing: recommendations/education (Éducation): no en text"), listed.stdout)
        XCTAssertTrue(listed.stderr.contains("translations: 1 missing, 1 outdated, 0 older by date"), listed.stderr)
        XCTAssertEqual(try run(["translations", "--strict"]).status, 1)
        let machine = try run(["translations", "--format", "json"])
        XCTAssertTrue(machine.stdout.hasPrefix("{\"ok\":true,\"diagnostics\":["), machine.stdout)
        XCTAssertTrue(machine.stdout.contains("\"recorded\":\"\(blob)\",\"current\":\"\(now)\""), machine.stdout)

        // Marking again records the new version: nothing is outdated any more.
        XCTAssertEqual(try run(["translations", "mark", translation]).status, 0)
        XCTAssertTrue(try site.read("recommendations/calendar.en.md", in: site.content).contains("translated_from: \"fr:\(now)\""))
        XCTAssertEqual(try git(["diff", "--numstat"]), "1\t1\t\(translation)", "the same line replaced")
        check = try run(["check"])
        XCTAssertFalse(check.stderr.contains("outdated translation"), check.stderr)
        XCTAssertTrue(try run(["translations"]).stderr.contains("0 outdated"))
    }

    /// Without git's old version, the translation is still outdated; the status says the change cannot be shown.
    func testWithoutTheOldVersionInGitTheTranslationIsStillOutdated() throws {
        let path = "recommendations/calendar.en.md"
        let english = try site.read(path, in: site.content)
        try site.write(path, english.replacingOccurrences(of: "---\ntitle:", with: "---\ntranslated_from: \"fr:0123456789ab\"\ntitle:"))
        let listed = try run(["translations"])
        XCTAssertTrue(listed.stdout.contains("outdated: content/\(path): translated from fr:0123456789ab;"), "\(listed.status) [\(listed.stdout)] [\(listed.stderr)]")
        XCTAssertTrue(listed.stdout.contains("(git no longer has fr:0123456789ab: its changes cannot be shown)"), listed.stdout)
        XCTAssertEqual(try run(["build"]).status, 0)
        XCTAssertTrue(try site.read("translation-status.html").contains("L’ancienne version n’est plus dans l’historique git."))
    }

    func testMarkRefusesWhatItCannotMarkAndUsageErrorsExitTwo() throws {
        let source = try run(["translations", "mark", "content/recommendations/calendar.fr.md"])
        XCTAssertEqual(source.status, 1)
        XCTAssertTrue(source.stderr.contains("content/recommendations/calendar.fr.md:1:1: error: this text is in the site's first language, 'fr'"), source.stderr)
        let lonely = try run(["translations", "mark", "content/recommendations/education.fr.md", "--from", "en"])
        XCTAssertEqual(lonely.status, 1)
        XCTAssertTrue(lonely.stderr.contains("there is no 'en' text to translate from (content/recommendations/education.en.md)"), lonely.stderr)
        let outside = try run(["translations", "mark", "themes/default/i18n/en.yaml"])
        XCTAssertTrue(outside.stderr.contains("not in the content folder"), outside.stderr)
        XCTAssertEqual(try run(["translations", "mark"]).status, 2)
        XCTAssertEqual(try git(["status", "--porcelain"]), "", "nothing was written")
    }
}
