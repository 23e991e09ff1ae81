import Foundation

/// The chrome fields that depend only on where a page is, not on which page it is: menu,
/// relative links, UI strings. All the entry pages of a section share them, so they are made
/// once per language and folder instead of once per page. Safe to use from the render threads.
final class SharedChromeCache: @unchecked Sendable {
    private let lock = NSLock()
    private var fields: [String: [String: Any]] = [:]

    /// The fields stored under `key`, made by `make` the first time.
    func fields(for key: String, make: () -> [String: Any]) -> [String: Any] {
        lock.lock()
        if let known = fields[key] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let made = make()
        lock.lock()
        fields[key] = made
        lock.unlock()
        return made
    }
}
