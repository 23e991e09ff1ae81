import Foundation

package extension Array where Element: Sendable {
    /// `map` spread over the machine's cores; results keep the input order.
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
private struct DisjointSlots<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T>

    func initialize(_ index: Int, to value: T) {
        (base + index).initialize(to: value)
    }
}
