import PasserelleModel
import Foundation
import Mustache

/// A theme: compiled Mustache templates, UI strings per language, and static files to copy.
public struct Theme: Sendable {
    public let directory: URL
    /// The templates as swift-mustache parsed them: it checks them, and renders them when
    /// `compiled` is nil.
    public let library: MustacheLibrary
    /// The same templates compiled for fast rendering, or nil when one of them uses a construct
    /// `TemplateParser` leaves to swift-mustache (delimiter changes, transforms, dynamic partials).
    let compiled: [String: CompiledTemplate]?
    /// UI strings by language code, then key.
    public let strings: [String: [String: String]]
    /// A file under `static/`: its path relative to it, and the real path to copy it from.
    public struct StaticFile: Sendable {
        public let path: String
        public let source: String
    }

    /// Files under `static/`, sorted by path.
    public let staticFiles: [StaticFile]

    private init(directory: URL, library: MustacheLibrary, compiled: [String: CompiledTemplate]?, strings: [String: [String: String]], staticFiles: [StaticFile]) {
        self.directory = directory
        self.library = library
        self.compiled = compiled
        self.strings = strings
        self.staticFiles = staticFiles
    }

    /// `texts` are the sources of the templates in `library`, by name.
    public init(directory: URL, library: MustacheLibrary, texts: [String: String], strings: [String: [String: String]], staticFiles: [StaticFile]) {
        self.directory = directory
        self.library = library
        self.strings = strings
        self.staticFiles = staticFiles
        self.compiled = try? texts.mapValues { try TemplateParser.compile($0) }
    }

    /// Whether templates render through the compiled path rather than through swift-mustache.
    public var isCompiled: Bool { compiled != nil }

    /// The page `template` makes of `context`, as UTF-8 bytes.
    public func render(_ template: String, _ context: TemplateRecord) -> [UInt8] {
        if let compiled {
            return compiled[template]?.render(context, partials: compiled) ?? []
        }
        return Array((library.render(context, withTemplate: template) ?? "").utf8)
    }

    /// The same theme rendering through swift-mustache only: the reference the compiled path is tested against.
    func withSwiftMustacheOnly() -> Theme {
        Theme(directory: directory, library: library, compiled: nil, strings: strings, staticFiles: staticFiles)
    }
}

/// What the pages rendered through a theme need of it: the templates they render, and every key
/// their contexts provide (a template reading another key is an error, with a did-you-mean).
public struct ThemeRequirements: Sendable {
    public let templates: [String]
    public let keys: Set<String>

    public init(templates: [String], keys: Set<String>) {
        self.templates = templates
        self.keys = keys
    }
}

extension Array where Element == String {
    /// The names in their order, each once.
    func uniqued() -> [String] {
        var seen = Set<String>()
        return filter { seen.insert($0).inserted }
    }
}
