import XCTest
@testable import PasserelleModel

final class ConcurrentMemoTests: XCTestCase {
    func testAValueIsMadeOnceAndThenShared() {
        let memo = ConcurrentMemo<Int>()
        var made = 0
        XCTAssertEqual(memo.value(for: "fr") { made += 1; return 1 }, 1)
        XCTAssertEqual(memo.value(for: "fr") { made += 1; return 2 }, 1, "the stored value, not a new one")
        XCTAssertEqual(made, 1)
        XCTAssertEqual(memo.value(for: "en") { 3 }, 3, "keys apart")
    }

    func testTakingAValueRemovesIt() {
        let memo = ConcurrentMemo<String>()
        _ = memo.value(for: "k") { "first" }
        XCTAssertEqual(memo.take("k") { "made" }, "first")
        XCTAssertEqual(memo.take("k") { "made" }, "made", "gone once taken")
    }

    func testThreadsAskingAtOnceAllGetTheSameValue() {
        let memo = ConcurrentMemo<Int>()
        let values = Array(0..<500).concurrentMap { _ in memo.value(for: "shared") { 42 } }
        XCTAssertEqual(Set(values), [42])
    }

    func testManyKeysFromManyThreadsEachKeepTheirOwnValue() {
        let memo = ConcurrentMemo<Int>()
        let keys = (0..<2_000).map { "entries/e-\($0)\nfr" }
        let first = keys.enumerated().map { $0 }.concurrentMap { pair in memo.value(for: pair.element) { pair.offset } }
        XCTAssertEqual(first, Array(keys.indices))
        let taken = keys.concurrentMap { key in memo.take(key) { -1 } }
        XCTAssertEqual(taken, Array(keys.indices), "every key found in its shard, from any thread")
        XCTAssertEqual(memo.take(keys[7]) { -1 }, -1)
    }
}
