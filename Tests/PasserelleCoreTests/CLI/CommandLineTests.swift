import Foundation
import XCTest

/// Runs the built `passerelle` executable the way CI and editors do, and checks exit codes and output.
final class CommandLineTests: XCTestCase {
    var site: FixtureSite!

    override func setUpWithError() throws {
        site = try FixtureSite("bilingual")
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("themes"), withIntermediateDirectories: true)
        try FixtureSite.copy(site.theme, to: site.root.appendingPathComponent("themes/default"))
    }

    override func tearDown() { site.remove() }

    /// Runs `passerelle` in the fixture's root with `arguments`.
    func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let result = try PasserelleProcess.run(arguments, in: site.root)
        return (result.status, result.stdout, result.stderr)
    }

    func testBuildWithDefaultsFromTheSiteRoot() throws {
        let result = try run(["build"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("built: 17 fr, 17 en pages, 2 warnings, "), result.stdout)
        XCTAssertTrue(result.stderr.contains("content/recommendations/education.fr.md:1:1: warning: missing translation"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("fr/index.html").path))
    }

    func testNoCacheBuildsTheSameOutputAndLeavesNoCacheBehind() throws {
        let cache = site.root.appendingPathComponent(".passerelle-cache")
        let uncached = try run(["build", "--no-cache", "--output", "uncached"])
        XCTAssertEqual(uncached.status, 0, uncached.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: cache.path), "no record, no snapshot")
        XCTAssertEqual(try run(["build"]).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: cache.path))
        XCTAssertEqual(FixtureSite.snapshot(site.root.appendingPathComponent("uncached")), FixtureSite.snapshot(site.output))
        // A build with the cache and nothing changed is skipped: the output tree stays (its inode).
        let tree = { [site] in try FileManager.default.attributesOfItem(atPath: site!.output.path)[.systemFileNumber] as? UInt64 }
        let built = try tree()
        XCTAssertEqual(try run(["build"]).status, 0)
        XCTAssertEqual(try tree(), built, "skipped")
        // Without it, the record of that build is not used: a full build swaps in a new tree.
        let again = try run(["build", "--no-cache"])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertNotEqual(try tree(), built, "built again")
        XCTAssertEqual(FixtureSite.snapshot(site.root.appendingPathComponent("uncached")), FixtureSite.snapshot(site.output))
    }

    func testContentErrorsExitOneAndStrictCountsWarnings() throws {
        XCTAssertEqual(try run(["build", "--strict"]).status, 1)
        try site.write("recommendations/zebra.en.md", "---\ntitle: Zebra\nweigth: 2\n---\n")
        let result = try run(["check"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("content/recommendations/zebra.en.md:3:1: error: unknown key 'weigth' in front matter (did you mean 'weight'?)"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.output.path), "check writes nothing")
    }

    func testBundleWritesOneFileOfEachFormatAndRefusesTheOutputFolder() throws {
        for format in ["zip", "zim"] {
            let result = try run(["bundle", "--format", format, "--output", "site.\(format)"])
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertTrue(result.stdout.hasPrefix("bundled site.\(format): 17 fr, 17 en pages"), result.stdout)
            XCTAssertGreaterThan(try XCTUnwrap(FileManager.default.attributesOfItem(atPath: site.root.appendingPathComponent("site.\(format)").path)[.size] as? Int), 1_000)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.output.path), "bundle does not build output/")
        // In a time zone far from UTC, the same bytes.
        let again = try PasserelleProcess.run(["bundle", "--format", "zip", "--output", "again.zip"], in: site.root, environment: ["TZ": "Pacific/Kiritimati"])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(try Data(contentsOf: site.root.appendingPathComponent("again.zip")), try Data(contentsOf: site.root.appendingPathComponent("site.zip")))

        let inside = try run(["bundle", "--format", "zip", "--output", "output/site.zip"])
        XCTAssertEqual(inside.status, 2)
        XCTAssertTrue(inside.stderr.contains("inside the output folder"), inside.stderr)
        XCTAssertEqual(try run(["bundle", "--format", "tar", "--output", "site.tar"]).status, 2)
        XCTAssertEqual(try run(["bundle", "--format", "zip"]).status, 2, "--output is required")
        try site.write("recommendations/zebra.en.md", "---\ntitle: Zebra\nweigth: 2\n---\n")
        let broken = try run(["bundle", "--format", "zip", "--output", "broken.zip", "--report", "json"])
        XCTAssertEqual(broken.status, 1)
        XCTAssertTrue(broken.stdout.contains("\"ok\":false"), broken.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("broken.zip").path))
    }

    func testNewWritesTheSectionsTypedFieldsAsCommentsThatBuildOnceFilledIn() throws {
        let catalog = try FixtureSite("catalog")
        defer { catalog.remove() }
        let result = try PasserelleProcess.run(["new", "projects", "ecoles", "--title-fr", "Écoles", "--title-en", "Schools"], in: catalog.root)
        XCTAssertEqual(result.status, 0, result.stderr)
        let french = try catalog.read("projects/ecoles.fr.md", in: catalog.content)
        XCTAssertTrue(french.contains("\n# countries: [SN]             # Pays: ISO 3166-1 codes, upper case\n"), french)
        XCTAssertTrue(french.contains("\n# status: active              # État: active, completed\n"), french)
        XCTAssertTrue(french.contains("# addresses: []               # Points du plan d’action: entries of plan"), french)
        XCTAssertTrue(try catalog.read("projects/ecoles.en.md", in: catalog.content).contains("# Countries: ISO 3166-1 codes"))
        // Uncommented as they are, they are valid front matter.
        let filled = french.replacingOccurrences(of: "# countries:", with: "countries:").replacingOccurrences(of: "# status:", with: "status:")
            .replacingOccurrences(of: "# since:", with: "since:").replacingOccurrences(of: "# addresses:", with: "addresses:")
        try catalog.write("projects/ecoles.fr.md", filled)
        let report = catalog.build()
        XCTAssertTrue(report.succeeded, "\(report.diagnostics)")
        XCTAssertTrue(try catalog.read("fr/projets/ecoles/index.html").contains("<dt>Pays</dt>"))
    }

    func testAFIFOIsAnErrorNamingItsPathNeverAWait() throws {
        XCTAssertEqual(mkfifo(site.content.appendingPathComponent("events/x.fr.md").path, 0o644), 0)
        for command in ["check", "build"] {
            let result = try PasserelleProcess.run([command], in: site.root, timeout: 60)
            XCTAssertEqual(result.status, 1, command + ": " + result.stderr)
            XCTAssertTrue(result.stderr.contains("content/events/x.fr.md: error: a FIFO (named pipe) is not a file that can be published"), result.stderr)
        }
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

    func testNewCreatesBothLanguagesAndRefusesToOverwrite() throws {
        let created = try run(["new", "events", "geneva-2003", "--title-fr", "Sommet de Genève", "--title-en", "Geneva Summit"])
        XCTAssertEqual(created.status, 0, created.stderr)
        XCTAssertEqual(created.stdout, "created content/events/geneva-2003.fr.md\ncreated content/events/geneva-2003.en.md\n")
        let french = try String(contentsOf: site.content.appendingPathComponent("events/geneva-2003.fr.md"), encoding: .utf8)
        XCTAssertTrue(french.hasPrefix("---\ntitle: \"Sommet de Genève\"\nsummary: \"\"\nstart: 2005-11-14\n"), french)
        XCTAssertEqual(try run(["check"]).status, 0, "a new entry builds as it is")
        let again = try run(["new", "events", "geneva-2003"])
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("already exists"))
        XCTAssertEqual(try String(contentsOf: site.content.appendingPathComponent("events/geneva-2003.fr.md"), encoding: .utf8), french)
        let unknown = try run(["new", "event", "x"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("unknown section 'event' (did you mean 'events'?)"), unknown.stderr)
        XCTAssertEqual(try run(["new", "events", "../../etc"]).status, 2)
        XCTAssertEqual(try run(["new", "events", "Bad Slug"]).status, 2)
        let plain = try run(["new", "recommendations", "eighth"])
        XCTAssertEqual(plain.status, 0)
        XCTAssertFalse(try String(contentsOf: site.content.appendingPathComponent("recommendations/eighth.en.md"), encoding: .utf8).contains("start:"))
    }

    func testJSONDiagnosticsParseBack() throws {
        try site.write("recommendations/zebra.en.md", "---\ntitle: Zebra\nweigth: 2\n---\n")
        let result = try run(["check", "--format", "json"])
        XCTAssertEqual(result.status, 1)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], result.stdout)
        XCTAssertEqual(object["ok"] as? Bool, false)
        let diagnostics = try XCTUnwrap(object["diagnostics"] as? [[String: Any]])
        let error = try XCTUnwrap(diagnostics.first { $0["severity"] as? String == "error" })
        XCTAssertEqual(error["path"] as? String, "content/recommendations/zebra.en.md")
        XCTAssertEqual(error["line"] as? Int, 3)
        XCTAssertEqual(error["column"] as? Int, 1)
        XCTAssertEqual(error["message"] as? String, "unknown key 'weigth' in front matter (did you mean 'weight'?)")
        XCTAssertEqual(result.stderr, "", "JSON mode prints nothing else")
    }

    func testBaseURLOverridesSiteYaml() throws {
        XCTAssertEqual(try run(["build", "--base-url", "https://preview.example.net/pr-7"]).status, 0)
        let page = try String(contentsOf: site.output.appendingPathComponent("fr/index.html"), encoding: .utf8)
        XCTAssertTrue(page.contains(#"<link rel="canonical" href="https://preview.example.net/pr-7/fr/">"#), page)
    }

    func testNoProgressOrColourWhenNotATerminal() throws {
        let result = try run(["build"])
        XCTAssertFalse(result.stderr.contains("\u{1B}"), "no escape codes in logs")
        XCTAssertFalse(result.stderr.contains("\r"))
    }

    /// `init DIR --languages`: a new site, with the default theme copied, that builds at once.
    func testInitWritesASiteThatBuilds() throws {
        let made = try run(["init", "nouveau", "--languages", "fr,en,ar", "--theme", FixtureSite.defaultTheme.path])
        XCTAssertEqual(made.status, 0, made.stderr)
        XCTAssertTrue(made.stdout.hasPrefix("created nouveau/content (fr, en, ar) and nouveau/themes/default"), made.stdout)
        let built = try PasserelleProcess.run(["build", "--strict"], in: site.root.appendingPathComponent("nouveau"))
        XCTAssertEqual(built.status, 0, built.stderr)
        XCTAssertTrue(built.stdout.hasPrefix("built: 6 fr, 6 en, 6 ar pages, 0 warnings"), built.stdout)
        let again = try run(["init", "nouveau", "--languages", "fr"])
        XCTAssertEqual(again.status, 2)
        XCTAssertTrue(again.stderr.contains("already exists; nothing was written"), again.stderr)
        XCTAssertEqual(try run(["init", "autre", "--languages", "fr,fr"]).status, 2)
    }
}
