import PasserelleModel
import Foundation
import Mustache

/// A Mustache template parsed once (by `TemplateParser`) and rendered straight into bytes.
///
/// It renders exactly what swift-mustache renders for the same template and context (the
/// tests compare both on every page of the fixture sites), but without looking up protocol
/// conformances for every tag: contexts here are dictionaries, arrays, strings, booleans and
/// numbers, which are recognised by their concrete types. Anything else goes through the same
/// lookups as swift-mustache (`MustacheParent`, `MustacheSequence`, `Mirror`).
struct CompiledTemplate: Sendable {
    /// A dotted name, split once: `.` is the current object; a leading dot skips the context stack.
    struct Name: Sendable {
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

    let tokens: [Token]

    init(_ tokens: [Token]) {
        self.tokens = tokens
    }

    /// What a template sees while rendering: the bytes so far, the context stack, partial
    /// indentation, block overrides. One value for a whole page, passed `inout` and restored
    /// around sections and partials: a context copied into every section and list item cost four
    /// retains and releases each time.
    struct RenderState {
        var output: [UInt8] = []
        var stack: [Any]
        var indentation: [UInt8] = []
        var overrides: [String: CompiledTemplate] = [:]
        let partials: [String: CompiledTemplate]

        init(object: Any, partials: [String: CompiledTemplate]) {
            stack = [object]
            self.partials = partials
            output.reserveCapacity(16_384)
        }
    }

