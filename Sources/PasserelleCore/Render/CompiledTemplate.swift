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

    /// What a template sees while rendering: the context stack, partial indentation, block overrides.
    struct Context {
        var stack: [Any]
        var indentation: [UInt8] = []
        var overrides: [String: CompiledTemplate] = [:]
        let partials: [String: CompiledTemplate]
    }

    /// Renders `object` with `partials` available to `{{> name}}` and `{{< name}}`.
    /// The bytes are UTF-8: the template's text and the context's strings, both valid.
    func render(_ object: Any, partials: [String: CompiledTemplate]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(16_384)
        render(into: &output, Context(stack: [object], partials: partials))
        return output
    }

    func render(into output: inout [UInt8], _ context: Context) {
        guard !context.indentation.isEmpty else {
            for token in tokens { render(token, into: &output, context) }
            return
        }
        // Inside an indented partial, each line this template starts gets the indentation.
        let start = output.count
        for token in tokens {
            let before = output.count
            let atLineStart = before > start && output[before - 1] == 0x0A && !(before - 2 >= start && output[before - 2] == 0x0D)
            render(token, into: &output, context)
            if atLineStart, output.count > before {
                output.insert(contentsOf: context.indentation, at: before)
            }
        }
    }

    private func render(_ token: Token, into output: inout [UInt8], _ context: Context) {
        switch token {
        case let .text(text):
            output.append(contentsOf: text.utf8)
        case let .variable(name):
            if let value = CompiledTemplate.lookup(name, in: context.stack) {
                CompiledTemplate.appendText(of: value, escaped: true, to: &output)
            }
        case let .unescapedVariable(name):
            if let value = CompiledTemplate.lookup(name, in: context.stack) {
                CompiledTemplate.appendText(of: value, escaped: false, to: &output)
            }
        case let .section(name, body):
            renderSection(CompiledTemplate.lookup(name, in: context.stack), body, into: &output, context)
        case let .invertedSection(name, body):
            if CompiledTemplate.isFalsy(CompiledTemplate.lookup(name, in: context.stack)) {
                body.render(into: &output, context)
            }
        case let .blockExpansion(name, fallback, indentation):
            var inner = context
            inner.indentation += Array(indentation.utf8)
            (context.overrides[name] ?? fallback).render(into: &output, inner)
        case let .partial(name, indentation, overrides):
            guard let partial = context.partials[name] else { return }
            var inner = context
            if let indentation { inner.indentation += Array(indentation.utf8) }
            if let overrides {
                // The outermost override of a block wins.
                inner.overrides = context.overrides.merging(overrides) { outer, _ in outer }
            }
            partial.render(into: &output, inner)
        case .blockDefinition:
            break
        }
    }

    private func renderSection(_ value: Any?, _ body: CompiledTemplate, into output: inout [UInt8], _ context: Context) {
        guard var value else { return }
        var kind = ValueKind(value)
        if kind == .other, let custom = value as? MustacheCustomRepresentation {
            guard let represented = custom.representation else { return }
            value = represented
            kind = ValueKind(value)
        }
        switch kind {
        case .bool:
            if ValueKind.unbox(value, as: Bool.self) { body.render(into: &output, context) }
        case .templateRecords:
            renderEach(ValueKind.unbox(value, as: [TemplateRecord].self), body, into: &output, context)
        case .records:
            renderEach(ValueKind.unbox(value, as: [[String: Any]].self), body, into: &output, context)
        case .list:
            renderEach(ValueKind.unbox(value, as: [Any].self), body, into: &output, context)
        default:
            if let list = value as? any MustacheSequence {
                renderEach(list, body, into: &output, context)
            } else {
                var inner = context
                inner.stack.append(value)
                body.render(into: &output, inner)
            }
        }
    }

    private func renderEach<Items: Sequence>(_ items: Items, _ body: CompiledTemplate, into output: inout [UInt8], _ context: Context) {
        var inner = context
        inner.stack.append(())
        let top = inner.stack.count - 1
        for item in items {
            inner.stack[top] = item
            body.render(into: &output, inner)
        }
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

        /// Compared one by one, most frequent first: cheaper than hashing the type into a table.
        /// The type is read from the existential's own type field, after its three-word buffer:
        /// `type(of:)` asks the runtime, which also looks through class instances (all `.other`).
        init(_ value: Any) {
            let type = withUnsafePointer(to: value) {
                UnsafeRawPointer($0).load(fromByteOffset: 3 * MemoryLayout<Int>.size, as: ObjectIdentifier.self)
            }
            assert(value is AnyObject || type == ObjectIdentifier(Swift.type(of: value)))
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
        var found: Any?
        if name.isAnchored {
            found = stack.last.flatMap { child(first, key: firstKey, of: $0) }
        } else {
            for object in stack.reversed() {
                if let child = child(first, key: firstKey, of: object) {
                    found = child
                    break
                }
            }
        }
        for index in name.parts.indices.dropFirst() {
            guard let object = found else { return nil }
            found = child(name.parts[index], key: name.keys[index], of: object)
        }
        // Only values of other types can be custom representations: the cast is a conformance lookup.
        if let value = found, ValueKind(value) == .other, let custom = value as? MustacheCustomRepresentation {
            return custom.representation
        }
        return found
    }

    private static func child(_ name: String, key: UInt64, of object: Any) -> Any? {
        switch ValueKind(object) {
        case .templateRecord: return ValueKind.unbox(object, as: TemplateRecord.self)[name, key: key]
        case .record: return (ValueKind.unbox(object, as: [String: Any].self))[name]
        case .strings: return (ValueKind.unbox(object, as: [String: String].self))[name]
        case .text, .bool, .number, .records, .templateRecords, .list: return nil
        case .other: return otherChild(name, of: object)
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
