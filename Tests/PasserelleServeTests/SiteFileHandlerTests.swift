import Foundation
import XCTest
@testable import PasserelleOutput
@testable import PasserelleServe

final class SiteFileHandlerTests: XCTestCase {
    func head(_ line: String) throws -> HTTPRequestHead {
        guard case let .complete(head, _) = HTTPRequestHead.scan(Array("\(line) HTTP/1.1\r\nHost: x\r\n\r\n".utf8)) else {
            XCTFail("\(line) does not parse")
            throw CocoaError(.coderReadCorrupt)
        }
        return head
    }

    func handler(_ files: [String: String]?) throws -> SiteFileHandler {
        let output = MemoryOutput()
        if let files {
            let (sink, _) = try output.fullBuild(theme: URL(fileURLWithPath: "/nonexistent"))
            for (path, text) in files { sink.write(path, .text(text)) }
            try sink.finish()
        }
        return SiteFileHandler(output: output, reload: LiveReload())
    }

    func text(_ reply: HTTPReply) -> String { String(decoding: reply.body, as: UTF8.self) }
    func type(_ reply: HTTPReply) -> String? { reply.headers.first { $0.0 == "Content-Type" }?.1 }

    func testPagesGetTheLiveReloadScriptAndOtherFilesTheirBytes() async throws {
        let site = try handler(["fr/index.html": "<html><body><p>Bonjour</p></body></html>", "theme/style.css": "body{}"])
        let page = await site.handle(try head("GET /fr/"))
        XCTAssertEqual(page.status, 200)
        XCTAssertEqual(text(page), "<html><body><p>Bonjour</p><script src=\"/__passerelle/live.js\"></script>\n</body></html>")
        XCTAssertEqual(type(page), "text/html; charset=utf-8")
        let style = await site.handle(try head("GET /theme/style.css"))
        XCTAssertEqual(text(style), "body{}", "only HTML is touched")
        let script = await site.handle(try head("GET /__passerelle/live.js"))
        XCTAssertEqual(text(script), LiveReload.script)
    }

    func testMissingPagesGetTheirLanguages404AndOtherMethodsA405() async throws {
        let site = try handler(["404.html": "<p>root</p>", "fr/404.html": "<body>introuvable</body>", "fr/index.html": "x"])
        let french = await site.handle(try head("GET /fr/nothing/"))
        XCTAssertEqual(french.status, 404)
        XCTAssertTrue(text(french).contains("introuvable"))
        let other = await site.handle(try head("GET /de/nothing/"))
        XCTAssertEqual(other.status, 404)
        XCTAssertTrue(text(other).hasPrefix("<p>root</p>"))
        let post = await site.handle(try head("POST /fr/"))
        XCTAssertEqual(post.status, 405)
        XCTAssertEqual(post.headers.first { $0.0 == "Allow" }?.1, "GET, HEAD")
    }

    func testBeforeAnyBuildAPageThatWaitsForOne() async throws {
        let reply = await try handler(nil).handle(try head("GET /fr/"))
        XCTAssertEqual(reply.status, 503)
        XCTAssertTrue(text(reply).contains("/__passerelle/live.js"), "it reloads by itself once the site builds")
    }

    func testThePollAnswersAtOnceForANewClient() async throws {
        let site = try handler(["index.html": "x"])
        await site.reload.publish([])
        let reply = await site.handle(try head("GET /__passerelle/poll?v=-1"))
        XCTAssertEqual(text(reply), #"{"version":1,"diagnostics":[]}"#)
    }

    func testTheScriptGoesBeforeTheLastBodyEndOrAtTheEnd() {
        XCTAssertEqual(String(decoding: SiteFileHandler.injectLiveReload(into: Data("<p>no body".utf8)), as: UTF8.self),
                       "<p>no body<script src=\"/__passerelle/live.js\"></script>\n")
    }
}
