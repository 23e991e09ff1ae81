import PasserelleContent
import PasserelleModel
import Foundation
import Mustache
import Yams

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
        var library = MustacheLibrary()
        var templateTexts: [String: String] = [:]
        for item in tree.children(of: "templates") where item.path.hasSuffix(".mustache") {
            let name = String(item.path.dropFirst("templates/".count))
            let templateName = String(name.dropLast(".mustache".count))
            let path = display("templates/\(name)")
            guard let text = text(item.path, missing: "cannot read template") else { continue }
            do {
                try library.register(text, named: templateName)
                templateTexts[templateName] = text
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(.error(SourceLocation(path: path, line: error.context.lineNumber, column: error.context.columnNumber + 1),
                                          "template error: " + ThemeLoader.explain(error.error)))
            } catch {
                diagnostics.append(.error(SourceLocation(path: path), "template error: \(error)"))
            }
        }
        for required in requirements.templates.uniqued() where templateTexts[required] == nil && !diagnostics.contains(where: { $0.location.path.hasSuffix("/\(required).mustache") }) {
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
        // Every variable a template reads must be one the renderer provides, and every `t.key` must exist.
        let vocabulary = requirements.keys.sorted()
        for (name, text) in templateTexts.sorted(by: { $0.key < $1.key }) {
            for variable in TemplateVocabulary.variables(in: text) {
                let location = SourceLocation(path: display("templates/\(name).mustache"), line: variable.line, column: variable.column)
                if !requirements.keys.contains(variable.root) {
                    diagnostics.append(.error(location, "unknown template key '\(variable.root)'" + Suggestion.didYouMean(variable.root, in: vocabulary)))
                } else if variable.name.hasPrefix("t.") {
                    let key = String(variable.name.dropFirst(2))
                    if !allKeys.contains(key) {
                        diagnostics.append(.error(location, "unknown UI string 't.\(key)'" + Suggestion.didYouMean(key, in: allKeys.sorted())))
                    }
                }
            }
        }

        let staticFiles = tree.files(under: "static").map {
            Theme.StaticFile(path: String($0.path.dropFirst("static/".count)), source: $0.source)
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        return (Theme(directory: directory, library: library, texts: templateTexts, strings: strings, staticFiles: staticFiles), diagnostics)
    }

    /// Mustache's parser errors in words.
    static func explain(_ error: Swift.Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect: return "this {{/name}} closes a section that is not the one open"
        case MustacheTemplate.Error.unfinishedName: return "a tag is not closed: '}}' is missing"
        case MustacheTemplate.Error.expectedSectionEnd: return "a section is opened but never closed: a {{/name}} is missing"
        case MustacheTemplate.Error.invalidSetDelimiter: return "invalid delimiter change"
        case MustacheTemplate.Error.illegalTokenInsideInheritSection, MustacheTemplate.Error.textInsideInheritSection:
            return "inside {{<parent}} … {{/parent}} only {{$block}} overrides may appear"
        default: return "\(error)"
        }
    }
}
