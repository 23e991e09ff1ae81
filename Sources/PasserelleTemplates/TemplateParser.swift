import PasserelleModel
/// Parses Mustache text into a `CompiledTemplate`, with exactly the whitespace rules of
/// swift-mustache (standalone tags, partial indentation, block definitions).
///
/// It only ever sees templates that swift-mustache has already accepted: the theme loader
/// checks them with swift-mustache first and reports its errors. What this parser does not
/// support (set delimiters, content-type pragmas, transforms, dynamic partials) throws
/// `Unsupported`, and the theme then renders through swift-mustache instead.
struct TemplateParser {
    /// A construct left to swift-mustache.
    struct Unsupported: Error, Equatable {
        let construct: String
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

    private init(_ text: String) {
        characters = Array(text)
    }

    static func compile(_ text: String) throws -> CompiledTemplate {
        var parser = TemplateParser(text)
        return try parser.parse(State())
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

    private mutating func readName(_ allowed: Set<Character>) throws -> String {
        _ = read(while: \.isWhitespace)
        let name = String(read { allowed.contains($0) })
        _ = read(while: \.isWhitespace)
        _ = read("}}")
        if name.contains("(") { throw Unsupported(construct: "transform '\(name)'") }
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

    private mutating func parse(_ initial: State) throws -> CompiledTemplate {
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
                let name = try readName(TemplateParser.nameCharacters)
                if isStandalone(state) { setNewLine = true } else { flushWhiteSpace() }
                let body = try parse(state.inSection(name, newLine: setNewLine))
                tokens.append(inverted ? .invertedSection(.init(name), body) : .section(.init(name), body))

            case "/":
                position += 1
                _ = try readName(TemplateParser.nameCharacters)
                if !isStandalone(state) { flushWhiteSpace() }
                return CompiledTemplate(tokens)

            case "!":
                position += 1
                while !atEnd, !read("}}") { position += 1 }
                setNewLine = isStandalone(state)

            case "{", "&":
                let triple = current == "{"
                flushWhiteSpace()
                position += 1
                let name = try readName(TemplateParser.nameCharacters)
                if triple { _ = read("}") }
                tokens.append(.unescapedVariable(.init(name)))

            case ">":
                position += 1
                _ = read(while: \.isWhitespace)
                if current == "*" { throw Unsupported(construct: "dynamic partial") }
                let name = try readName(TemplateParser.partialNameCharacters)
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
                let name = try readName(TemplateParser.partialNameCharacters)
                if name.hasPrefix("*") { throw Unsupported(construct: "dynamic parent") }
                if !whiteSpaceBefore.isEmpty { tokens.append(.text(String(whiteSpaceBefore))) }
                if isStandalone(state) { setNewLine = true }
                let body = try parse(state.inParent(name))
                var overrides: [String: CompiledTemplate] = [:]
                for case let .blockDefinition(block, template) in body.tokens { overrides[block] = template }
                tokens.append(.partial(name, indentation: String(whiteSpaceBefore), overrides: overrides))
                whiteSpaceBefore = []

            case "$":
                position += 1
                let name = try readName(TemplateParser.nameCharacters)
                if state.isPartialDefinitionTopLevel {
                    if isStandalone(state) { setNewLine = true }
                    tokens.append(.blockDefinition(name, try parse(state.inSection(name, newLine: setNewLine))))
                } else {
                    if !whiteSpaceBefore.isEmpty { tokens.append(.text(String(whiteSpaceBefore))) }
                    if isStandalone(state) { setNewLine = true }
                    let body = try parse(state.inSection(name, newLine: setNewLine))
                    tokens.append(.blockExpansion(name, body, indentation: String(whiteSpaceBefore)))
                    whiteSpaceBefore = []
                }

            case "=":
                throw Unsupported(construct: "delimiter change")
            case "%":
                throw Unsupported(construct: "pragma")

            default:
                flushWhiteSpace()
                tokens.append(.variable(.init(try readName(TemplateParser.nameCharacters))))
            }
            state.newLine = setNewLine
        }
        return CompiledTemplate(tokens)
    }
}
