import PasserelleModel

/// A Mustache template parsed once (by `TemplateParser`) and rendered straight into bytes.
///
/// Contexts are `TemplateValue`s: a lookup walks the context stack comparing the names' keys,
/// a section switches on the value's case. The tests hold the output to swift-mustache's for
/// the same template and context (`CompiledTemplateTests`, and every page of the fixture sites).
struct CompiledTemplate: Sendable {
    /// A dotted name, split once: `.` is the current object; a leading dot skips the context stack.
    /// A class, which steps refer to unowned (`Step`).
    final class Name: @unchecked Sendable {
        struct Part {
            let name: String
            /// `TemplateRecord.key(of: name)`.
            let key: UInt64
        }

        /// The parts, in memory of their own: read through it in place, a part costs no retain
        /// (one read from an array property of a class is retained, then released).
        let parts: UnsafeBufferPointer<Part>
        let isCurrent: Bool
        let isAnchored: Bool

        init(_ name: String) {
            isCurrent = name == "."
            isAnchored = name.first == "."
            let parts = name.split(separator: ".").map { Part(name: String($0), key: TemplateRecord.key(of: String($0))) }
            let memory = UnsafeMutableBufferPointer<Part>.allocate(capacity: max(parts.count, 1))
            _ = memory.initialize(from: parts)
            self.parts = UnsafeBufferPointer(start: memory.baseAddress, count: parts.count)
        }

        deinit {
            UnsafeMutableBufferPointer(mutating: parts).deinitialize()
            parts.baseAddress.map { UnsafeMutablePointer(mutating: $0).deallocate() }
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

    /// A token as rendering reads it: nothing in it is reference counted, so reading one costs
    /// no retain and no release. (Copying `Token`s retained their names, texts and bodies: two
    /// thirds of a page's template time went to that, in `swift_retain`.) Texts point into the
    /// bytes `Storage` owns, the rest at objects its tokens hold.
    fileprivate enum Step {
        case text(UnsafeBufferPointer<UInt8>)
        case variable(Unmanaged<Name>)
        case unescapedVariable(Unmanaged<Name>)
        case section(Unmanaged<Name>, Unmanaged<Storage>)
        case invertedSection(Unmanaged<Name>, Unmanaged<Storage>)
        case blockExpansion(Unmanaged<BlockExpansion>)
        case partial(Unmanaged<PartialInclusion>)
    }

    /// `{{$name}}…{{/name}}` outside a parent: the block, its fallback, its indentation.
    fileprivate final class BlockExpansion {
        let name: String
        let fallback: CompiledTemplate
        let indentation: [UInt8]

        init(name: String, fallback: CompiledTemplate, indentation: String) {
            (self.name, self.fallback, self.indentation) = (name, fallback, Array(indentation.utf8))
        }
    }

    /// `{{> name}}` or `{{< name}}…{{/name}}`: the partial, its indentation, the blocks it overrides.
    fileprivate final class PartialInclusion {
        let name: String
        let indentation: [UInt8]?
        let overrides: [String: CompiledTemplate]?

        init(name: String, indentation: String?, overrides: [String: CompiledTemplate]?) {
            (self.name, self.indentation, self.overrides) = (name, indentation.map { Array($0.utf8) }, overrides)
        }
    }

    /// The tokens and references, and the steps rendering reads, which it makes from the tokens
    /// and owns: immutable once made. (A class: steps refer to a section's body unowned.)
    fileprivate final class Storage: @unchecked Sendable {
        /// The parser's tokens: they hold the names and bodies the steps refer to.
        private let tokens: [Token]
        let references: [Reference]
        /// `tokens` as rendering reads them (without the block definitions, which render nothing).
        let steps: UnsafeMutableBufferPointer<Step>
        /// The bytes of every text token, one after the other.
        private let bytes: UnsafeMutableBufferPointer<UInt8>
        /// The block expansions and partial inclusions the steps point at.
        private let held: [AnyObject]

        init(tokens: [Token], references: [Reference]) {
            self.tokens = tokens
            self.references = references
            var byteCount = 0
            for case let .text(text) in tokens { byteCount += text.utf8.count }
            let bytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(byteCount, 1))
            var steps: [Step] = [], held: [AnyObject] = [], offset = 0
            steps.reserveCapacity(tokens.count)
            for token in tokens {
                switch token {
                case let .text(text):
                    let written = UnsafeMutableBufferPointer(rebasing: bytes[offset...]).initialize(fromContentsOf: text.utf8)
                    steps.append(.text(UnsafeBufferPointer(rebasing: bytes[offset..<(offset + written)])))
                    offset += written
                case let .variable(name):
                    steps.append(.variable(.passUnretained(name)))
                case let .unescapedVariable(name):
                    steps.append(.unescapedVariable(.passUnretained(name)))
                case let .section(name, body):
                    steps.append(.section(.passUnretained(name), .passUnretained(body.storage)))
                case let .invertedSection(name, body):
                    steps.append(.invertedSection(.passUnretained(name), .passUnretained(body.storage)))
                case let .blockExpansion(name, fallback, indentation):
                    let expansion = BlockExpansion(name: name, fallback: fallback, indentation: indentation)
                    held.append(expansion)
                    steps.append(.blockExpansion(.passUnretained(expansion)))
                case let .partial(name, indentation, overrides):
                    let inclusion = PartialInclusion(name: name, indentation: indentation, overrides: overrides)
                    held.append(inclusion)
                    steps.append(.partial(.passUnretained(inclusion)))
                case .blockDefinition:
                    break
                }
            }
            self.bytes = bytes
            self.held = held
            // As many steps as there are (none for an empty body), in memory of at least one.
            self.steps = UnsafeMutableBufferPointer(start: .allocate(capacity: max(steps.count, 1)), count: steps.count)
            _ = self.steps.initialize(from: steps)
        }

        deinit {
            steps.baseAddress?.deallocate()
            bytes.deallocate()
        }

        /// Renders the steps.
        func render(into state: inout RenderState) {
            let steps = UnsafeBufferPointer(self.steps)
            guard !state.indentation.isEmpty else {
                for index in steps.indices { CompiledTemplate.render(steps[index], into: &state) }
                return
            }
            // Inside an indented partial, each line this template starts gets the indentation.
            let start = state.output.count
            for index in steps.indices {
                let before = state.output.count
                let atLineStart = before > start && state.output[before - 1] == 0x0A && !(before - 2 >= start && state.output[before - 2] == 0x0D)
                CompiledTemplate.render(steps[index], into: &state)
                if atLineStart, state.output.count > before {
                    state.output.insert(contentsOf: state.indentation, at: before)
                }
            }
        }
    }

