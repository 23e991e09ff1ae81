import Foundation

/// A value shared by threads, reached only through `withLock`: the one lock type of the
/// project (the standard library's `Mutex` needs macOS 15; the package supports macOS 13).
///
/// `@unchecked Sendable` is safe because `state` is private and every read and write of it
/// happens inside `withLock`, between `lock()` and `unlock()` of the same `NSLock`; `State`
/// is `Sendable`, so what a closure takes out of it may cross threads.
package final class Locked<State: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var state: State

    package init(_ initial: State) {
        state = initial
    }

    /// Runs `body` with the state, no other thread reaching it meanwhile.
    @inlinable package func withLock<Result>(_ body: (inout State) throws -> Result) rethrows -> Result {
        try locked(body)
    }

    @usableFromInline func locked<Result>(_ body: (inout State) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&state)
    }
}

package extension RangeReplaceableCollection {
    /// The collection's elements, leaving it empty: for a state handed on once.
    mutating func take() -> Self {
        defer { self = Self() }
        return self
    }
}

package extension Dictionary {
    /// The dictionary, leaving it empty: for a state handed on once.
    mutating func take() -> Self {
        defer { self = [:] }
        return self
    }
}

package extension Optional {
    /// The value, leaving nil: for something handed on once.
    mutating func take() -> Wrapped? {
        defer { self = nil }
        return self
    }
}
