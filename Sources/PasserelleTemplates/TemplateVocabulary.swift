import PasserelleModel
/// The variables a template reads. Mustache prints nothing for a key it cannot find, so a
/// misspelt `{{titel}}` would silently empty a page: the theme loader checks every variable
/// against the keys the page kinds provide (`ThemeRequirements`), with a did-you-mean.
public enum TemplateVocabulary {
    /// The variables a template reads (`{{name}}`, `{{{name}}}`, `{{#name}}`, `{{^name}}`, `{{&name}}`):
    /// the dotted name, its first segment, line and column. Closing tags, comments, partials and blocks are skipped.
    static func variables(in text: String) -> [(name: String, root: String, line: Int, column: Int)] {
        var found: [(String, String, Int, Int)] = []
        for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                var cursor = open.upperBound
                if cursor < rest.endIndex, "!/>$<=".contains(rest[cursor]) {
                    rest = rest[cursor...]
                    continue
                }
                while cursor < rest.endIndex, "{#^& ".contains(rest[cursor]) { cursor = rest.index(after: cursor) }
                let end = rest[cursor...].firstIndex { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == ".") } ?? rest.endIndex
                let name = String(rest[cursor..<end])
                let root = name.split(separator: ".").first.map(String.init) ?? ""
                if !root.isEmpty {
                    found.append((name, root, lineIndex + 1, line[..<cursor].unicodeScalars.count + 1))
                }
                rest = rest[end...]
            }
        }
        return found
    }
}
