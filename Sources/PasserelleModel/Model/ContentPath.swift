import Foundation
/// Paths as editors write them inside content files.
package enum ContentPath {
    /// `../events/tunis.md` written in `recommendations/calendar.fr.md` → `events/tunis.md`
    /// (paths relative to the content folder); nil when it climbs out of the content folder.
    package static func resolve(_ relative: Substring, from sourcePath: String) -> String? {
        var parts = sourcePath.split(separator: "/").dropLast().map(String.init)
        for component in relative.split(separator: "/") {
            switch component {
            case ".": continue
            case "..":
                if parts.isEmpty { return nil }
                parts.removeLast()
            default: parts.append(String(component))
            }
        }
        return parts.joined(separator: "/")
    }

    /// `calendar#dates` → (`calendar`, `dates`); an empty anchor counts as none.
    package static func splitAnchor(_ text: String) -> (String, String?) {
        guard let hash = text.utf8.firstIndex(of: UInt8(ascii: "#")) else { return (text, nil) }
        let anchor = String(text[text.utf8.index(after: hash)...])
        return (String(text[..<hash]), anchor.isEmpty ? nil : anchor)
    }
}
