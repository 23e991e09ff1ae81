import PasserelleModel

/// Parses Mustache text into a `CompiledTemplate`.
///
/// It follows the state machine of swift-mustache's parser (`MustacheTemplate.parse` in
/// hummingbird-project/swift-mustache, `Template+Parser.swift`) step for step, so that its
/// whitespace rules are the same: standalone tags, partial indentation, block definitions and
/// their indentation. It reports the same errors at the same places. What Passerelle's themes do
/// not use is an error with its place, never a silent fallback: delimiter changes, pragmas,
/// transforms (`{{name(value)}}`), dynamic partials (`{{>*name}}`).
struct TemplateParser {
    /// Why a template cannot be compiled, and where.
    struct Failure: Error, Equatable {
        let message: String
        let line: Int
        /// One more than the character's column (counted from 1): the place swift-mustache's
        /// parser gave, which the theme's diagnostics have always shown.
        let column: Int
    }

    private enum Problem: Error {
        case unfinishedTag, closesAnotherSection, sectionNotClosed, onlyBlocksInParent, unsupported(String)

        var message: String {
            switch self {
            case .unfinishedTag: return "a tag is not closed: '}}' is missing"
            case .closesAnotherSection: return "this {{/name}} closes a section that is not the one open"
            case .sectionNotClosed: return "a section is opened but never closed: a {{/name}} is missing"
            case .onlyBlocksInParent: return "inside {{<parent}} … {{/parent}} only {{$block}} overrides may appear"
            case let .unsupported(construct): return construct + " not supported by Passerelle's templates"
            }
        }
    }

    private struct State {
        var sectionName: String?
        var newLine = true
        var isPartialDefinition = false
        var isPartialDefinitionTopLevel = false
        var partialDefinitionIndent: [Character]?

        func inSection(_ name: String, newLine: Bool) -> State {
            var state = self
            state.sectionName = name
            state.isPartialDefinitionTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }

        func inParent(_ name: String) -> State {
            var state = self
            state.sectionName = name
            state.newLine = true
            state.isPartialDefinition = true
            state.isPartialDefinitionTopLevel = true
            return state
        }
    }

    private let characters: [Character]
    private var position = 0
    /// What the template reads and includes, as found.
    private var references: [CompiledTemplate.Reference] = []
    /// How far `note` has counted lines: up to `position`, on line `line` (from 1), which starts at `lineStart`.
    private var counted = (position: 0, line: 1, lineStart: 0)

    private init(_ text: String) {
        characters = Array(text)
    }

    /// The template `text` compiled, or a `Failure`.
    static func compile(_ text: String) throws -> CompiledTemplate {
        var parser = TemplateParser(text)
        do {
            return CompiledTemplate(try parser.parse(State()), references: parser.references)
        } catch let problem as Problem {
            let (line, column) = parser.place(of: parser.position)
            throw Failure(message: problem.message, line: line, column: column + 1)
        }
    }

    /// The line of `position` and its column, both from 1, in characters.
    private func place(of position: Int) -> (line: Int, column: Int) {
        let before = characters[..<min(position, characters.count)]
        let lineStart = before.lastIndex(where: \.isNewline).map { $0 + 1 } ?? 0
        return (before.filter(\.isNewline).count + 1, position - lineStart + 1)
    }

    /// Notes a name read at `start` (`references`), its column in Unicode scalars.
    private mutating func note(_ kind: CompiledTemplate.Reference.Kind, _ name: String, at start: Int) {
        // Lines are counted on from the last reference noted, not from the start of the text
        // each time (that made loading a theme quadratic in its templates' lengths).
        if start < counted.position { counted = (0, 1, 0) }
        for index in counted.position..<start where characters[index].isNewline {
            counted.line += 1
            counted.lineStart = index + 1
        }
        counted.position = start
        let column = characters[counted.lineStart..<start].reduce(0) { $0 + $1.unicodeScalars.count } + 1
        references.append(.init(kind: kind, name: name, line: counted.line, column: column))
    }

    // MARK: Reading

    private var atEnd: Bool { position >= characters.count }
    private var current: Character { atEnd ? "\0" : characters[position] }

    private mutating func read(while accept: (Character) -> Bool) -> [Character] {
        let start = position
        while !atEnd, accept(characters[position]) { position += 1 }
        return Array(characters[start..<position])
    }

    private mutating func read(_ string: String) -> Bool {
        let wanted = Array(string)
        guard position + wanted.count <= characters.count, Array(characters[position..<position + wanted.count]) == wanted else { return false }
        position += wanted.count
        return true
    }

    private static func isSpaceOrTab(_ character: Character) -> Bool { character == " " || character == "\t" }

    /// Text up to the next `{{` (consumed) or line break (not consumed).
    private mutating func readUntilTagOrNewline() -> [Character] {
        var text: [Character] = []
        while !atEnd {
            text += read { $0 != "\n" && $0 != "\r\n" && $0 != "{" }
            if current.isNewline { break }
            if current == "{" {
                if read("{{") { break }
                text.append("{")
                position += 1
            }
        }
        return text
    }

    private static let nameCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let partialNameCharacters = nameCharacters.union(["/"])

    /// A tag's name, up to and with its `}}`; noted as a reference of `kind` when given.
    private mutating func readName(_ allowed: Set<Character>, noting kind: CompiledTemplate.Reference.Kind? = nil) throws -> String {
        _ = read(while: \.isWhitespace)
        let start = position
        let name = String(read { allowed.contains($0) })
        _ = read(while: \.isWhitespace)
        guard read("}}") else { throw Problem.unfinishedTag }
        if name.contains(where: { $0 == "(" || $0 == ")" }) { throw Problem.unsupported("transforms ('\(name)') are") }
        if let kind { note(kind, name, at: start) }
        return name
    }

