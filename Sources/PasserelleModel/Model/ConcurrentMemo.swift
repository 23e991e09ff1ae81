import Foundation

/// Values made once per key and then shared by the render threads: the chrome fields of a
/// folder (menu, relative links, UI strings, the same for all the entry pages of a section), or
/// a language's A–Z order. Safe to use from any thread; two threads asking for a new key at
/// once may both make it, and the second result wins (they are equal).
package final class ConcurrentMemo<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: Value] = [:]

    /// The value stored under `key`, made by `make` the first time.
    package init() {}

    package func value(for key: String, make: () -> Value) -> Value {
        lock.lock()
        if let known = values[key] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let made = make()
        lock.lock()
        values[key] = made
        lock.unlock()
        return made
    }

    /// The value stored under `key`, taken out of the memo (made by `make` when there is none):
    /// for a value used a last time, so that it does not stay in memory to the end.
    package func take(_ key: String, make: () -> Value) -> Value {
        lock.lock()
        let known = values.removeValue(forKey: key)
        lock.unlock()
        return known ?? make()
    }
}