    fileprivate let storage: Storage
    /// What the whole template reads and includes, in order (empty for the templates of its sections).
    var references: [Reference] { storage.references }

    init(_ tokens: [Token], references: [Reference] = []) {
        storage = Storage(tokens: tokens, references: references)
    }

    /// What a template sees while rendering: the bytes so far, the context stack, partial
    /// indentation, block overrides. One value for a whole page, passed `inout` and restored
    /// around sections and partials: a context copied into every section and list item cost four
    /// retains and releases each time.
    ///
    /// The stack holds where its values are, not copies: in the page's record (which `render`
    /// holds), in the records it holds, or in a frame of `renderSection` (a list item, a table's
    /// text), each alive while the values above it are read. A value found is read in place too:
    /// copies retained their strings and lists, which other threads rendering other pages read
    /// (a retain of a shared object's count stalls on its cache line).
    struct RenderState {
        let output = RenderedBytes(capacity: 16_384)
        var stack: [UnsafePointer<TemplateValue>]
        var indentation: [UInt8] = []
        var overrides: [String: CompiledTemplate] = [:]
        let partials: [String: CompiledTemplate]

        init(object: UnsafePointer<TemplateValue>, partials: [String: CompiledTemplate]) {
            stack = [object]
            self.partials = partials
        }
    }

