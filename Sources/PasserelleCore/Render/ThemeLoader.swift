import Foundation
import Mustache
import Yams

/// Loads a theme folder, reporting broken templates and missing UI strings with their locations.
public struct ThemeLoader {
    public let directory: URL
    /// How the theme folder is named in diagnostics.
    public let displayRoot: String

    public init(directory: URL, displayRoot: String) {
        self.directory = directory
        self.displayRoot = displayRoot
    }

    private func display(_ relative: String) -> String { displayRoot + "/" + relative }

    public func load(languages: [String]) -> (Theme?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return (nil, [.error(SourceLocation(path: displayRoot), "theme folder not found")])
        }

        // Templates.
        var library = MustacheLibrary()
        var templateTexts: [String: String] = [:]
        let templatesDir = directory.appendingPathComponent("templates")
        for name in ((try? fm.contentsOfDirectory(atPath: templatesDir.path)) ?? []).sorted() where name.hasSuffix(".mustache") {
            let templateName = String(name.dropLast(".mustache".count))
            let path = display("templates/\(name)")
            guard let text = try? String(contentsOf: templatesDir.appendingPathComponent(name), encoding: .utf8) else {
                diagnostics.append(.error(SourceLocation(path: path), "cannot read template"))
                continue
            }
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
        for required in Theme.requiredTemplates where templateTexts[required] == nil && !diagnostics.contains(where: { $0.location.path.hasSuffix("/\(required).mustache") }) {
            diagnostics.append(.error(SourceLocation(path: display("templates/\(required).mustache")), "missing template '\(required)'"))
        }

        // UI strings: one flat table per language, all with the same keys.
        var strings: [String: [String: String]] = [:]
        var keyLocations: [String: [String: SourceLocation]] = [:]
        for language in languages {
            let path = display("i18n/\(language).yaml")
            guard let text = try? String(contentsOf: directory.appendingPathComponent("i18n/\(language).yaml"), encoding: .utf8) else {
                diagnostics.append(.error(SourceLocation(path: path), "missing UI strings for language '\(language)'"))
                continue
            }
            let document = YAMLDocument(text: text, path: path)
            diagnostics += document.diagnostics
            guard let fields = YAMLFields(document.root, path: path, firstLine: 1, what: "a string table", diagnostics: &diagnostics) else { continue }
            var table: [String: String] = [:]
            var fieldsCopy = fields
            for pair in fields.pairs {
                if let value = fieldsCopy.string(pair.value, key: pair.key) {
                    table[pair.key] = value
                    keyLocations[language, default: [:]][pair.key] = fields.location(pair.keyNode)
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
        // Every variable a template reads must be one the renderer provides.
        let vocabulary = TemplateVocabulary.keys.sorted()
        for (name, text) in templateTexts.sorted(by: { $0.key < $1.key }) {
            for variable in TemplateVocabulary.variables(in: text) where !TemplateVocabulary.keys.contains(variable.name) {
                diagnostics.append(.error(SourceLocation(path: display("templates/\(name).mustache"), line: variable.line, column: variable.column),
                    "unknown template key '\(variable.name)'" + Suggestion.didYouMean(variable.name, in: vocabulary)))
            }
        }
        // Every `t.key` a template prints must exist.
        for (name, text) in templateTexts.sorted(by: { $0.key < $1.key }) {
            for (key, line, column) in ThemeLoader.stringKeys(in: text) where !allKeys.contains(key) {
                diagnostics.append(.error(SourceLocation(path: display("templates/\(name).mustache"), line: line, column: column),
                    "unknown UI string 't.\(key)'" + Suggestion.didYouMean(key, in: allKeys.sorted())))
            }
        }

        let staticDir = directory.appendingPathComponent("static")
        var staticFiles: [String] = []
        if let enumerator = fm.enumerator(atPath: staticDir.path) {
            while let path = enumerator.nextObject() as? String {
                var isDir: ObjCBool = false
                fm.fileExists(atPath: staticDir.appendingPathComponent(path).path, isDirectory: &isDir)
                if !isDir.boolValue && !(path as NSString).lastPathComponent.hasPrefix(".") { staticFiles.append(path) }
            }
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        return (Theme(directory: directory, library: library, strings: strings, staticFiles: staticFiles.sorted()), diagnostics)
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

    /// Occurrences of `{{t.key}}` (or `{{{t.key}}}`, `{{#t.key}}`) in a template's source, with line and column.
    static func stringKeys(in text: String) -> [(String, Int, Int)] {
        var found: [(String, Int, Int)] = []
        for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                var cursor = open.upperBound
                while cursor < rest.endIndex, "{#^/&! ".contains(rest[cursor]) { cursor = rest.index(after: cursor) }
                if rest[cursor...].hasPrefix("t.") {
                    let keyStart = rest.index(cursor, offsetBy: 2)
                    let keyEnd = rest[keyStart...].firstIndex { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") } ?? rest.endIndex
                    let column = line[..<cursor].unicodeScalars.count + 1
                    found.append((String(rest[keyStart..<keyEnd]), lineIndex + 1, column))
                }
                rest = rest[open.upperBound...]
            }
        }
        return found
    }
}
