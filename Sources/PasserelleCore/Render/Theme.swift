import Foundation
import Mustache

/// A theme: compiled Mustache templates, UI strings per language, and static files to copy.
public struct Theme: Sendable {
    public static let requiredTemplates = ["base", "root", "home", "section", "entry", "calendar-month", "calendar-year", "az", "tags", "tag", "search", "404", "status"]

    public let directory: URL
    public let library: MustacheLibrary
    /// UI strings by language code, then key.
    public let strings: [String: [String: String]]
    /// Files under `static/`, relative to it, sorted.
    public let staticFiles: [String]

    public func render(_ template: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: template) ?? ""
    }
}
