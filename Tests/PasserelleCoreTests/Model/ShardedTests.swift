import XCTest
@testable import PasserelleModel

final class ShardedTests: XCTestCase {
    func testAKeyAlwaysReachesTheSameShard() {
        let sharded = Sharded<[String: Int]> { [:] }
        let keys = (0..<1_000).map { "k\($0)" }
        for (index, key) in keys.enumerated() { sharded.withLock(for: key) { table, _ in table[key] = index } }
        let shardOf = Dictionary(uniqueKeysWithValues: keys.map { key in (key, sharded.withLock(for: key) { _, shard in shard }) })
        for (index, key) in keys.enumerated() {
            XCTAssertEqual(sharded.withLock(for: key) { table, shard in shard == shardOf[key] ? table[key] : nil }, index)
        }
        let sizes = Dictionary(grouping: keys) { shardOf[$0]! }.mapValues(\.count)
        for (shard, size) in sizes {
            XCTAssertTrue((0..<Sharded<[String: Int]>.count).contains(shard))
            let key = keys.first { shardOf[$0] == shard }!
            XCTAssertEqual(sharded.withLock(for: key) { table, _ in table.count }, size, "each key in its shard alone")
        }
        XCTAssertGreaterThan(sizes.count, Sharded<[String: Int]>.count / 2, "spread over the shards")
    }
}
