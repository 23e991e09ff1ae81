import Foundation

/// Values made once per key and then shared by the render threads: the chrome fields of a
/// folder (menu, relative links, UI strings, the same for all the entry pages of a section), or
/// a language's A–Z order. Safe to use from any thread; two threads asking for a new key at
/// once may both make it, and the second result wins (they are equal).
///
/// The keys are spread over shards (`Sharded`): the event blocks of a site are thousands of
/// keys asked for by every core at once, and one lock made them wait on each other.
package final class ConcurrentMemo<Value: Sendable>: Sendable {
    private let values = Sharded<[String: Value]> { [:] }

    package init() {}

    /// The value stored under `key`, made by `make` the first time (outside the lock).
    package func value(for key: String, make: () -> Value) -> Value {
        if let known = values.withLock(for: key, { values, _ in values[key] }) { return known }
        let made = make()
        values.withLock(for: key) { values, _ in values[key] = made }
        return made
    }

    /// The value stored under `key`, taken out of the memo (made by `make` when there is none):
    /// for a value used a last time, so that it does not stay in memory to the end.
    package func take(_ key: String, make: () -> Value) -> Value {
        values.withLock(for: key) { values, _ in values.removeValue(forKey: key) } ?? make()
    }
}
