import Foundation

/// Prints diagnostics for people (GCC form, optionally with the source line and a caret) or for tools (JSON).
public enum DiagnosticFormatter {
    /// `path:line:column: error: message`, then, when `annotate` is set and the file can be read,
    /// the offending line and a caret under the column.
    /// Control characters from the content (escape sequences, carriage returns) are shown as
    /// `\u{1B}`, never sent to the terminal as they are.
    public static func text(_ diagnostic: Diagnostic, annotate: Bool, sourceLine: (SourceLocation) -> String?) -> String {
        var text = visible(diagnostic.formatted)
        guard annotate, diagnostic.location.hasLine, let line = sourceLine(diagnostic.location) else { return text }
        let shown = visible(line.replacingOccurrences(of: "\t", with: " "))
        let prefix = shown.unicodeScalars.prefix(max(0, diagnostic.location.column - 1))
        let padding = String(String.UnicodeScalarView(prefix).map { $0 == "\t" ? " " : ($0.properties.isWhitespace ? $0 : " ") }
            .reduce(into: String.UnicodeScalarView()) { $0.append($1) })
        text += "\n" + shown + "\n" + padding + "^"
        return text
    }

    /// `text` with every control character but the tab written as an escape (`\u{1B}`).
    static func visible(_ text: String) -> String {
        func isControl(_ scalar: Unicode.Scalar) -> Bool {
            scalar != "\t" && (scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029)
        }
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// A JSON array of `{path, line, column, severity, message}` (line and column 0 for a
    /// diagnostic about a whole file).
    public static func json(_ diagnostics: [Diagnostic]) -> String {
        "[" + diagnostics.map(json).joined(separator: ",") + "]"
    }

    public static func json(_ diagnostic: Diagnostic) -> String {
        JSONText.object([
            ("path", JSONText.string(diagnostic.location.path)),
            ("line", String(diagnostic.location.line)),
            ("column", String(diagnostic.location.column)),
            ("severity", JSONText.string(diagnostic.severity.rawValue)),
            ("message", JSONText.string(diagnostic.message)),
        ])
    }

    /// Reads line `location.line` of `location.path` (relative to `directory`), or nil: only a
    /// regular file, never through a final link, never waiting on a FIFO.
    public static func readLine(_ location: SourceLocation, relativeTo directory: URL) -> String? {
        guard location.hasLine else { return nil }
        let url = location.path.hasPrefix("/") ? URL(fileURLWithPath: location.path) : directory.appendingPathComponent(location.path)
        guard case let .success(data) = RegularFile.read(path: url.path), data.count < 50_000_000 else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard location.line >= 1, location.line <= lines.count else { return nil }
        var line = String(lines[location.line - 1])
        if line.hasSuffix("\r") { line.removeLast() }
        if location.line == 1, line.hasPrefix("\u{FEFF}") { line.removeFirst() }
        return line
    }
}
