import Foundation
import PasserelleContent
import PasserelleModel

/// `passerelle translations mark FILE…`: records in each translation the git blob id of the text
/// it was translated from (`translated_from: "fr:<id>"`), editing only that front-matter line (or
/// adding it before the closing `---`); the rest of the file keeps its bytes.
public struct TranslationMarker {
    public let content: URL
    public let config: SiteConfig
    /// How paths are named in messages.
    public let display: (URL) -> String

    public init(content: URL, config: SiteConfig, display: @escaping (URL) -> String) {
        self.content = content
        self.config = config
        self.display = display
    }

    public struct Marked: Sendable, Equatable {
        public let file: String
        public let source: String
        public let language: LanguageCode
        public let blob: String
    }

    /// Marks `file` as translated from the current version of its `from` text (by default the
    /// language its `translated_from` names, else the site's first language); the file's
    /// diagnostics when it cannot be.
    public func mark(_ file: URL, from: LanguageCode? = nil) -> Result<Marked, Diagnostic> {
        let path = display(file)
        let location = SourceLocation(path: path)
        let root = content.standardizedFileURL.path + "/"
        let standardized = file.standardizedFileURL
        guard standardized.path.hasPrefix(root) else {
            return .failure(.error(location, "not in the content folder (\(display(content)))"))
        }
        let name = standardized.lastPathComponent
        let parts = name.split(separator: ".")
        guard name.hasSuffix(".md"), parts.count >= 3, !name.hasPrefix("_"), let language = config.language(String(parts[parts.count - 2]))?.code else {
            return .failure(.error(location, "not an entry's text: name it <slug>.<language>.md, with a language of site.yaml"))
        }
        guard let data = FileManager.default.contents(atPath: standardized.path), let text = String(data: data, encoding: .utf8) else {
            return .failure(.error(location, "cannot read the file"))
        }
        let recorded = TranslationMarker.recordedLanguage(in: text)
        guard let source = from ?? recorded ?? (language == config.defaultLanguage.code ? nil : config.defaultLanguage.code) else {
            return .failure(.error(location, "this text is in the site's first language, '\(language)': mark its translations, or name the language it comes from with --from"))
        }
        guard source != language else {
            return .failure(.error(location, "a text is not translated from its own language, '\(language)'"))
        }
        guard config.language(source.rawValue) != nil else {
            return .failure(.error(location, "unknown language '\(source)'" + Suggestion.didYouMean(source.rawValue, in: config.languageCodes.map(\.rawValue))))
        }
        let sourceName = parts.dropLast(2).joined(separator: ".") + ".\(source).md"
        let sourceURL = standardized.deletingLastPathComponent().appendingPathComponent(sourceName)
        guard let sourceData = FileManager.default.contents(atPath: sourceURL.path) else {
            return .failure(.error(location, "there is no '\(source)' text to translate from (\(display(sourceURL)))"))
        }
        let blob = GitBlobID.of(sourceData)
        guard let edited = TranslationMarker.recording("\(source):\(blob)", in: text) else {
            return .failure(.error(location, "no front matter: the file must begin with a '---' line and close it with another"))
        }
        do {
            if edited != text { try TranslationMarker.replace(standardized, with: Data(edited.utf8)) }
        } catch {
            return .failure(.error(location, "cannot write the file: \(error.localizedDescription)"))
        }
        return .success(Marked(file: path, source: display(sourceURL), language: source, blob: blob))
    }

    /// The language a `translated_from` line of `text`'s front matter names, if any.
    static func recordedLanguage(in text: String) -> LanguageCode? {
        let bytes = Array(text.utf8)
        guard let lines = frontMatterLines(bytes), let line = lines.dropLast().first(where: { bytes[$0].starts(with: key) }) else { return nil }
        let value = String(decoding: bytes[line].dropFirst(key.count), as: UTF8.self).trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'\r"))
        return value.split(separator: ":").first.map { LanguageCode(String($0)) }
    }

    /// `text` with its front matter's `translated_from` line set to `value` (added before the
    /// closing `---` when there is none), in the file's own line endings; nil without front matter.
    static func recording(_ value: String, in text: String) -> String? {
        let bytes = Array(text.utf8)
        guard let lines = frontMatterLines(bytes), let closing = lines.last else { return nil }
        let line = Array("translated_from: \"\(value)\"".utf8)
        var edited = bytes
        if let existing = lines.dropLast().first(where: { bytes[$0].starts(with: key) }) {
            let end = bytes[existing].last == 0x0D ? existing.upperBound - 1 : existing.upperBound
            edited.replaceSubrange(existing.lowerBound..<end, with: line)
        } else {
            let ending: [UInt8] = bytes[closing].last == 0x0D ? [0x0D, 0x0A] : [0x0A]
            edited.insert(contentsOf: line + ending, at: closing.lowerBound)
        }
        return String(decoding: edited, as: UTF8.self)
    }

    private static let key = Array("translated_from:".utf8)

    /// The byte ranges of the front matter's lines, without their `\n`: the ones after the opening
    /// `---`, the closing one last. Nil when the text has no front matter.
    private static func frontMatterLines(_ bytes: [UInt8]) -> [Range<Int>]? {
        var lines: [Range<Int>] = []
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var first = true
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            var bare = bytes[start..<end]
            if bare.last == 0x0D { bare = bare.dropLast() }
            let isFence = bare.elementsEqual("---".utf8)
            if first {
                guard isFence else { return nil }
                first = false
            } else {
                lines.append(start..<end)
                if isFence { return lines }
            }
            start = end + 1
        }
        return nil
    }

    /// Replaces `file` with `data` all at once: written beside it, then renamed over it, with the
    /// old file's permissions. An editor's file is never left half written.
    static func replace(_ file: URL, with data: Data) throws {
        let temporary = file.deletingLastPathComponent().appendingPathComponent(".\(file.lastPathComponent).passerelle-\(getpid())")
        try data.write(to: temporary)
        if let permissions = try? FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] {
            try? FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary.path)
        }
        guard rename(temporary.path, file.path) == 0 else {
            let error = POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }
}
