import Foundation

/// Prints diagnostics for people (GCC form, optionally with the source line and a caret) or for tools (JSON).
public enum DiagnosticFormatter {
    /// `path:line:column: error: message`, then, when `annotate` is set and the file can be read,
    /// the offending line and a caret under the column.
    public static func text(_ diagnostic: Diagnostic, annotate: Bool, sourceLine: (SourceLocation) -> String?) -> String {
        var text = diagnostic.formatted
        guard annotate, let line = sourceLine(diagnostic.location) else { return text }
        let shown = line.replacingOccurrences(of: "\t", with: " ")
        let prefix = shown.unicodeScalars.prefix(max(0, diagnostic.location.column - 1))
        let padding = String(String.UnicodeScalarView(prefix).map { $0 == "\t" ? " " : ($0.properties.isWhitespace ? $0 : " ") }
            .reduce(into: String.UnicodeScalarView()) { $0.append($1) })
        text += "\n" + shown + "\n" + padding + "^"
        return text
    }

    /// A JSON array of `{path, line, column, severity, message}`.
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

    /// Reads line `location.line` of `location.path` (relative to `directory`), or nil.
    public static func readLine(_ location: SourceLocation, relativeTo directory: URL) -> String? {
        let url = location.path.hasPrefix("/") ? URL(fileURLWithPath: location.path) : directory.appendingPathComponent(location.path)
        guard let data = FileManager.default.contents(atPath: url.path), data.count < 50_000_000 else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard location.line >= 1, location.line <= lines.count else { return nil }
        var line = String(lines[location.line - 1])
        if line.hasSuffix("\r") { line.removeLast() }
        if location.line == 1, line.hasPrefix("\u{FEFF}") { line.removeFirst() }
        return line
    }
}
