import PasserelleModel
import PasserelleOutput
import Yams

/// A YAML text parsed into a node tree whose marks are mapped back to file positions: by
/// `FlatYAMLParser` when the text is of the flat form it reads, else by Yams.
package struct YAMLDocument {
    /// `compose` builds nodes and never constructs Swift values from them: a constructor with
    /// empty tables costs one allocation, where `Constructor.default` builds its three tables anew.
    private static var constructor: Constructor { Constructor([:], [:], [:]) }

    package let root: YAMLNode?
    package let diagnostics: [Diagnostic]

    /// Parses `text`, which starts at line `firstLine` of the file at `path`.
    package init(text: String, path: String, firstLine: Int = 1) {
        if let root = FlatYAMLParser.parse(text) {
            self.init(root: root)
        } else {
            self.init(composing: text, path: path, firstLine: firstLine)
        }
    }

    private init(root: YAMLNode) {
        self.root = root
        diagnostics = []
    }

    /// Parses `text` with Yams.
    package init(composing text: String, path: String, firstLine: Int = 1) {
        do {
            // Every argument given: Yams' default encoding reads the whole process environment on
            // each call, and its default constructor builds its tables anew each time. The basic resolver
            // reads every value as text (FrontMatterParser types them); the default one matched
            // each mapping key against seven ICU regular expressions for the duplicate-key check.
            root = try Yams.compose(yaml: text, .basic, YAMLDocument.constructor, .utf8).map(YAMLNode.init)
            diagnostics = []
        } catch let error as YamlError {
            root = nil
            diagnostics = [YAMLDocument.diagnostic(for: error, text: text, path: path, firstLine: firstLine)]
        } catch {
            root = nil
            diagnostics = [.error(SourceLocation(path: path, line: firstLine), "invalid YAML: \(error)")]
        }
    }

    package static func location(_ mark: YAMLNode.Mark?, path: String, firstLine: Int) -> SourceLocation {
        guard let mark else { return SourceLocation(path: path, line: firstLine) }
        return SourceLocation(path: path, line: firstLine + mark.line - 1, column: mark.column)
    }

    package static func location(_ mark: Mark?, path: String, firstLine: Int) -> SourceLocation {
        location(mark.map { YAMLNode.Mark(line: $0.line, column: $0.column) }, path: path, firstLine: firstLine)
    }

    /// Where a key is written a second time at the start of a line (Yams marks the whole mapping).
    private static func secondOccurrence(of key: String, in text: String) -> (line: Int, column: Int)? {
        var seen = 0
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop { $0 == " " }
            guard trimmed.hasPrefix(key), trimmed.dropFirst(key.count).drop(while: { $0 == " " }).hasPrefix(":") else { continue }
            seen += 1
            if seen == 2 { return (index + 1, line.count - trimmed.count + 1) }
        }
        return nil
    }

    private static func diagnostic(for error: YamlError, text: String, path: String, firstLine: Int) -> Diagnostic {
        func make(_ problem: String, _ context: YamlError.Context?, _ mark: Mark) -> Diagnostic {
            var message = "invalid YAML: \(problem)"
            if let context, !context.text.isEmpty { message += " \(context.text)" }
            return .error(location(mark, path: path, firstLine: firstLine), message)
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            return make(problem, context, mark)
        case let .duplicatedKeysInMapping(duplicates, context):
            let key = duplicates.sorted()[0]
            var reported = location(context.mark, path: path, firstLine: firstLine)
            if let (line, column) = secondOccurrence(of: key, in: text) {
                reported = SourceLocation(path: path, line: firstLine + line - 1, column: column)
            }
            return .error(reported,
                          "duplicate key '\(duplicates.sorted().joined(separator: "', '"))'")
        case let .reader(problem, _, _, _):
            return .error(SourceLocation(path: path, line: firstLine), "invalid YAML: \(problem)")
        default:
            return .error(SourceLocation(path: path, line: firstLine), "invalid YAML: \(error)")
        }
    }
}