    /// Renders `record` with `partials` available to `{{> name}}` and `{{< name}}`.
    /// The bytes are UTF-8: the template's text and the context's strings, both valid.
    func render(_ record: TemplateRecord, partials: [String: CompiledTemplate]) -> [UInt8] {
        withUnsafePointer(to: TemplateValue.record(record)) { root in
            var state = RenderState(object: root, partials: partials)
            render(into: &state)
            return state.output.array
        }
    }

    /// Renders the template's steps.
    func render(into state: inout RenderState) {
        storage.render(into: &state)
    }

    private static func render(_ step: Step, into state: inout RenderState) {
        switch step {
        case let .text(bytes):
            state.output.append(bytes)
        case let .variable(name):
            if let value = name._withUnsafeGuaranteedRef({ address(of: $0, in: state.stack) }) {
                appendText(of: value, escaped: true, to: state.output)
            }
        case let .unescapedVariable(name):
            if let value = name._withUnsafeGuaranteedRef({ address(of: $0, in: state.stack) }) {
                appendText(of: value, escaped: false, to: state.output)
            }
        case let .section(name, body):
            if let value = name._withUnsafeGuaranteedRef({ address(of: $0, in: state.stack) }) {
                renderSection(value, body, into: &state)
            }
        case let .invertedSection(name, body):
            let value = name._withUnsafeGuaranteedRef { address(of: $0, in: state.stack) }
            if value?.pointee.isFalsy ?? true {
                body._withUnsafeGuaranteedRef { $0.render(into: &state) }
            }
        case let .blockExpansion(expansion):
            expansion._withUnsafeGuaranteedRef { expansion in
                let outer = state.indentation
                state.indentation += expansion.indentation
                (state.overrides[expansion.name] ?? expansion.fallback).render(into: &state)
                state.indentation = outer
            }
        case let .partial(inclusion):
            inclusion._withUnsafeGuaranteedRef { inclusion in
                guard let partial = state.partials[inclusion.name] else { return }
                let (outerIndentation, outerOverrides) = (state.indentation, state.overrides)
                if let indentation = inclusion.indentation { state.indentation += indentation }
                if let overrides = inclusion.overrides {
                    // The outermost override of a block wins.
                    state.overrides = outerOverrides.merging(overrides) { outer, _ in outer }
                }
                partial.render(into: &state)
                (state.indentation, state.overrides) = (outerIndentation, outerOverrides)
            }
        }
    }

    private static func renderSection(_ value: UnsafePointer<TemplateValue>, _ body: Unmanaged<Storage>, into state: inout RenderState) {
        body._withUnsafeGuaranteedRef { body in
            switch value.pointee {
            case let .bool(shown):
                if shown { body.render(into: &state) }
            case .records:
                TemplateValue.payload(of: value, as: [TemplateRecord].self).pointee.withUnsafeBufferPointer { records in
                    guard let first = records.baseAddress else { return }
                    // Each item is seen as a record value, made in a frame of its own.
                    var item = TemplateValue.record(first.pointee)
                    withUnsafeMutablePointer(to: &item) { item in
                        state.stack.append(UnsafePointer(item))
                        for index in records.indices {
                            if index > 0 { item.pointee = .record(records[index]) }
                            body.render(into: &state)
                        }
                        state.stack.removeLast()
                    }
                }
            case .text, .utf8Text, .number, .record, .table:
                state.stack.append(value)
                body.render(into: &state)
                state.stack.removeLast()
            }
        }
    }

    // MARK: Lookup

    /// Where the value `name` names is, if there is one: found down the stack from its top (or,
    /// for an anchored name, at its top only), then through the rest of the dotted name.
    static func address(of name: Name, in stack: [UnsafePointer<TemplateValue>]) -> UnsafePointer<TemplateValue>? {
        if name.isCurrent { return stack.last }
        let parts = name.parts
        guard let first = parts.baseAddress else { return stack.last }
        var found: UnsafePointer<TemplateValue>?
        let foundFirst = stack.withUnsafeBufferPointer { stack -> Bool in
            var index = stack.count - 1
            while index >= 0 {
                if find(first, in: stack[index], found: &found) { return true }
                if name.isAnchored { return false }
                index -= 1
            }
            return false
        }
        guard foundFirst else { return nil }
        for index in 1..<parts.count {
            guard let object = found else { return nil }
            found = nil
            guard find(first + index, in: object, found: &found) else { return nil }
        }
        return found
    }