    /// A tag alone on its line: the rest of the line (spaces and the line break) is consumed.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if atEnd { return true }
        var probe = position
        while probe < characters.count, TemplateParser.isSpaceOrTab(characters[probe]) { probe += 1 }
        guard probe < characters.count, characters[probe].isNewline else { return false }
        position = probe + 1
        return true
    }

    // MARK: Parsing

    /// The tokens up to the end of the section `initial` is in (or of the text): made into a
    /// template by the caller, once (a template lowers its tokens into steps when made).
    private mutating func parse(_ initial: State) throws -> [CompiledTemplate.Token] {
        var tokens: [CompiledTemplate.Token] = []
        var state = initial
        var whiteSpaceBefore: [Character] = []

        func flushWhiteSpace() {
            if !whiteSpaceBefore.isEmpty { tokens.append(.text(String(whiteSpaceBefore))) }
            whiteSpaceBefore = []
        }

        while !atEnd {
            if state.newLine {
                let whiteSpace = read(while: TemplateParser.isSpaceOrTab)
                if state.isPartialDefinition, !state.isPartialDefinitionTopLevel {
                    if let indent = state.partialDefinitionIndent {
                        whiteSpaceBefore = Array(whiteSpace.dropFirst(indent.count))
                    } else {
                        state.partialDefinitionIndent = whiteSpace
                    }
                } else {
                    whiteSpaceBefore = whiteSpace
                }
            }
            let text = readUntilTagOrNewline()
            if current.isNewline {
                tokens.append(.text(String(whiteSpaceBefore + text + [current])))
                state.newLine = true
                position += 1
                continue
            }
            if !text.isEmpty {
                tokens.append(.text(String(whiteSpaceBefore + text)))
                whiteSpaceBefore = []
                state.newLine = false
            }
            if atEnd { break }

            var setNewLine = false
            switch current {
            case "#", "^":
                let inverted = current == "^"
                position += 1
                let name = try readName(TemplateParser.nameCharacters, noting: .value)
                if isStandalone(state) { setNewLine = true } else { flushWhiteSpace() }
                let body = CompiledTemplate(try parse(state.inSection(name, newLine: setNewLine)))
                tokens.append(inverted ? .invertedSection(.init(name), body) : .section(.init(name), body))

            case "/":
                position += 1
                let start = position
                let name = try readName(TemplateParser.nameCharacters)
                guard name == state.sectionName else {
                    position = start
                    throw Problem.closesAnotherSection
                }
                if !isStandalone(state) { flushWhiteSpace() }
                return tokens

            case "!":
                position += 1
                while !read("}}") {
                    guard !atEnd else { throw Problem.unfinishedTag }
                    position += 1
                }
                setNewLine = isStandalone(state)

            case "{", "&":
                let triple = current == "{"
                flushWhiteSpace()
                position += 1
                let name = try readName(TemplateParser.nameCharacters, noting: .value)
                if triple, !read("}") { throw Problem.unfinishedTag }
                tokens.append(.unescapedVariable(.init(name)))

            case ">":
                position += 1
                _ = read(while: \.isWhitespace)
                if current == "*" { throw Problem.unsupported("dynamic partials ({{>*name}}) are") }
                let name = try readName(TemplateParser.partialNameCharacters, noting: .partial)
                if !whiteSpaceBefore.isEmpty { tokens.append(.text(String(whiteSpaceBefore))) }
                if isStandalone(state) {
                    setNewLine = true
                    tokens.append(.partial(name, indentation: String(whiteSpaceBefore), overrides: nil))
                } else {
                    tokens.append(.partial(name, indentation: nil, overrides: nil))
                }
                whiteSpaceBefore = []

            case "<":
                position += 1
                _ = read(while: \.isWhitespace)
                if current == "*" { throw Problem.unsupported("dynamic parents ({{<*name}}) are") }
                let name = try readName(TemplateParser.partialNameCharacters, noting: .partial)
                if !whiteSpaceBefore.isEmpty { tokens.append(.text(String(whiteSpaceBefore))) }
                if isStandalone(state) { setNewLine = true }
                let body = try parse(state.inParent(name))
                var overrides: [String: CompiledTemplate] = [:]
                for token in body {
                    switch token {
                    case let .blockDefinition(block, template): overrides[block] = template
                    case .text: break
                    default: throw Problem.onlyBlocksInParent
                    }
                }
                tokens.append(.partial(name, indentation: String(whiteSpaceBefore), overrides: overrides))
                whiteSpaceBefore = []

            case "$":
                position += 1
                let name = try readName(TemplateParser.nameCharacters)
                if state.isPartialDefinitionTopLevel {
                    if isStandalone(state) { setNewLine = true }
                    tokens.append(.blockDefinition(name, CompiledTemplate(try parse(state.inSection(name, newLine: setNewLine)))))
                } else {
                    if !whiteSpaceBefore.isEmpty { tokens.append(.text(String(whiteSpaceBefore))) }
                    if isStandalone(state) { setNewLine = true }
                    let body = CompiledTemplate(try parse(state.inSection(name, newLine: setNewLine)))
                    tokens.append(.blockExpansion(name, body, indentation: String(whiteSpaceBefore)))
                    whiteSpaceBefore = []
                }

            case "=":
                throw Problem.unsupported("delimiter changes ({{=<% %>=}}) are")
            case "%":
                throw Problem.unsupported("pragmas ({{%NAME}}) are")

            default:
                flushWhiteSpace()
                tokens.append(.variable(.init(try readName(TemplateParser.nameCharacters, noting: .value))))
            }
            state.newLine = setNewLine
        }
        guard state.sectionName == nil else { throw Problem.sectionNotClosed }
        return tokens
    }
}
