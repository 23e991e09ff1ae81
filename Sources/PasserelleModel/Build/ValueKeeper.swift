/// Where a build leaves its large values (the loaded files, the site model, the renderer) for
/// its caller instead of freeing them as it returns. A command that ends the process right after
/// the build hands one in and exits while it still holds it, as compilers do: freeing a large
/// model one object at a time takes a tenth of a second or more, and the system reclaims the
/// memory at exit at once. Without one (tests, `serve`), everything is freed as usual.
public final class ValueKeeper: Sendable {
    private let values = Locked<[any Sendable]>([])

    public init() {}

    /// Holds `value` as long as the keeper lives.
    public func keep(_ value: any Sendable) {
        values.withLock { $0.append(value) }
    }
}
