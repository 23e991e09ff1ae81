import XCTest
@testable import PasserelleServe

final class HTTPRequestHeadTests: XCTestCase {
    func scan(_ text: String) -> HTTPRequestHead.Scan { HTTPRequestHead.scan(Array(text.utf8)) }

    func testAWholeHeadIsParsed() throws {
        guard case let .complete(head, length) = scan("\r\nGET /fr/?v=2&q=a%20b HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nX-A:  1 \r\n\r\nrest") else {
            return XCTFail("not complete")
        }
        XCTAssertEqual(length, "\r\nGET /fr/?v=2&q=a%20b HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nX-A:  1 \r\n\r\n".utf8.count)
        XCTAssertEqual(head.method, "GET")
        XCTAssertEqual(head.path, "/fr/")
        XCTAssertEqual(head.query.map(\.value), ["2", "a b"])
        XCTAssertEqual(head.values("x-a"), ["1"])
        XCTAssertTrue(head.keepsAlive)
        XCTAssertEqual(scan("GET / HTTP/1.1\r\nHost: x\r\n"), .incomplete)
    }

    func testLimitsApplyAsBytesArriveNotOnceAllAreIn() {
        let longLine = "GET /" + String(repeating: "a", count: HTTPRequestHead.maxRequestLine)
        XCTAssertEqual(scan(longLine), .refused(.uriTooLong), "no line end yet, already too long")
        XCTAssertEqual(scan(longLine + " HTTP/1.1\r\n"), .refused(.uriTooLong))
        let bigHeader = "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + String(repeating: "b", count: HTTPRequestHead.maxHead)
        XCTAssertEqual(scan(bigHeader), .refused(.headersTooLarge), "no head end yet, already too large")
        XCTAssertEqual(scan(bigHeader + "\r\n\r\n"), .refused(.headersTooLarge))
    }

    func testAmbiguousOrMalformedHeadsAreRefused() {
        XCTAssertEqual(scan("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n"), .refused(.badRequest("Content-Length given more than once or not a number")))
        XCTAssertEqual(scan("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1, 1\r\n\r\n"), .refused(.badRequest("Content-Length given more than once or not a number")))
        XCTAssertEqual(scan("GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"), .refused(.notImplemented("request bodies are not accepted")))
        XCTAssertEqual(scan("GET / HTTP/1.1\r\n\r\n"), .refused(.badRequest("one Host field is required")))
        XCTAssertEqual(scan("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"), .refused(.badRequest("one Host field is required")))
        XCTAssertEqual(scan("GET / HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n"), .refused(.badRequest("malformed header field")))
        XCTAssertEqual(scan("GET / HTTP/1.1\r\nHost : x\r\n\r\n"), .refused(.badRequest("malformed header field")))
        XCTAssertEqual(scan("get / HTTP/1.1\r\nHost: x\r\n\r\n"), .refused(.badRequest("malformed request line")))
        XCTAssertEqual(scan("GET http://evil/ HTTP/1.1\r\nHost: x\r\n\r\n"), .refused(.badRequest("malformed request line")))
        XCTAssertEqual(scan("GET / HTTP/2\r\nHost: x\r\n\r\n"), .refused(.badRequest("malformed request line")))
    }

    func testOnlyLoopbackNamesAreAnswered() {
        func allowed(_ host: String, listen: String = "127.0.0.1") -> Bool {
            guard case let .complete(head, _) = scan("GET / HTTP/1.1\r\nHost: \(host)\r\n\r\n") else { return false }
            return head.hostIsAllowed(listenHost: listen, port: 8080)
        }
        for host in ["127.0.0.1", "127.0.0.1:8080", "localhost:8080", "LOCALHOST", "[::1]:8080", "site.localhost:8080"] {
            XCTAssertTrue(allowed(host), host)
        }
        for host in ["evil.example", "evil.example:8080", "127.0.0.1:9999", "127.0.0.1.evil.example", "localhost.evil.example", "[::1"] {
            XCTAssertFalse(allowed(host), host)
        }
        XCTAssertTrue(allowed("127.0.0.2:8080", listen: "127.0.0.2"))
    }
}
