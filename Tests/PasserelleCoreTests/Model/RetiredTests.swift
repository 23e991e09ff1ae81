import Foundation
import XCTest
@testable import PasserelleModel

final class RetiredTests: XCTestCase {
    /// Notes on which thread it was freed.
    final class Tracked: @unchecked Sendable {
        let freed: Locked<[Bool]>
        let done: XCTestExpectation
        init(freed: Locked<[Bool]>, done: XCTestExpectation) { self.freed = freed; self.done = done }
        deinit {
            freed.withLock { $0.append(Thread.isMainThread) }
            done.fulfill()
        }
    }

    func testRetiredValuesAreTakenFromTheCallerAndFreedOnAnotherThread() {
        let freed = Locked<[Bool]>([])
        let done = expectation(description: "every value freed")
        done.expectedFulfillmentCount = 5
        var list = (0..<3).map { _ in Tracked(freed: freed, done: done) }
        var table = ["a": Tracked(freed: freed, done: done), "b": Tracked(freed: freed, done: done)]
        let retired = Retired()
        retired.retire(&list)
        retired.retire(&table)
        XCTAssertTrue(list.isEmpty, "the caller keeps no reference")
        XCTAssertTrue(table.isEmpty)
        XCTAssertEqual(freed.withLock { $0 }, [], "nothing is freed before the release")
        XCTAssertTrue(Thread.isMainThread)
        retired.releaseInBackground()
        wait(for: [done], timeout: 5)
        XCTAssertEqual(freed.withLock { $0 }, [false, false, false, false, false], "all five, none on the caller's thread")
    }
}
