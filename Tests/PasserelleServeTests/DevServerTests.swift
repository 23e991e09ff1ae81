import Foundation
import XCTest
@testable import PasserelleCore
@testable import PasserelleServe

/// `serve` end to end: a fixture site on an ephemeral loopback port, edited while it runs.
final class DevServerTests: XCTestCase {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    var folder: URL!
    var server: DevServer!
    var port: UInt16 = 0

    var content: URL { folder.appendingPathComponent("content") }

    override func setUp() async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // `cp -R`, not `copyItem`, which also copies owners and fails for a user who does not own the sources.
        let copy = Process()
        copy.executableURL = URL(fileURLWithPath: "/bin/cp")
        copy.arguments = ["-R", DevServerTests.repositoryRoot.appendingPathComponent("Tests/PasserelleCoreTests/Fixtures/bilingual/content").path, content.path]
        try copy.run()
        copy.waitUntilExit()
        XCTAssertEqual(copy.terminationStatus, 0)
        var options = Build.Options(content: content, output: folder.appendingPathComponent("unused"),
                                    theme: DevServerTests.repositoryRoot.appendingPathComponent("themes/default").path)
        options.workingDirectory = folder
        server = DevServer(options: options, host: "127.0.0.1", port: 0) { _ in }
        let report = await server.rebuild()
        XCTAssertTrue(report.succeeded)
        port = try await server.start()
        server.watch(folders: [content]) { _, _ in }
    }

    override func tearDown() async throws {
        await server.stop()
        try? FileManager.default.removeItem(at: folder)
        XCTAssertFalse(FileManager.default.fileExists(atPath: server.options.cacheFolder!.deletingLastPathComponent().path), "serve cleans up its folder")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("unused").path), "serve writes no output folder")
    }

    /// Fetches `path` until `condition` holds, for at most ten seconds.
    func eventually(_ path: String, _ condition: (RawHTTP.Response) -> Bool) throws -> RawHTTP.Response {
        let deadline = Date().addingTimeInterval(10)
        var last = try RawHTTP.get(path, port: port)
        while !condition(last) && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.2)
            last = try RawHTTP.get(path, port: port)
        }
        return last
    }

    func testServesPagesWithLiveReloadAndTheSite404() throws {
        let page = try RawHTTP.get("/fr/recommandations/calendrier/", port: port)
        XCTAssertEqual(page.status, 200)
        XCTAssertEqual(page.headers["content-type"], "text/html; charset=utf-8")
        XCTAssertTrue(page.body.contains("Calendrier des événements"))
        XCTAssertTrue(page.body.contains(#"<script src="/__passerelle/live.js"></script>"#))
        XCTAssertFalse(String(decoding: try XCTUnwrap(server.served.current?.files["fr/recommandations/calendrier/index.html"]), as: UTF8.self)
            .contains("__passerelle"), "the script is added when serving, never written")
        XCTAssertFalse(FileManager.default.fileExists(atPath: server.options.output.path), "the site is served from memory")
        XCTAssertEqual(try RawHTTP.get("/fr/recommandations/calendrier", port: port).status, 301)
        let missing = try RawHTTP.get("/fr/nowhere/", port: port)
        XCTAssertEqual(missing.status, 404)
        XCTAssertTrue(missing.body.contains("Page introuvable"))
        XCTAssertEqual(try RawHTTP.get("/theme/style.css", port: port).headers["content-type"], "text/css; charset=utf-8")
    }

    func testATextEditRebuildsOnlyWhatItChangesAndTheCacheLeavesWithTheServer() async throws {
        // A second server on the same content, without a watcher: its rebuilds are the test's alone.
        var options = server.options
        options.output = folder.appendingPathComponent("unused")
        let preview = DevServer(options: options, host: "127.0.0.1", port: 0) { _ in }
        let first = await preview.rebuild()
        XCTAssertTrue(first.succeeded)
        let file = content.appendingPathComponent("recommendations/zebra.en.md")
        try Data((try String(contentsOf: file, encoding: .utf8) + "\nA sentence typed in the editor.\n").utf8).write(to: file)
        let report = await preview.rebuild()
        XCTAssertEqual(report.textsRebuilt, 1, report.fullBuildReason ?? "")
        XCTAssertTrue(String(decoding: try XCTUnwrap(preview.served.current?.files["en/recommendations/zebra/index.html"]), as: UTF8.self)
            .contains("A sentence typed in the editor."))
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent(".passerelle-cache").path),
                       "the preview's cache stays in its private folder")
        await preview.stop()
        XCTAssertFalse(FileManager.default.fileExists(atPath: preview.options.cacheFolder!.deletingLastPathComponent().path))
    }

    func testPathTraversalIsRefused() throws {
        for path in ["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/fr/..%2f..%2fetc/passwd", "/%252e%252e/etc/passwd"] {
            let status = try RawHTTP.get(path, port: port).status
            XCTAssertTrue(status == 403 || status == 404, "\(path): \(status)")
        }
    }

    func testRebuildsOnChangeAndKeepsTheLastGoodSiteWhenBroken() throws {
        let file = content.appendingPathComponent("recommendations/calendar.en.md")
        let original = try String(contentsOf: file, encoding: .utf8)
        try Data(original.replacingOccurrences(of: "Calendar of events", with: "Calendar of meetings").utf8).write(to: file)
        let updated = try eventually("/en/recommendations/calendar/") { $0.body.contains("Calendar of meetings") }
        XCTAssertTrue(updated.body.contains("Calendar of meetings"), "the change is served after the rebuild")

        try Data((original + "\nSee [[nowhere]].\n").utf8).write(to: file)
        let state = try eventually("/__passerelle/poll?v=-1") { $0.body.contains("\"severity\":\"error\"") }
        XCTAssertTrue(state.body.contains("unresolved reference 'nowhere'"), state.body)
        let page = try RawHTTP.get("/en/recommendations/calendar/", port: port)
        XCTAssertEqual(page.status, 200)
        XCTAssertTrue(page.body.contains("Calendar of meetings"), "the last good build stays served")
        XCTAssertTrue(try RawHTTP.get("/__passerelle/live.js", port: port).body.contains("passerelle-overlay"))
    }

    func testAFolderWithLeadingSlashesRedirectsOnThisHost() throws {
        let reply = try RawHTTP.get("//en", port: port)
        XCTAssertEqual(reply.status, 301)
        XCTAssertEqual(reply.headers["location"], "/en/", "never //en/, a protocol-relative link to the host 'en'")
    }

    func testWaitingClientsAreWokenByARebuildNotPolled() async throws {
        let reload = LiveReload()
        async let answer = reload.next(after: 0, timeout: 20)
        while await reload.waitingCount == 0 { try await Task.sleep(nanoseconds: 10_000_000) }
        let started = Date()
        await reload.publish([])
        let state = await answer
        XCTAssertEqual(state.version, 1)
        XCTAssertLessThan(Date().timeIntervalSince(started), 1)
        let waitingCount = await reload.waitingCount
        XCTAssertEqual(waitingCount, 0)
        let timedOut = await reload.next(after: 1, timeout: 0.1)
        XCTAssertEqual(timedOut.version, 1)
    }
}
