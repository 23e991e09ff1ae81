import Foundation
import XCTest
@testable import PasserelleServe

/// The dev server's HTTP layer against hostile clients: huge heads, endless heads, foreign hosts.
final class LoopbackHTTPServerTests: XCTestCase {
    var server: LoopbackHTTPServer!
    var port: UInt16 = 0

    override func setUp() async throws {
        server = LoopbackHTTPServer(host: "127.0.0.1", headDeadline: 1) { request in
            HTTPReply(status: 200, headers: [("Content-Type", "text/plain")], body: Data("path \(request.path)".utf8))
        }
        port = try await server.start(port: 0)
    }

    override func tearDown() async throws { await server.stop() }

    func testAHugeHeadIsRefusedAtOnceAndOthersAreServedMeanwhile() throws {
        let started = Date()
        let huge = Array("GET /?q=\(String(repeating: "x", count: 1_000_000)) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8)
        XCTAssertEqual(try RawHTTP.exchange(huge, port: port).status, 414)
        let header = Array("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX: \(String(repeating: "y", count: 1_000_000))\r\n\r\n".utf8)
        XCTAssertEqual(try RawHTTP.exchange(header, port: port).status, 431)
        XCTAssertLessThan(Date().timeIntervalSince(started), 5, "a megabyte is refused, not decoded byte by byte")
        XCTAssertEqual(try RawHTTP.get("/fr/", port: port).body, "path /fr/")
    }

    func testAForeignHostIsMisdirected() throws {
        let reply = try RawHTTP.exchange(Array("GET / HTTP/1.1\r\nHost: rebinding.example:\(port)\r\nConnection: close\r\n\r\n".utf8), port: port)
        XCTAssertEqual(reply.status, 421)
        XCTAssertEqual(try RawHTTP.exchange(Array("GET / HTTP/1.1\r\nHost: localhost:\(port)\r\nConnection: close\r\n\r\n".utf8), port: port).status, 200)
    }

    func testTwoContentLengthsAreABadRequest() throws {
        let request = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nContent-Length: 5\r\n\r\n"
        XCTAssertEqual(try RawHTTP.exchange(Array(request.utf8), port: port).status, 400)
    }

    func testAHeadThatNeverEndsIsCutOffAtTheDeadline() throws {
        let started = Date()
        // Sent, then nothing: the server closes the connection after its deadline (1 s here).
        let reply = try RawHTTP.exchange(Array("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".utf8), port: port, timeout: 20)
        XCTAssertEqual(reply.status, 0)
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
    }

    func testABusyPortAndAHostThatIsNotLoopbackAreSaidInWords() async throws {
        let second = LoopbackHTTPServer(host: "127.0.0.1") { _ in HTTPReply(status: 200) }
        do {
            _ = try await second.start(port: port)
            XCTFail("the port is taken")
        } catch {
            XCTAssertTrue("\(error)".contains("already in use"), "\(error)")
        }
        do {
            _ = try await LoopbackHTTPServer(host: "0.0.0.0") { _ in HTTPReply(status: 200) }.start(port: 0)
            XCTFail("not loopback")
        } catch {
            XCTAssertTrue("\(error)".contains("not a loopback address"), "\(error)")
        }
        let local = LoopbackHTTPServer(host: "localhost") { _ in HTTPReply(status: 200) }
        let bound = try await local.start(port: 0)
        XCTAssertNotEqual(bound, 0)
        await local.stop()
    }
}
