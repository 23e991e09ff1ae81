import Foundation

/// A value computed on another thread while the caller does something else; `value` waits for it.
package final class BackgroundValue<T: Sendable>: Sendable {
    private let group = DispatchGroup()
    private let result = Locked<T?>(nil)

    package init(_ work: @escaping @Sendable () -> T) {
        group.enter()
        DispatchQueue.global().async { [group, result] in
            let value = work()
            result.withLock { $0 = value }
            group.leave()
        }
    }

    package var value: T {
        group.wait()
        guard let value = result.withLock({ $0 }) else { preconditionFailure("the work's result is set before the group is left") }
        return value
    }
}
