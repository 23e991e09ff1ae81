import PasserelleMarkdown
import PasserelleModel
import PasserelleOutput
import Foundation

/// Splits a content file into YAML front matter and Markdown body, and decodes the front matter.
public enum FrontMatterParser {
    /// The result of parsing one file's front matter.
    public struct Parsed: Sendable {
        public var metadata: EntryMetadata?
        /// A slice of the file's text, not a copy (the file's text is held until its body is rendered).
        public var body: Substring
        /// The file line on which the body starts (1-based).
        public var bodyFirstLine: Int
        public var diagnostics: [Diagnostic]
    }

    package static let commonKeys = ["title", "summary", "weight", "category", "tags", "related", "slug",
                             "aliases", "draft", "date", "updated", "translated_from"]
    package static let eventKeys = ["start", "end", "timezone", "location", "url", "status", "recurrence"]
    package static let projectKeys = ["location", "url"]

    /// Keys allowed in a file of a section of `kind` (nil: the home page intro).
    package static func allowedKeys(for kind: SectionConfig.Kind?) -> [String] {
        switch kind {
        case .event?: return commonKeys + eventKeys
        default: return commonKeys + projectKeys
        }
    }

    /// `fields`: the typed keys the file's section declares.
    public static func parse(_ file: SourceFile, kind: SectionConfig.Kind?, fields: [FieldDefinition] = [], locales: [Locale] = []) -> Parsed {
        let path = file.displayPath
        let text = file.text
        guard text.hasPrefix("---\n") || text == "---" else {
            let message = text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                ? "empty file: a content file starts with front matter between '---' lines, with at least a title"
                : "missing front matter: the file must start with a '---' line, then YAML with at least 'title', then '---'"
            return Parsed(metadata: nil, body: "", bodyFirstLine: 1, diagnostics: [.error(SourceLocation(path: path), message)])
        }
        // The closing delimiter line, found in the text's UTF-8 (line ends are normalized to LF
        // when files are read): its number, where the YAML before it ends, where the body starts.
        var bytesOfText = text
        let found = bytesOfText.withUTF8 { bytes -> (line: Int, yamlEnd: Int, bodyStart: Int)? in
            var lineStart = 4, lineNumber = 1
            while lineStart < bytes.count {
                lineNumber += 1
                let end = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
                let line = bytes[lineStart..<end]
                if line.starts(with: "---".utf8) && line.dropFirst(3).allSatisfy({ $0 == 0x20 || $0 == 0x09 }) || line.elementsEqual("...".utf8) {
                    return (lineNumber, max(4, lineStart - 1), min(end + 1, bytes.count))
                }
                lineStart = end + 1
            }
            return nil
        }
        guard let found else {
            return Parsed(metadata: nil, body: "", bodyFirstLine: 1,
                          diagnostics: [.error(SourceLocation(path: path), "front matter is not closed: add a '---' line after the YAML")])
        }
        let closingLine = found.line
        // Made from substrings: their bytes are copied, not validated again (the offsets fall on
        // line breaks, between characters).
        let utf8 = text.utf8
        let yaml = String(text[utf8.index(utf8.startIndex, offsetBy: 4)..<utf8.index(utf8.startIndex, offsetBy: found.yamlEnd)])
        let body = text[utf8.index(utf8.startIndex, offsetBy: found.bodyStart)...]
        var diagnostics: [Diagnostic] = []
        if yaml.utf8Contains(where: { $0 == 0x09 }) {
            for (offset, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if let tab = line.utf8.firstIndex(of: 0x09), line.utf8[..<tab].allSatisfy({ $0 == 0x20 }) {
                    diagnostics.append(.error(SourceLocation(path: path, line: offset + 2, column: line.distance(from: line.startIndex, to: tab) + 1),
                                              "tab character used for indentation: YAML needs spaces"))
                }
            }
        }
        guard diagnostics.isEmpty else {
            return Parsed(metadata: nil, body: body, bodyFirstLine: closingLine + 1, diagnostics: diagnostics)
        }
        let document = YAMLDocument(text: yaml, path: path, firstLine: 2)
        diagnostics += document.diagnostics
        guard document.diagnostics.isEmpty else {
            return Parsed(metadata: nil, body: body, bodyFirstLine: closingLine + 1, diagnostics: diagnostics)
        }
        guard let root = document.root else {
            diagnostics.append(.error(SourceLocation(path: path, line: 1), "front matter is empty: it needs at least 'title'"))
            return Parsed(metadata: nil, body: body, bodyFirstLine: closingLine + 1, diagnostics: diagnostics)
        }
        let metadata = decode(root, path: path, kind: kind, fields: fields, locales: locales, diagnostics: &diagnostics)
        return Parsed(metadata: diagnostics.hasErrors ? nil : metadata, body: body,
                      bodyFirstLine: closingLine + 1, diagnostics: diagnostics)
    }

