import PasserelleModel
/// Every key the page renderer puts into a template context, at any level. Mustache prints nothing
/// for a key it cannot find, so a misspelt `{{titel}}` would silently empty a page: the theme loader
/// reports any key outside this vocabulary as an error, with a did-you-mean.
public enum TemplateVocabulary {
    public static let keys: Set<String> = [
        // Every page (chrome) and the language chooser.
        "lang", "siteTitle", "title", "pageTitle", "root", "css", "homeURL", "canonical", "alternates", "hreflang", "href",
        "menu", "url", "current", "languages", "code", "name", "t", "feedURL", "azURL", "tagsURL", "searchURL",
        "description", "noindex", "baseHref", "titles", "enter", "notFound", "notFoundTexts", "text",
        // Lists of entries.
        "section", "summary", "linkLang", "when",
        // Home, sections.
        "intro", "introLang", "sections", "anchor", "count", "entries", "more", "groups", "category", "empty",
        "calendarYears", "year", "hasCalendar", "icsURL",
        // Entry pages.
        "entry", "html", "sectionTitle", "sectionURL", "textLang", "fallbackNotice", "date", "dateISO", "updated",
        "updatedISO", "tags", "hasTags", "location", "externalURL", "event", "startISO", "status", "statusLabel",
        "isCancelled", "showStatus", "timezone", "related", "hasRelated", "backlinkGroups", "hasBacklinks",
        // Calendars.
        "weekdays", "short", "weeks", "days", "isDay", "day", "iso", "label", "isToday", "events", "hasEvents",
        "continues", "cancelled", "time", "firstISO", "list", "caption", "yearURL", "yearLabel", "eventsURL",
        "eventsTitle", "previous", "next", "months",
        // A–Z index, search.
        "letters", "letter", "indexScript", "searchScript", "languageRoot",
        // Translation status.
        "missing", "stale", "clean", "id", "present", "absent", "language", "source", "sourceDate",
        "missingCount", "staleCount",
    ]

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
