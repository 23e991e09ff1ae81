import XCTest
@testable import PasserelleModel

final class ConcurrentMapTests: XCTestCase {
    func testResultsComeInTheOrderOfTheItems() {
        let items = Array(0..<10_000)
        XCTAssertEqual(items.concurrentMap { $0 * 3 }, items.map { $0 * 3 })
        XCTAssertEqual([7].concurrentMap { String($0) }, ["7"])
        XCTAssertEqual([Int]().concurrentMap { $0 }, [])
    }

    func testEveryItemIsTransformedOnce() {
        let calls = Locked(0)
        _ = Array(0..<1_000).concurrentMap { _ in calls.withLock { $0 += 1 } }
        XCTAssertEqual(calls.withLock { $0 }, 1_000)
    }
}

final class ConcurrentlyTests: XCTestCase {
    func testBothResultsComeBackInTheirPlaces() {
        let (number, text) = concurrently({ (0..<1_000).reduce(0, +) }, { String(repeating: "a", count: 3) })
        XCTAssertEqual(number, 499_500)
        XCTAssertEqual(text, "aaa")
    }

    /// With every thread of the pool blocked (as by `git log` beside a build), both still run:
    /// the calling thread takes what no other thread does.
    func testBothRunWhileThePoolIsBlocked() {
        let release = DispatchSemaphore(value: 0), blocked = DispatchGroup()
        let threads = ProcessInfo.processInfo.activeProcessorCount * 2
        for _ in 0..<threads { DispatchQueue.global().async(group: blocked) { release.wait() } }
        defer {
            for _ in 0..<threads { release.signal() }
            blocked.wait()
        }
        let start = Date()
        let (a, b) = concurrently({ 1 }, { 2 })
        XCTAssertEqual(a + b, 3)
        XCTAssertLessThan(Date().timeIntervalSince(start), 0.5, "a free thread of the pool was waited for")
    }
}