    package static func decode(_ root: YAMLNode, path: String, kind: SectionConfig.Kind?, fields declared: [FieldDefinition] = [],
                               locales: [Locale] = [], diagnostics: inout [Diagnostic]) -> EntryMetadata? {
        guard var fields = YAMLFields(root, path: path, firstLine: 2, what: "front matter", diagnostics: &diagnostics) else { return nil }
        if kind != .event {
            for key in eventKeys where fields[key] != nil && !projectKeys.contains(key) && !declared.contains(where: { $0.name == key }) {
                fields.error(fields.keyNode(key)!, "'\(key)' is only for events: this section is not of kind: event")
            }
        }
        fields.rejectUnknownKeys(allowedKeys(for: kind) + (kind == .event ? [] : eventKeys.filter { !projectKeys.contains($0) })
                                 + declared.map(\.name), context: "front matter")
        var meta = EntryMetadata()
        if let node = fields.require("title", context: "front matter"), let title = fields.string(node, key: "title") {
            if title.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) { fields.error(node, "'title' must not be empty") }
            meta.title = title
        }
        meta.summary = fields.string("summary")
        meta.weight = fields.int("weight")
        meta.category = fields.string("category")
        meta.tags = fields.strings("tags")?.map(\.0) ?? []
        meta.related = fields.strings("related")?.map { ReferenceText(text: $0.0, location: fields.location($0.1)) } ?? []
        if let slug = fields.string("slug") {
            if PathSafety.isSafeSegment(slug) { meta.slug = slug } else {
                fields.error(fields["slug"]!, "unsafe slug '\(Suggestion.visible(slug))': use letters, digits and '-', without '/', '\\\\', '..' or '%'")
            }
        }
        for (alias, node) in fields.strings("aliases") ?? [] {
            if PathSafety.isSafePath(alias) { meta.aliases.append(ReferenceText(text: alias, location: fields.location(node))) } else {
                fields.error(node, "unsafe alias '\(Suggestion.visible(alias))': use a path of letters, digits, '-' and '/', without '..', '\\\\' or '%'")
            }
        }
        meta.draft = fields.bool("draft") ?? false
        meta.date = date("date", &fields)
        meta.updated = date("updated", &fields)
        if let node = fields["translated_from"], let value = fields.string(node, key: "translated_from") {
            let parts = value.split(separator: ":", maxSplits: 1).map(String.init)
            if parts.count == 2, !parts[0].isEmpty, GitBlobID.isAbbreviation(parts[1]) {
                meta.translatedFrom = TranslatedFrom(language: LanguageCode(parts[0]), blob: parts[1].lowercased(), location: fields.location(node))
            } else {
                fields.error(node, "'translated_from' must be a language and a git blob id, at least its first 7 hex digits: \"fr:3f2a9c1\" (`passerelle translations mark FILE` writes it)")
            }
        }

