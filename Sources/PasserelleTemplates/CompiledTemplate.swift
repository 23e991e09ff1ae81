import PasserelleModel

/// A Mustache template parsed once (by `TemplateParser`) and rendered straight into bytes.
///
/// Contexts are `TemplateValue`s: a lookup walks the context stack comparing the names' keys,
/// a section switches on the value's case. The tests hold the output to swift-mustache's for
/// the same template and context (`CompiledTemplateTests`, and every page of the fixture sites).
struct CompiledTemplate: Sendable {
    /// A dotted name, split once: `.` is the current object; a leading dot skips the context stack.
    /// A class: a token's name is read at every render, and one reference costs one retain, where
    /// a struct of two arrays cost two.
    final class Name: Sendable {
        let parts: [String]
        /// `TemplateRecord.key(of:)` of each part.
        let keys: [UInt64]
        let isCurrent: Bool
        let isAnchored: Bool

        init(_ name: String) {
            isCurrent = name == "."
            isAnchored = name.first == "."
            parts = name.split(separator: ".").map(String.init)
            keys = parts.map(TemplateRecord.key(of:))
        }
    }

    enum Token: Sendable {
        case text(String)
        case variable(Name)
        case unescapedVariable(Name)
        case section(Name, CompiledTemplate)
        case invertedSection(Name, CompiledTemplate)
        case blockDefinition(String, CompiledTemplate)
        case blockExpansion(String, CompiledTemplate, indentation: String)
        case partial(String, indentation: String?, overrides: [String: CompiledTemplate]?)
    }

    /// A name the template reads or a partial it includes, where it is written: what the theme
    /// loader checks against the page kinds' keys and the theme's templates.
    struct Reference: Sendable, Equatable {
        enum Kind: Sendable, Equatable {
            /// `{{name}}`, `{{{name}}}`, `{{&name}}`, `{{#name}}`, `{{^name}}`.
            case value
            /// `{{> name}}`, `{{< name}}`.
            case partial
        }

        let kind: Kind
        let name: String
        let line: Int
        /// In Unicode scalars from the start of the line, from 1.
        let column: Int
    }

    /// The tokens and references, in one object: a section's body is bound at every render of the
    /// section, and one reference costs one retain, where two arrays cost two.
    private final class Storage: Sendable {
        let tokens: [Token]
        let references: [Reference]

        init(tokens: [Token], references: [Reference]) {
            self.tokens = tokens
            self.references = references
        }
    }

    private let storage: Storage
    var tokens: [Token] { storage.tokens }
    /// What the whole template reads and includes, in order (empty for the templates of its sections).
    var references: [Reference] { storage.references }

    init(_ tokens: [Token], references: [Reference] = []) {
        storage = Storage(tokens: tokens, references: references)
    }

    /// What a template sees while rendering: the bytes so far, the context stack, partial
    /// indentation, block overrides. One value for a whole page, passed `inout` and restored
    /// around sections and partials: a context copied into every section and list item cost four
    /// retains and releases each time.
    struct RenderState {
        var output: [UInt8] = []
        var stack: [TemplateValue]
        var indentation: [UInt8] = []
        var overrides: [String: CompiledTemplate] = [:]
        let partials: [String: CompiledTemplate]

        init(object: TemplateValue, partials: [String: CompiledTemplate]) {
            stack = [object]
            self.partials = partials
            output.reserveCapacity(16_384)
        }
    }

    /// Renders `record` with `partials` available to `{{> name}}` and `{{< name}}`.
    /// The bytes are UTF-8: the template's text and the context's strings, both valid.
    func render(_ record: TemplateRecord, partials: [String: CompiledTemplate]) -> [UInt8] {
        var state = RenderState(object: .record(record), partials: partials)
        render(into: &state)
        return state.output
    }

    /// Renders the tokens, read in place: iterating the array would copy each token and its payload.
    func render(into state: inout RenderState) {
        tokens.withUnsafeBufferPointer { tokens in
            guard !state.indentation.isEmpty else {
                for index in tokens.indices { CompiledTemplate.render(tokens[index], into: &state) }
                return
            }
            // Inside an indented partial, each line this template starts gets the indentation.
            let start = state.output.count
            for index in tokens.indices {
                let before = state.output.count
                let atLineStart = before > start && state.output[before - 1] == 0x0A && !(before - 2 >= start && state.output[before - 2] == 0x0D)
                CompiledTemplate.render(tokens[index], into: &state)
                if atLineStart, state.output.count > before {
                    state.output.insert(contentsOf: state.indentation, at: before)
                }
            }
        }
    }