    /// Looks for `name` in the value at `object`: records and tables have names. The value is
    /// given by where it is (`found`).
    @inline(__always)
    private static func find(_ part: UnsafePointer<Name.Part>, in object: UnsafePointer<TemplateValue>,
                             found: inout UnsafePointer<TemplateValue>?) -> Bool {
        switch object.pointee {
        case .record:
            found = TemplateValue.payload(of: object, as: TemplateRecord.self).pointee.valueAddress(of: part.pointee.name, key: part.pointee.key)
            return found != nil
        case .table:
            found = TemplateValue.payload(of: object, as: TemplateTable.self).pointee.valueAddress(of: part.pointee.name, key: part.pointee.key)
            return found != nil
        case .text, .utf8Text, .number, .bool, .records:
            return false
        }
    }

    // MARK: Text

    /// A value as text: strings as they are, numbers in digits, booleans as `true` and `false`.
    /// A record, a list or a table has no text of its own and prints nothing.
    private static func appendText(of value: UnsafePointer<TemplateValue>, escaped: Bool, to output: RenderedBytes) {
        let text: String
        switch value.pointee {
        case .text:
            withUTF8(of: TemplateValue.payload(of: value, as: String.self)) { bytes in
                if escaped { appendEscapedHTML(bytes: bytes, to: output) } else { output.append(bytes) }
            }
            return
        case .utf8Text:
            // Read in place, as a string's bytes are: the array's buffer lives with the record.
            let bytes = TemplateValue.payload(of: value, as: UTF8Text.self).pointee.bytes.withUnsafeBufferPointer { $0 }
            if escaped { appendEscapedHTML(bytes: bytes, to: output) } else { output.append(bytes) }
            return
        case let .number(number): text = String(number)
        case let .bool(bool): text = bool ? "true" : "false"
        case .record, .records, .table: return
        }
        if escaped { appendEscapedHTML(text, to: output) } else { output.append(text) }
    }

    /// Calls `body` with the UTF-8 of the string at `text`, read where the string keeps it.
    ///
    /// A string longer than 15 bytes keeps them in a buffer of its own, which lives as long as the
    /// string does (here: as the record being rendered): its address is taken and the string is
    /// not copied, for a copy retains that buffer, whose count the pages other threads render
    /// share. A shorter string (kept inside the value itself, with no count) is copied.
    @inline(__always)
    private static func withUTF8(of text: UnsafePointer<String>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        if text.pointee.utf8.count > 15, let bytes = text.pointee.utf8.withContiguousStorageIfAvailable({ $0 }) {
            body(bytes)
        } else {
            var copy = text.pointee
            copy.withUTF8(body)
        }
    }

    /// Escapes `< > & " '` as swift-mustache does.
    static func appendEscapedHTML(_ text: String, to output: RenderedBytes) {
        // Read where it is (a native string's bytes): `withUTF8` needs a copy of its own, retained.
        guard text.utf8.withContiguousStorageIfAvailable({ appendEscapedHTML(bytes: $0, to: output) }) != nil else {
            var text = text
            return text.withUTF8 { appendEscapedHTML(bytes: $0, to: output) }
        }
    }

    private static func appendEscapedHTML(bytes: UnsafeBufferPointer<UInt8>, to output: RenderedBytes) {
        var clean = 0
        // Bytes that need no escape passed over through a table (every text of every page comes here).
        htmlSpecial.withUnsafeBufferPointer { special in
            for index in 0..<bytes.count where special[Int(bytes[index])] {
                let replacement: StaticString
                switch bytes[index] {
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&#39;"
                default: continue
                }
                output.append(UnsafeBufferPointer(rebasing: bytes[clean..<index]))
                output.append(UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                clean = index + 1
            }
        }
        output.append(UnsafeBufferPointer(rebasing: bytes[clean...]))
    }

    /// The bytes `appendEscapedHTML` replaces.
    private static let htmlSpecial: [Bool] = (0...255).map { "<>&\"'".utf8.contains(UInt8($0)) }
}