        if kind == .event {
            let startNode = fields.require("start", context: "an event's front matter")
            let start = startNode.flatMap { dateTime($0, key: "start", &fields) }
            let end = fields["end"].flatMap { dateTime($0, key: "end", &fields) }
            if let start {
                var details = EventDetails(start: start)
                if let end {
                    if end.isAllDay != start.isAllDay {
                        fields.error(fields["end"]!, "'end' must have the same form as 'start' (both dates, or both dates with times)")
                    } else if end < start {
                        fields.error(fields["end"]!, "'end' (\(end.date)) is before 'start' (\(start.date))")
                    }
                    details.end = end
                }
                if let zone = fields.string("timezone") {
                    if start.isAllDay {
                        fields.warn(fields["timezone"]!, "'timezone' only applies to timed events (start: YYYY-MM-DDTHH:MM); it is ignored for this all-day event")
                    }
                    if TimeZone(identifier: zone) == nil || !zone.contains("/") && zone != "UTC" {
                        let known = TimeZone.knownTimeZoneIdentifiers
                        fields.error(fields["timezone"]!, "unknown time zone '\(zone)'" + Suggestion.didYouMean(zone, in: known))
                    } else {
                        details.timezone = zone
                        if let timeZone = TimeZone(identifier: zone) {
                            for (key, value) in [("start", start), ("end", end)] {
                                guard let value, !value.isAllDay, let node = fields[key] else { continue }
                                if let warning = FrontMatterParser.localTimeWarning(value, in: timeZone, key: key) { fields.warn(node, warning) }
                            }
                        }
                    }
                }
                if let raw = fields.string("status") {
                    if let status = EventDetails.Status(rawValue: raw) { details.status = status } else {
                        fields.error(fields["status"]!, "unknown status '\(raw)': use confirmed, tentative or cancelled"
                            + Suggestion.didYouMean(raw, in: EventDetails.Status.allCases.map(\.rawValue)))
                    }
                }
                if let raw = fields.string("recurrence") {
                    if let value = EventDetails.Recurrence(rawValue: raw) { details.recurrence = value } else {
                        fields.error(fields["recurrence"]!, "unknown recurrence '\(raw)': use yearly"
                            + Suggestion.didYouMean(raw, in: EventDetails.Recurrence.allCases.map(\.rawValue)))
                    }
                }
                meta.event = details
            }
        }
        meta.location = fields.string("location")
        meta.url = fields.string("url")
        if let url = meta.url, URLSafety.isDangerous(url), let node = fields["url"] {
            fields.warn(node, "'url' '\(url)' is left out: only http, https and mailto links and relative links are published")
            meta.url = nil
        }
        for field in declared where fields[field.name] != nil {
            if let value = typedValue(field, &fields, locales: locales) { meta.fields[field.name] = value }
        }
        diagnostics += fields.diagnostics
        return meta
    }

    /// The value of a typed field, checked against its definition; nil (and an error) when wrong.
    private static func typedValue(_ field: FieldDefinition, _ fields: inout YAMLFields, locales: [Locale]) -> FieldValue? {
        let key = field.name
        switch field.kind {
        case .countries:
            var codes: [String] = []
            for (code, node) in fields.strings(key) ?? [] {
                if Countries.codes.contains(code) {
                    if !codes.contains(code) { codes.append(code) }
                    continue
                }
                let suggestions = Countries.suggestions(for: code, locales: locales)
                let hint = suggestions.isEmpty ? "" : " (did you mean " + suggestions.map { "'\($0)'" }.joined(separator: " or ") + "?)"
                fields.error(node, "unknown country code '\(Suggestion.visible(code))' in '\(key)': use ISO 3166-1 codes in upper case, like SN" + hint)
            }
            return .countries(codes)
        case let .choice(values):
            guard let text = fields.string(key) else { return nil }
            guard values.contains(where: { $0.key == text }) else {
                fields.error(fields[key]!, "unknown value '\(Suggestion.visible(text))' for '\(key)': use "
                             + values.map(\.key).joined(separator: ", ") + Suggestion.didYouMean(text, in: values.map(\.key)))
                return nil
            }
            return .choice(text)
        case .year:
            guard let node = fields[key] else { return nil }
            guard case .scalar = node, let year = Int(node.string ?? ""), (0...9999).contains(year) else {
                fields.error(node, "'\(key)' must be a year, a whole number like 2003, not '\(Suggestion.visible(node.string ?? YAMLFields.kindName(node)))'")
                return nil
            }
            return .year(year)
        case .text:
            return fields.string(key).map(FieldValue.text)
        case .references:
            return .references((fields.strings(key) ?? []).map { ReferenceText(text: $0.0, location: fields.location($0.1)) })
        }
    }

    /// A warning for a local time that the zone's clocks skip or show twice, saying which instant
    /// calendars take (RFC 5545 §3.3.5: after a gap, the time read with the offset before it; when
    /// it occurs twice, the first).
    package static func localTimeWarning(_ value: DateTimeValue, in zone: TimeZone, key: String) -> String? {
        let instants = LocalTime.instants(of: value, in: zone)
        guard instants.count != 1 else { return nil }
        func written(_ instant: Int) -> String {
            let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant)))
            let shown = DateTimeValue(date: CalendarDate(daysSinceEpoch: Int((Double(instant + offset) / 86_400).rounded(.down))),
                                      minuteOfDay: ((instant + offset) % 86_400 + 86_400) % 86_400 / 60)
            let sign = offset < 0 ? "-" : "+"
            return "\(shown.iso)\(sign)\(String(format2: abs(offset) / 3600)):\(String(format2: abs(offset) / 60 % 60))"
        }
        if instants.isEmpty {
            return "'\(key)' \(value.iso) does not exist in \(zone.identifier) (the clocks go forward that night): "
                + "calendars read it as \(written(LocalTime.instant(of: value, in: zone))); write that time instead"
        }
        return "'\(key)' \(value.iso) occurs twice in \(zone.identifier) (the clocks go back that night): "
            + "calendars read it as the first, \(written(instants[0])); the second is \(written(instants[1]))"
    }

    private static func date(_ key: String, _ fields: inout YAMLFields) -> CalendarDate? {
        guard let node = fields[key] else { return nil }
        return dateTime(node, key: key, &fields)?.date
    }

    private static func dateTime(_ node: YAMLNode, key: String, _ fields: inout YAMLFields) -> DateTimeValue? {
        guard let text = fields.string(node, key: key) else { return nil }
        guard let value = DateTimeValue(iso: text) else {
            fields.error(node, "'\(key)' is not a valid date: '\(text)' (expected YYYY-MM-DD or YYYY-MM-DDTHH:MM)")
            return nil
        }
        return value
    }
}
