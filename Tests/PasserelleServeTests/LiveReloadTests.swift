import XCTest
@testable import PasserelleModel
@testable import PasserelleServe

final class LiveReloadTests: XCTestCase {
    func testAWaitingClientIsAnsweredByTheNextPublish() async {
        let reload = LiveReload()
        async let answer = reload.next(after: 0, timeout: 10)
        while await reload.waitingCount == 0 { await Task.yield() }
        let problem = Diagnostic.error(SourceLocation(path: "content/a.fr.md", line: 2), "broken")
        await reload.publish([problem])
        let (version, diagnostics) = await answer
        XCTAssertEqual(version, 1)
        XCTAssertEqual(diagnostics, [problem])
        let waiting = await reload.waitingCount
        XCTAssertEqual(waiting, 0)
    }

    func testAClientBehindIsAnsweredAtOnceAndAWaitEndsAtItsTimeout() async {
        let reload = LiveReload()
        await reload.publish([])
        let behind = await reload.next(after: 0, timeout: 10)
        XCTAssertEqual(behind.version, 1)
        let started = Date()
        let timedOut = await reload.next(after: 1, timeout: 0.1)
        XCTAssertEqual(timedOut.version, 1, "no rebuild: the same version")
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
    }
}
