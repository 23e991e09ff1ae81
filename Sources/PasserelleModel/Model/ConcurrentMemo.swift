import Foundation

/// Values made once per key and then shared by the render threads: the chrome fields of a
/// folder (menu, relative links, UI strings, the same for all the entry pages of a section), or
/// a language's A–Z order. Safe to use from any thread; two threads asking for a new key at
/// once may both make it, and the second result wins (they are equal).
///
/// The keys are spread over shards, each behind its own lock: the event blocks of a site are
/// thousands of keys asked for by every core at once, and one lock made them wait on each other.
package final class ConcurrentMemo<Value: Sendable>: Sendable {
    private let shards: [Locked<[String: Value]>] = (0..<ConcurrentMemo.shardCount).map { _ in Locked([:]) }
    private static var shardCount: Int { 16 }

    package init() {}

    private func shard(_ key: String) -> Locked<[String: Value]> {
        shards[Int(UInt(bitPattern: key.hashValue) % UInt(ConcurrentMemo.shardCount))]
    }

    /// The value stored under `key`, made by `make` the first time (outside the lock).
    package func value(for key: String, make: () -> Value) -> Value {
        let values = shard(key)
        if let known = values.withLock({ $0[key] }) { return known }
        let made = make()
        values.withLock { $0[key] = made }
        return made
    }

    /// The value stored under `key`, taken out of the memo (made by `make` when there is none):
    /// for a value used a last time, so that it does not stay in memory to the end.
    package func take(_ key: String, make: () -> Value) -> Value {
        shard(key).withLock { $0.removeValue(forKey: key) } ?? make()
    }
}
