/// A state split in shards by the hash of a key, each behind its own lock: for tables every
/// core reads and writes at once (one lock made them wait on each other).
package final class Sharded<State: Sendable>: Sendable {
    /// A power of two.
    package static var count: Int { 16 }
    private let shards: [Locked<State>]

    package init(_ make: () -> State) {
        shards = (0..<Sharded.count).map { _ in Locked(make()) }
    }

    /// Runs `body` with the shard of `key` and its index, no other thread reaching that shard meanwhile.
    @inlinable package func withLock<Key: Hashable, Result>(for key: Key, _ body: (inout State, Int) throws -> Result) rethrows -> Result {
        let index = Int(UInt(bitPattern: key.hashValue) & UInt(Sharded.count - 1))
        return try shard(index).withLock { try body(&$0, index) }
    }

    @usableFromInline func shard(_ index: Int) -> Locked<State> { shards[index] }
}
