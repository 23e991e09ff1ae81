import PasserelleModel
import Foundation

/// A theme: compiled Mustache templates, UI strings per language, static files to copy, and the
/// world map catalogs draw, when it ships one.
public struct Theme: Sendable {
    public let directory: URL
    /// What renders the templates: the theme's own, compiled (`CompiledTemplates`).
    let engine: any TemplateEngine
    /// UI strings by language code, then key.
    public let strings: [String: [String: String]]
    /// `strings` as the tables templates read them (`{{t.home}}`), made once per language.
    public let stringTables: [String: TemplateTable]
    /// A file under `static/`: its path relative to it, and the real path to copy it from.
    public struct StaticFile: Sendable {
        public let path: String
        public let source: String
    }

    /// Files under `static/`, sorted by path.
    public let staticFiles: [StaticFile]
    /// `map/world.tsv`, if the theme has one.
    public let map: WorldMap?

    package init(directory: URL, engine: any TemplateEngine, strings: [String: [String: String]], staticFiles: [StaticFile], map: WorldMap? = nil) {
        self.directory = directory
        self.engine = engine
        self.strings = strings
        stringTables = strings.mapValues(TemplateTable.init)
        self.staticFiles = staticFiles
        self.map = map
    }

    /// The page `template` makes of `context`, as UTF-8 bytes.
    public func render(_ template: String, _ context: TemplateRecord) -> [UInt8] {
        engine.render(template, context)
    }
}

/// What renders a theme's templates by name.
package protocol TemplateEngine: Sendable {
    /// The page `template` makes of `context`, as UTF-8 bytes.
    func render(_ template: String, _ context: TemplateRecord) -> [UInt8]
}

/// A theme's templates compiled by `TemplateParser`: the one engine Passerelle renders with.
package struct CompiledTemplates: TemplateEngine {
    let templates: [String: CompiledTemplate]

    /// `template` is one the theme was loaded with (`ThemeRequirements.templates`, checked by
    /// `ThemeLoader`): any other is a mistake in the page kinds, and stops the program.
    package func render(_ template: String, _ context: TemplateRecord) -> [UInt8] {
        guard let compiled = templates[template] else {
            preconditionFailure("no template '\(template)' in the theme: a page kind renders a template it does not declare")
        }
        return compiled.render(context, partials: templates)
    }
}

/// What the pages rendered through a theme need of it: the templates they render, and every key
/// their contexts provide (a template reading another key is an error, with a did-you-mean).
public struct ThemeRequirements: Sendable {
    public let templates: [String]
    public let keys: Set<String>

    /// `templates` each once, in their first order (two kinds may render the same template).
    public init(templates: [String], keys: Set<String>) {
        var seen = Set<String>()
        self.templates = templates.filter { seen.insert($0).inserted }
        self.keys = keys
    }
}