/// Reads typed fields from a YAML mapping, recording a located diagnostic for every problem.
package struct YAMLFields {
    package let path: String
    package let firstLine: Int
    /// The keys of the mapping, in order, apart from their nodes: a lookup compares strings
    /// without copying nodes (a copy of a node retains each of its parts).
    private(set) var keys: [String] = []
    private var keyNodes: [YAMLNode] = []
    private var values: [YAMLNode] = []
    package private(set) var diagnostics: [Diagnostic] = []
    package let mappingLocation: SourceLocation

    /// `node` must be a mapping; anything else is reported as `what` needing to be a mapping.
    package init?(_ node: YAMLNode?, path: String, firstLine: Int, what: String, diagnostics: inout [Diagnostic]) {
        self.path = path
        self.firstLine = firstLine
        mappingLocation = YAMLDocument.location(node?.mark, path: path, firstLine: firstLine)
        guard let node else { return nil }
        guard case let .mapping(mapping, _) = node else {
            diagnostics.append(.error(mappingLocation, "\(what) must be a mapping of keys to values, not \(YAMLFields.kindName(node))"))
            return nil
        }
        for pair in mapping {
            let (keyNode, value) = (pair.key, pair.value)
            let key = keyNode.string ?? ""
            if keys.contains(key) {
                diagnostics.append(.error(location(keyNode), "duplicate key '\(key)'"))
                continue
            }
            keys.append(key)
            keyNodes.append(keyNode)
            values.append(value)
        }
    }

    package func location(_ node: YAMLNode) -> SourceLocation {
        YAMLDocument.location(node.mark, path: path, firstLine: firstLine)
    }

    package static func kindName(_ node: YAMLNode) -> String {
        switch node {
        case .scalar: return "a single value"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }

    /// The key-value pairs, in order.
    package var pairs: [(key: String, keyNode: YAMLNode, value: YAMLNode)] { keys.indices.map { (keys[$0], keyNodes[$0], values[$0]) } }

    package subscript(key: String) -> YAMLNode? { keys.firstIndex(of: key).map { values[$0] } }

    package func keyNode(_ key: String) -> YAMLNode? { keys.firstIndex(of: key).map { keyNodes[$0] } }


    package mutating func error(_ node: YAMLNode, _ message: String) {
        diagnostics.append(.error(location(node), message))
    }

    package mutating func warn(_ node: YAMLNode, _ message: String) {
        diagnostics.append(.warning(location(node), message))
    }

    /// Reports every key not in `allowed`, with a did-you-mean.
    package mutating func rejectUnknownKeys(_ allowed: [String], context: String) {
        for (index, key) in keys.enumerated() where !allowed.contains(key) {
            diagnostics.append(.error(location(keyNodes[index]),
                "unknown key '\(key)' in \(context)" + Suggestion.didYouMean(key, in: allowed)))
        }
    }

    package mutating func require(_ key: String, context: String) -> YAMLNode? {
        if let node = self[key] { return node }
        diagnostics.append(.error(mappingLocation, "missing required key '\(key)' in \(context)"))
        return nil
    }


    package mutating func string(_ key: String) -> String? {
        guard let node = self[key] else { return nil }
        return string(node, key: key)
    }

    package mutating func string(_ node: YAMLNode, key: String) -> String? {
        guard case let .scalar(scalar) = node, !node.isNull else {
            error(node, "'\(key)' must be a text, not \(node.isNull ? "empty" : YAMLFields.kindName(node))")
            return nil
        }
        return scalar.string
    }

    package mutating func int(_ key: String) -> Int? {
        guard let node = self[key] else { return nil }
        guard case .scalar = node, let value = Int(node.string ?? "") else {
            error(node, "'\(key)' must be a whole number")
            return nil
        }
        return value
    }

    package mutating func bool(_ key: String) -> Bool? {
        guard let node = self[key] else { return nil }
        switch node.string {
        case "true"?, "yes"?: return true
        case "false"?, "no"?: return false
        default:
            error(node, "'\(key)' must be true or false")
            return nil
        }
    }

    /// A list of texts; a single text is accepted as a one-item list.
    package mutating func strings(_ key: String) -> [(String, YAMLNode)]? {
        guard let node = self[key] else { return nil }
        if case .scalar = node, !node.isNull { return [(node.string ?? "", node)] }
        guard case let .sequence(items, _) = node else {
            error(node, "'\(key)' must be a list of texts")
            return nil
        }
        var result: [(String, YAMLNode)] = []
        for item in items {
            if let text = string(item, key: key) { result.append((text, item)) }
        }
        return result
    }

    /// A text per language (`{ fr: ..., en: ... }`), or one text for all.
    package mutating func localized(_ key: String, languages: [String]) -> [String: String]? {
        guard let node = self[key] else { return nil }
        if case .scalar = node, let text = string(node, key: key) {
            return Dictionary(uniqueKeysWithValues: languages.map { ($0, text) })
        }
        guard case let .mapping(mapping, _) = node else {
            error(node, "'\(key)' must be a text or a mapping of language codes to texts")
            return nil
        }
        var result: [String: String] = [:]
        for pair in mapping {
            let (codeNode, valueNode) = (pair.key, pair.value)
            let code = codeNode.string ?? ""
            guard languages.contains(code) else {
                error(codeNode, "unknown language '\(code)' in '\(key)'" + Suggestion.didYouMean(code, in: languages))
                continue
            }
            result[code] = string(valueNode, key: "\(key).\(code)")
        }
        return result
    }
}
