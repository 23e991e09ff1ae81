import Foundation

package extension Array where Element: Sendable {
    /// `map` spread over the machine's cores; results keep the input order.
    ///
    /// Inlinable, so that it is specialized for each element and result type where it is used:
    /// unspecialized, every element read and every result written went through the runtime's
    /// value witnesses (a copy of a render job, of a page, of a listed file).
    @inlinable
    func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let items = self
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            let slots = DisjointSlots(base: base)
            DispatchQueue.concurrentPerform(iterations: items.count) { index in
                slots.initialize(index, to: transform(items[index]))
            }
            initialized = items.count
        }
    }
}

/// The slots of a new array that the iterations of one `concurrentPerform` fill, one slot each.
///
/// `@unchecked Sendable` is safe because each slot is initialized exactly once, by the iteration
/// given its index, no slot is read while they run, and `concurrentPerform` returns only after
/// every iteration has (which orders all the writes before the array is used).
@usableFromInline
struct DisjointSlots<T>: @unchecked Sendable {
    @usableFromInline let base: UnsafeMutablePointer<T>

    @inlinable init(base: UnsafeMutablePointer<T>) { self.base = base }

    @inlinable func initialize(_ index: Int, to value: T) {
        (base + index).initialize(to: value)
    }
}

/// `first` and `second` at once, each on a core when one is free; both results, when both are done.
///
/// The calling thread runs one of them, and the other too if no thread of the pool takes it: a
/// value computed in the background (`BackgroundValue`) waits for a free thread of the pool,
/// which threads blocked elsewhere (a `git log` beside the build) can hold for a second.
@inlinable
package func concurrently<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
    var a: A?, b: B?
    withUnsafeMutablePointer(to: &a) { a in
        withUnsafeMutablePointer(to: &b) { b in
            let slots = TwoSlots(first: a, second: b)
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                if index == 0 { slots.first.pointee = first() } else { slots.second.pointee = second() }
            }
        }
    }
    guard let a, let b else { preconditionFailure("concurrentPerform returns after both iterations ran") }
    return (a, b)
}

/// The two results `concurrently` fills. `@unchecked Sendable` is safe because each is written
/// by one iteration only, and read after `concurrentPerform` has returned.
@usableFromInline
struct TwoSlots<A, B>: @unchecked Sendable {
    @usableFromInline let first: UnsafeMutablePointer<A?>
    @usableFromInline let second: UnsafeMutablePointer<B?>

    @inlinable init(first: UnsafeMutablePointer<A?>, second: UnsafeMutablePointer<B?>) {
        self.first = first
        self.second = second
    }
}