    /// Renders `object` with `partials` available to `{{> name}}` and `{{< name}}`.
    /// The bytes are UTF-8: the template's text and the context's strings, both valid.
    func render(_ object: Any, partials: [String: CompiledTemplate]) -> [UInt8] {
        var state = RenderState(object: object, partials: partials)
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
            if isFalsy(lookup(name, in: state.stack)) {
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

    private static func renderSection(_ value: Any?, _ body: CompiledTemplate, into state: inout RenderState) {
        guard var value else { return }
        var kind = ValueKind(value)
        if kind == .other, let custom = value as? MustacheCustomRepresentation {
            guard let represented = custom.representation else { return }
            value = represented
            kind = ValueKind(value)
        }
        switch kind {
        case .bool:
            if ValueKind.unbox(value, as: Bool.self) { body.render(into: &state) }
        case .templateRecords:
            renderEach(ValueKind.unbox(value, as: [TemplateRecord].self), body, into: &state)
        case .records:
            renderEach(ValueKind.unbox(value, as: [[String: Any]].self), body, into: &state)
        case .list:
            renderEach(ValueKind.unbox(value, as: [Any].self), body, into: &state)
        default:
            if let list = value as? any MustacheSequence {
                renderEach(list, body, into: &state)
            } else {
                state.stack.append(value)
                body.render(into: &state)
                state.stack.removeLast()
            }
        }
    }

    private static func renderEach<Items: Sequence>(_ items: Items, _ body: CompiledTemplate, into state: inout RenderState) {
        state.stack.append(())
        let top = state.stack.count - 1
        for item in items {
            state.stack[top] = item
            body.render(into: &state)
        }
        state.stack.removeLast()
    }

    private static func isFalsy(_ value: Any?) -> Bool {
        guard var value else { return true }
        var kind = ValueKind(value)
        if kind == .other, let custom = value as? MustacheCustomRepresentation {
            guard let represented = custom.representation else { return true }
            value = represented
            kind = ValueKind(value)
        }
        switch kind {
        case .bool: return !ValueKind.unbox(value, as: Bool.self)
        case .templateRecords: return (ValueKind.unbox(value, as: [TemplateRecord].self)).isEmpty
        case .records: return (ValueKind.unbox(value, as: [[String: Any]].self)).isEmpty
        case .list: return (ValueKind.unbox(value, as: [Any].self)).isEmpty
        case .text, .number, .record, .templateRecord, .strings: return false
        case .other:
            if let list = value as? any MustacheSequence { return CompiledTemplate.isEmpty(list) }
            return false
        }
    }

    private static func isEmpty<Items: Sequence>(_ items: Items) -> Bool {
        var iterator = items.makeIterator()
        return iterator.next() == nil
    }

    /// The value types contexts are made of, told apart by their exact dynamic type: a
    /// conditional cast such as `as? [String: Any]` on a `[String: String]` would convert the
    /// whole collection instead.
    enum ValueKind {
        case templateRecord, templateRecords, text, bool, number, record, strings, records, list, other

        private static let types = (templateRecord: ObjectIdentifier(TemplateRecord.self),
                                    templateRecords: ObjectIdentifier([TemplateRecord].self),
                                    record: ObjectIdentifier([String: Any].self), text: ObjectIdentifier(String.self),
                                    bool: ObjectIdentifier(Bool.self), records: ObjectIdentifier([[String: Any]].self),
                                    strings: ObjectIdentifier([String: String].self), number: ObjectIdentifier(Int.self),
                                    list: ObjectIdentifier([Any].self))

        /// The `T` in `value`, whose dynamic type `init` has just found to be exactly `T`: read from
        /// the existential's inline buffer, where a value of these types (one or two words) lives.
        /// `as!` would do the same through the runtime's general cast, a visible share of rendering.
        @inline(__always)
        static func unbox<T>(_ value: Any, as type: T.Type) -> T {
            assert(Swift.type(of: value) == T.self && MemoryLayout<T>.size <= 3 * MemoryLayout<Int>.size)
            return withUnsafePointer(to: value) { UnsafeRawPointer($0).load(as: T.self) }
        }

        /// The `T` in the existential at `value`, whose dynamic type is exactly `T` (`unbox`), in place.
        @inline(__always)
        static func pointer<T>(_ value: UnsafePointer<Any>, to type: T.Type) -> UnsafePointer<T> {
            assert(Swift.type(of: value.pointee) == T.self && MemoryLayout<T>.size <= 3 * MemoryLayout<Int>.size)
            return UnsafeRawPointer(value).assumingMemoryBound(to: T.self)
        }

        init(_ value: Any) {
            self = withUnsafePointer(to: value) { ValueKind(at: $0) }
        }

        /// Compared one by one, most frequent first: cheaper than hashing the type into a table.
        /// The type is read from the existential's own type field, after its three-word buffer:
        /// `type(of:)` asks the runtime, which also looks through class instances (all `.other`).
        @inline(__always)
        init(at value: UnsafePointer<Any>) {
            let type = UnsafeRawPointer(value).load(fromByteOffset: 3 * MemoryLayout<Int>.size, as: ObjectIdentifier.self)
            assert(value.pointee is AnyObject || type == ObjectIdentifier(Swift.type(of: value.pointee)))
            let types = ValueKind.types
            if type == types.templateRecord {
                self = .templateRecord
            } else if type == types.text {
                self = .text
            } else if type == types.templateRecords {
                self = .templateRecords
            } else if type == types.record {
                self = .record
            } else if type == types.bool {
                self = .bool
            } else if type == types.records {
                self = .records
            } else if type == types.strings {
                self = .strings
            } else if type == types.number {
                self = .number
            } else if type == types.list {
                self = .list
            } else {
                self = .other
            }
        }
    }

    // MARK: Lookup

    static func lookup(_ name: Name, in stack: [Any]) -> Any? {
        if name.isCurrent { return stack.last }
        guard let first = name.parts.first else { return stack.last }
        let firstKey = name.keys[0]
        // The stack is read in place, top down: a loop over its elements would copy each one it
        // passes (a retain and a release through the value's witness table).
        var found: Any? = stack.withUnsafeBufferPointer { stack -> Any? in
            guard let base = stack.baseAddress else { return nil }
            if name.isAnchored { return child(first, key: firstKey, at: base + (stack.count - 1)) }
            var index = stack.count - 1
            while index >= 0 {
                if let child = child(first, key: firstKey, at: base + index) { return child }
                index -= 1
            }
            return nil
        }
        for index in name.parts.indices.dropFirst() {
            guard var object = found else { return nil }
            found = withUnsafePointer(to: &object) { child(name.parts[index], key: name.keys[index], at: $0) }
        }
        // Only values of other types can be custom representations: the cast is a conformance lookup.
        if let value = found, ValueKind(value) == .other, let custom = value as? MustacheCustomRepresentation {
            return custom.representation
        }
        return found
    }

    /// The value named `name` in the object at `object`, read where it is.
    private static func child(_ name: String, key: UInt64, at object: UnsafePointer<Any>) -> Any? {
        switch ValueKind(at: object) {
        case .templateRecord: return ValueKind.pointer(object, to: TemplateRecord.self).pointee[name, key: key]
        case .record: return ValueKind.pointer(object, to: [String: Any].self).pointee[name]
        case .strings: return ValueKind.pointer(object, to: [String: String].self).pointee[name]
        case .text, .bool, .number, .records, .templateRecords, .list: return nil
        case .other: return otherChild(name, of: object.pointee)
        }
    }

    /// `child` of a value of another type: custom representations, `MustacheParent`, or the
    /// properties of a struct. Kept out of `child`, which would otherwise set up for it every time.
    @inline(never)
    private static func otherChild(_ name: String, of object: Any) -> Any? {
        var object = object
        if let custom = object as? MustacheCustomRepresentation {
            guard let represented = custom.representation else { return nil }
            object = represented
        }
        if let parent = object as? MustacheParent { return parent.child(named: name) }
        guard let value = Mirror(reflecting: object).children.first(where: { $0.label == name })?.value else { return nil }
        let optional = Mirror(reflecting: value)
        guard optional.displayStyle == .optional else { return value }
        return optional.children.first?.value
    }

    // MARK: Text

    private static func appendText(of value: Any, escaped: Bool, to output: inout [UInt8]) {
        let text: String
        switch ValueKind(value) {
        case .text: text = ValueKind.unbox(value, as: String.self)
        case .number: text = String(ValueKind.unbox(value, as: Int.self))
        case .bool: text = ValueKind.unbox(value, as: Bool.self) ? "true" : "false"
        default: text = otherText(value)
        }
        if escaped { appendEscapedHTML(text, to: &output) } else { output.append(contentsOf: text.utf8) }
    }

    /// The text of a value of another type, as swift-mustache shows it.
    @inline(never)
    private static func otherText(_ value: Any) -> String {
        let optional = Mirror(reflecting: value)
        if optional.displayStyle == .optional, let wrapped = optional.children.first?.value {
            return String(describing: wrapped)
        }
        return String(describing: value)
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
