import PasserelleContent
import PasserelleModel
import Foundation

/// Finds entries by id (`section/slug`), by slug alone when it is unique, or by relative file path.
public struct ReferenceIndex: Sendable {
    /// The ids by their text: a reference resolves to the site's own id, not a new one.
    private let ids: [String: EntryID]
    private let bySlug: [String: [EntryID]]
    private let languages: [String]

    public init(entryIDs: [EntryID], languages: [LanguageCode]) {
        ids = Dictionary(entryIDs.map { ($0.rawValue, $0) }, uniquingKeysWith: { first, _ in first })
        var slugs: [String: [EntryID]] = [:]
        slugs.reserveCapacity(entryIDs.count)
        for id in entryIDs {
            let text = id.rawValue
            let slug = text.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(text[text.index(after: $0)...]) } ?? text
            slugs[slug, default: []].append(id)
        }
        // In id order where a slug is shared (the order candidates are listed in).
        bySlug = slugs.mapValues { $0.count > 1 ? $0.sorted() : $0 }
        self.languages = languages.map(\.rawValue)
    }

    /// Why a reference did not resolve.
    public enum Failure: Error, Equatable {
        case notFound(suggestions: [String])
        case ambiguous(candidates: [String])
    }

    /// Resolves a reference as written in front matter or `[[…]]` (without its `#anchor`).
    public func resolve(_ reference: String) -> Result<EntryID, Failure> {
        // Most references need no trimming; Foundation's trimming goes through NSString.
        let untrimmed = { (byte: UInt8?) in byte.map { $0 == 0x20 || $0 == 0x09 || $0 >= 0x80 } ?? false }
        let trimmed = untrimmed(reference.utf8.first) || untrimmed(reference.utf8.last)
            ? reference.trimmingCharacters(in: .whitespaces) : reference
        let key = trimmed.hasPrefix("/") ? String(trimmed.dropFirst()) : trimmed
        if key.utf8.contains(UInt8(ascii: "/")) {
            if let id = ids[key] { return .success(id) }
            return .failure(.notFound(suggestions: Suggestion.closest(to: key, in: ids.keys.sorted())))
        }
        switch bySlug[key] ?? [] {
        case let found where found.count == 1: return .success(found[0])
        case let found where found.count > 1: return .failure(.ambiguous(candidates: found.map(\.rawValue)))
        default:
            let candidates = Suggestion.closest(to: key, in: Array(bySlug.keys).sorted())
                .map { bySlug[$0]!.count == 1 ? bySlug[$0]![0].rawValue : $0 }
            let byID = Suggestion.closest(to: key, in: ids.keys.sorted())
            var merged: [String] = []
            for name in candidates + byID where !merged.contains(name) { merged.append(name) }
            return .failure(.notFound(suggestions: Array(merged.prefix(3))))
        }
    }

    /// Resolves a Markdown link to a content file (`../events/tunis-2005.fr.md`) from the file at `sourcePath`
    /// (relative to the content folder).
    public func resolve(filePath: String, from sourcePath: String) -> Result<EntryID, Failure> {
        guard let path = ContentPath.resolve(Substring(filePath), from: sourcePath) else { return .failure(.notFound(suggestions: [])) }
        var parts = path.split(separator: "/").map(String.init)
        guard var name = parts.popLast(), name.hasSuffix(".md") else { return .failure(.notFound(suggestions: [])) }
        name.removeLast(3)
        if let dot = name.lastIndex(of: "."), languages.contains(String(name[name.index(after: dot)...])) {
            name = String(name[..<dot])
        }
        let id = (parts + [name]).joined(separator: "/")
        if let found = ids[id] { return .success(found) }
        return .failure(.notFound(suggestions: Suggestion.closest(to: id, in: ids.keys.sorted())))
    }

    /// The message for a failed reference, with did-you-mean suggestions.
    public static func message(for failure: Failure, reference: String) -> String {
        switch failure {
        case let .notFound(suggestions):
            let hint = suggestions.isEmpty ? "" : " (did you mean " + suggestions.map { "'\($0)'" }.joined(separator: " or ") + "?)"
            return "unresolved reference '\(reference)'" + hint
        case let .ambiguous(candidates):
            return "ambiguous reference '\(reference)': it could be " + candidates.map { "'\($0)'" }.joined(separator: " or ")
                + "; write the full id"
        }
    }
}
