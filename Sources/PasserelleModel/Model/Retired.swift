import Foundation

/// Values a stage is done with, handed over to be freed on another thread while the build goes on.
///
/// A stage that made tens of thousands of objects (render jobs and results, the texts of the files,
/// entries before their bodies) would otherwise free them one after another on its own thread at
/// its end, the other core idle meanwhile. Whoever holds the last reference frees a value: the
/// caller hands its references over (`retire` moves them out) and keeps none.
package final class Retired: @unchecked Sendable {
    // @unchecked: the values are only held, never read; the owner's thread hands them over, then the
    // release thread drops them (the dispatch orders the two).
    private var values: [Any] = []

    package init() {}

    /// Takes `value` over, leaving an empty value in its place.
    package func retire<T: RangeReplaceableCollection>(_ value: inout T) {
        values.append(value)
        value = T()
    }

    /// Takes `value` over, leaving an empty value in its place.
    package func retire<Key, Value>(_ value: inout [Key: Value]) {
        values.append(value)
        value = [:]
    }

    /// Frees what was handed over on a background thread, at low priority; nothing may be handed over after.
    package func releaseInBackground() {
        DispatchQueue.global(qos: .utility).async { self.values = [] }
    }
}