    private static func render(_ token: Token, into state: inout RenderState) {
        switch token {
        case let .text(text):
            state.output.append(contentsOf: text.utf8)
        case let .variable(name):
            if let value = lookup(name, in: state.stack) {
                appendText(of: value, escaped: true, to: &state.output)
            }
        case let .unescapedVariable(name):
            if let value = lookup(name, in: state.stack) {
                appendText(of: value, escaped: false, to: &state.output)
            }
        case let .section(name, body):
            renderSection(lookup(name, in: state.stack), body, into: &state)
        case let .invertedSection(name, body):
            if lookup(name, in: state.stack)?.isFalsy ?? true {
                body.render(into: &state)
            }
        case let .blockExpansion(name, fallback, indentation):
            let outer = state.indentation
            state.indentation += Array(indentation.utf8)
            (state.overrides[name] ?? fallback).render(into: &state)
            state.indentation = outer
        case let .partial(name, indentation, overrides):
            guard let partial = state.partials[name] else { return }
            let (outerIndentation, outerOverrides) = (state.indentation, state.overrides)
            if let indentation { state.indentation += Array(indentation.utf8) }
            if let overrides {
                // The outermost override of a block wins.
                state.overrides = outerOverrides.merging(overrides) { outer, _ in outer }
            }
            partial.render(into: &state)
            (state.indentation, state.overrides) = (outerIndentation, outerOverrides)
        case .blockDefinition:
            break
        }
    }

    private static func renderSection(_ value: TemplateValue?, _ body: CompiledTemplate, into state: inout RenderState) {
        guard let value else { return }
        switch value {
        case let .bool(shown):
            if shown { body.render(into: &state) }
        case let .records(records):
            state.stack.append(value)
            let top = state.stack.count - 1
            for record in records {
                state.stack[top] = .record(record)
                body.render(into: &state)
            }
            state.stack.removeLast()
        case .text, .number, .record, .table:
            state.stack.append(value)
            body.render(into: &state)
            state.stack.removeLast()
        }
    }

    // MARK: Lookup

    static func lookup(_ name: Name, in stack: [TemplateValue]) -> TemplateValue? {
        if name.isCurrent { return stack.last }
        guard let first = name.parts.first else { return stack.last }
        let firstKey = name.keys[0]
        // The stack is read in place, top down: a loop over its elements would copy each one it
        // passes (a retain and a release of its payload).
        var found: TemplateValue? = stack.withUnsafeBufferPointer { stack -> TemplateValue? in
            guard let base = stack.baseAddress else { return nil }
            if name.isAnchored { return child(first, key: firstKey, of: base + (stack.count - 1)) }
            var index = stack.count - 1
            while index >= 0 {
                if let child = child(first, key: firstKey, of: base + index) { return child }
                index -= 1
            }
            return nil
        }
        for index in name.parts.indices.dropFirst() {
            guard var object = found else { return nil }
            found = withUnsafePointer(to: &object) { child(name.parts[index], key: name.keys[index], of: $0) }
        }
        return found
    }

    /// The value named `name` in the value at `object`, read where it is: records and tables have names.
    @inline(__always)
    private static func child(_ name: String, key: UInt64, of object: UnsafePointer<TemplateValue>) -> TemplateValue? {
        switch object.pointee {
        case let .record(record): return record[name, key: key]
        case let .table(table): return table[name].map(TemplateValue.text)
        case .text, .number, .bool, .records: return nil
        }
    }

    // MARK: Text

    /// A value as text: strings as they are, numbers in digits, booleans as `true` and `false`.
    /// A record, a list or a table has no text of its own and prints nothing.
    private static func appendText(of value: TemplateValue, escaped: Bool, to output: inout [UInt8]) {
        let text: String
        switch value {
        case let .text(string): text = string
        case let .number(number): text = String(number)
        case let .bool(bool): text = bool ? "true" : "false"
        case .record, .records, .table: return
        }
        if escaped { appendEscapedHTML(text, to: &output) } else { output.append(contentsOf: text.utf8) }
    }

    /// Escapes `< > & " '` as swift-mustache does.
    static func appendEscapedHTML(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var clean = 0
            for index in 0..<bytes.count {
                let replacement: StaticString
                switch bytes[index] {
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&#39;"
                default: continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[clean..<index]))
                output.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                clean = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[clean...]))
        }
    }
}
