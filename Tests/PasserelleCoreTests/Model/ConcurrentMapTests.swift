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
