import Foundation

/// A value computed on another thread while the caller does something else; `value` waits for it.
package final class BackgroundValue<T>: @unchecked Sendable {
    private let group = DispatchGroup()
    private var result: T?

    package init(_ work: @escaping @Sendable () -> T) {
        DispatchQueue.global().async(group: group) { self.result = work() }
    }

    package var value: T {
        group.wait()
        return result!
    }
}
