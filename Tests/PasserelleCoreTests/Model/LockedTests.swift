import XCTest
@testable import PasserelleModel

final class LockedTests: XCTestCase {
    func testEveryChangeFromManyThreadsIsKept() {
        let counter = Locked(0)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<10_000 { counter.withLock { $0 += 1 } }
        }
        XCTAssertEqual(counter.withLock { $0 }, 80_000)
    }

    func testTakeLeavesTheStateEmpty() {
        let files = Locked(["a": 1, "b": 2])
        XCTAssertEqual(files.withLock { $0.take() }, ["a": 1, "b": 2])
        XCTAssertEqual(files.withLock { $0 }, [:])
        var list = [1, 2]
        XCTAssertEqual(list.take(), [1, 2])
        XCTAssertEqual(list, [])
        var value: Int? = 3
        XCTAssertEqual(value.take(), 3)
        XCTAssertNil(value)
    }

    func testConcurrentMapKeepsTheOrderOfItemsOfAnyCost() {
        // Costs that differ widely, so that the workers finish out of order.
        let items = Array(0..<500)
        let mapped = items.concurrentMap { item -> Int in
            var total = 0
            for step in 0..<((item % 7) * 2_000) { total &+= step }
            return item * 2 + (total & 0)
        }
        XCTAssertEqual(mapped, items.map { $0 * 2 })
        XCTAssertEqual([5].concurrentMap { $0 + 1 }, [6])
        XCTAssertEqual([Int]().concurrentMap { $0 + 1 }, [])
    }

    func testBackgroundValueAndMemo() {
        let value = BackgroundValue { (1...100).reduce(0, +) }
        XCTAssertEqual(value.value, 5050)
        XCTAssertEqual(value.value, 5050)
        let memo = ConcurrentMemo<Int>()
        let made = Locked(0)
        XCTAssertEqual(memo.value(for: "k") { made.withLock { $0 += 1 }; return 7 }, 7)
        XCTAssertEqual(memo.value(for: "k") { made.withLock { $0 += 1 }; return 8 }, 7)
        XCTAssertEqual(made.withLock { $0 }, 1)
        XCTAssertEqual(memo.take("k") { 9 }, 7)
        XCTAssertEqual(memo.take("k") { 9 }, 9)
    }

    func testAKeeperHoldsItsValues() {
        final class Tracked: Sendable {
            let freed: Locked<Bool>
            init(_ freed: Locked<Bool>) { self.freed = freed }
            deinit { freed.withLock { $0 = true } }
        }
        let freed = Locked(false)
        var keeper: ValueKeeper? = ValueKeeper()
        keeper?.keep(Tracked(freed))
        XCTAssertFalse(freed.withLock { $0 })
        keeper = nil
        XCTAssertTrue(freed.withLock { $0 })
    }
}
