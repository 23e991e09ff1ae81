import PasserelleContent
import PasserelleModel
import Foundation


/// Loads a theme folder, reporting broken templates and missing UI strings with their locations.
public struct ThemeLoader {
    public let directory: URL
    /// How the theme folder is named in diagnostics.
    public let displayRoot: String
    /// What the pages rendered through the theme need of it (`PageKinds.themeRequirements`).
    public let requirements: ThemeRequirements

    public init(directory: URL, displayRoot: String, requirements: ThemeRequirements) {
        self.directory = directory
        self.displayRoot = displayRoot
        self.requirements = requirements
    }

    private func display(_ relative: String) -> String { displayRoot + "/" + relative }

    public func load(languages: [String]) -> (Theme?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return (nil, [.error(SourceLocation(path: displayRoot), "theme folder not found")])
        }
        // The theme's folder is read as the content folder is: nothing through a link that leads out of it.
        let tree = SourceTree(root: directory)
        for problem in tree.problems {
            diagnostics.append(.error(.file(display(problem.path)), problem.message(folder: "the theme folder")))
        }
        /// The text of the theme's file at `relative`, or nil after a diagnostic when it cannot be read.
        func text(_ relative: String, missing: String) -> String? {
            guard let item = tree[relative] else {
                if !tree.problems.contains(where: { $0.path == relative }) {
                    diagnostics.append(.error(SourceLocation(path: display(relative)), missing))
                }
                return nil
            }
            switch SourceTree.read(item) {
            case let .success(data):
                guard let text = String(validatingUTF8Data: data) else {
                    diagnostics.append(.error(SourceLocation(path: display(relative)), "file is not valid UTF-8"))
                    return nil
                }
                return text
            case let .failure(error):
                diagnostics.append(.error(.file(display(relative)), error.message))
                return nil
            }
        }

        // Templates.
        var templates: [String: CompiledTemplate] = [:]
        for item in tree.children(of: "templates") where item.path.hasSuffix(".mustache") {
            let name = String(item.path.dropFirst("templates/".count))
            let templateName = String(name.dropLast(".mustache".count))
            let path = display("templates/\(name)")
            guard let text = text(item.path, missing: "cannot read template") else { continue }
            do {
                templates[templateName] = try TemplateParser.compile(text)
            } catch let failure as TemplateParser.Failure {
                diagnostics.append(.error(SourceLocation(path: path, line: failure.line, column: failure.column),
                                          "template error: " + failure.message))
            } catch {
                diagnostics.append(.error(SourceLocation(path: path), "template error: \(error)"))
            }
        }
        for required in requirements.templates where templates[required] == nil && !diagnostics.contains(where: { $0.location.path.hasSuffix("/\(required).mustache") }) {
            diagnostics.append(.error(SourceLocation(path: display("templates/\(required).mustache")), "missing template '\(required)'"))
        }

        // UI strings: one flat table per language, all with the same keys.
        var strings: [String: [String: String]] = [:]
        for language in languages {
            let path = display("i18n/\(language).yaml")
            guard let text = text("i18n/\(language).yaml", missing: "missing UI strings for language '\(language)'") else { continue }
            let document = YAMLDocument(text: text, path: path)
            diagnostics += document.diagnostics
            guard let fields = YAMLFields(document.root, path: path, firstLine: 1, what: "a string table", diagnostics: &diagnostics) else { continue }
            var table: [String: String] = [:]
            var fieldsCopy = fields
            for pair in fields.pairs {
                if let value = fieldsCopy.string(pair.value, key: pair.key) {
                    table[pair.key] = value
                }
            }
            diagnostics += fieldsCopy.diagnostics
            strings[language] = table
        }
        let allKeys = Set(strings.values.flatMap(\.keys))
        for language in languages {
            guard let table = strings[language] else { continue }
            for key in allKeys.subtracting(table.keys).sorted() {
                let other = languages.first { strings[$0]?[key] != nil } ?? ""
                diagnostics.append(.error(SourceLocation(path: display("i18n/\(language).yaml")),
                    "missing UI string '\(key)' (present in i18n/\(other).yaml)"))
            }
        }
        // Every variable a template reads must be one the page kinds provide, every `t.key` must
        // exist, and every partial must be a template of the theme.
        let vocabulary = requirements.keys.sorted()
        let templateNames = templates.keys.sorted()
        for (name, template) in templates.sorted(by: { $0.key < $1.key }) {
            for reference in template.references {
                let location = SourceLocation(path: display("templates/\(name).mustache"), line: reference.line, column: reference.column)
                switch reference.kind {
                case .partial:
                    if templates[reference.name] == nil {
                        diagnostics.append(.error(location, "unknown template '\(reference.name)'" + Suggestion.didYouMean(reference.name, in: templateNames)))
                    }
                case .value:
                    guard let root = reference.name.split(separator: ".").first.map(String.init) else { continue }
                    if !requirements.keys.contains(root) {
                        diagnostics.append(.error(location, "unknown template key '\(root)'" + Suggestion.didYouMean(root, in: vocabulary)))
                    } else if reference.name.hasPrefix("t.") {
                        let key = String(reference.name.dropFirst(2))
                        if !allKeys.contains(key) {
                            diagnostics.append(.error(location, "unknown UI string 't.\(key)'" + Suggestion.didYouMean(key, in: allKeys.sorted())))
                        }
                    }
                }
            }
        }

        let staticFiles = tree.files(under: "static").map {
            Theme.StaticFile(path: String($0.path.dropFirst("static/".count)), source: $0.source)
        }
        var map: WorldMap?
        if tree[WorldMap.file] != nil, let text = text(WorldMap.file, missing: "cannot read the map") {
            let (parsed, problems) = WorldMap.parse(text, path: display(WorldMap.file))
            map = parsed
            diagnostics += problems
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        return (Theme(directory: directory, engine: CompiledTemplates(templates: templates), strings: strings, staticFiles: staticFiles, map: map), diagnostics)
    }
}
