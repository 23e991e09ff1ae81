import Foundation

package extension Array {
    /// `map` spread over the machine's cores; results keep the input order.
    @inlinable func concurrentMap<T>(_ transform: (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        var results = [T?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            withoutActuallyEscaping(transform) { transform in
                DispatchQueue.concurrentPerform(iterations: count) { index in
                    (base + index).pointee = transform(self[index])
                }
            }
        }
        return results.map { $0! }
    }
}
