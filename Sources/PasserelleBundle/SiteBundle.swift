import PasserelleModel
import PasserelleOutput
import Foundation

/// A built site as one file, for readers who copy it (a zip) or open it in Kiwix (a ZIM).
public enum BundleFormat: String, CaseIterable, Sendable {
    case zip, zim

    /// The file name a bundle of `site` gets under `output/offline/` (`isv2003.zip`).
    public func fileName(base: String) -> String { "\(base).\(rawValue)" }
}

/// The files of one built site, in the order every bundle stores them: paths sorted by their
/// UTF-8 bytes, so that the same site always gives the same bundle.
public struct BundleContents: Sendable {
    public let files: [(path: String, bytes: [UInt8])]

    public init(files: [String: [UInt8]]) {
        self.files = files.map { ($0.key, $0.value) }.sorted { String.utf8Precedes($0.path, $1.path) }
    }

    /// Every folder that holds a file, as `fr/` and `fr/projets/`, sorted like the files.
    public var folders: [String] {
        SitePaths.folders(holding: files.map(\.path)).map { $0 + "/" }.sorted { String.utf8Precedes($0, $1) }
    }

    /// The files of a build as `build` writes them: `files`, and the marker file of its output folder.
    public static func ofBuild(_ files: [String: [UInt8]]) -> BundleContents {
        var all = files
        all[OutputWriter.marker] = Array(OutputWriter.markerText.utf8)
        return BundleContents(files: all)
    }
}

/// What a bundle says about the site it holds (the ZIM's metadata; the zip's times).
public struct BundleMetadata: Sendable {
    /// A short identifier, lower case (`isv2003`): the ZIM's `Name`, the bundles' file names.
    public var name: String
    /// The site's title in its default language.
    public var title: String
    /// One line about the site, at most 80 characters.
    public var description: String
    /// ISO 639-3 codes of the site's languages, default first (`fra`, `eng`).
    public var languages: [String]
    public var creator: String
    public var publisher: String
    /// The build's day: every time a bundle stores (`SOURCE_DATE_EPOCH`'s day, else today).
    public var date: Date
    /// The page a reader opens first (`index.html`, the language chooser).
    public var mainPage: String
    /// A 48×48 PNG that stands for the site in Kiwix's library.
    public var illustration: [UInt8]

    public init(name: String, title: String, description: String, languages: [String], creator: String, publisher: String,
                date: Date, mainPage: String, illustration: [UInt8]) {
        self.name = name
        self.title = title
        self.description = description
        self.languages = languages
        self.creator = creator
        self.publisher = publisher
        self.date = date
        self.mainPage = mainPage
        self.illustration = illustration
    }
}

/// Writes a bundle at a path, whole or not at all: into a temporary file beside it, flushed to
/// the disk, then renamed over it. A failure (an unwritable folder, a full disk) removes the
/// temporary file and leaves whatever was at the path as it was.
public enum BundleFile {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
        public init(_ description: String) { self.description = description }
    }

    /// Writes `contents` as `format` at `destination`.
    public static func write(_ contents: BundleContents, as format: BundleFormat, metadata: BundleMetadata, to destination: URL) throws {
        let folder = destination.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw Failure("cannot write \(destination.path): folder \(folder.path) does not exist")
        }
        guard access(folder.path, W_OK) == 0 else {
            throw Failure("cannot write \(destination.path): folder \(folder.path) is not writable")
        }
        let temporary = folder.appendingPathComponent(".\(destination.lastPathComponent).\(getpid()).partial")
        unlink(temporary.path)
        do {
            switch format {
            case .zip: try ZipBundle(date: metadata.date).write(contents, to: temporary)
            case .zim: try ZimBundle(metadata: metadata).write(contents, to: temporary)
            }
            try synchronize(temporary)
            guard rename(temporary.path, destination.path) == 0 else {
                throw Failure("cannot write \(destination.path): \(String(cString: strerror(errno)))")
            }
        } catch {
            removeTemporaries(of: temporary)
            if let failure = error as? Failure { throw failure }
            throw Failure("cannot write \(destination.path): \(error)")
        }
    }

    /// Removes the temporary file and whatever its writer made beside it (libzim writes
    /// `NAME.tmp` and its index's folders, renamed only when it finishes).
    private static func removeTemporaries(of temporary: URL) {
        let folder = temporary.deletingLastPathComponent(), name = temporary.lastPathComponent
        for item in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where item.hasPrefix(name) {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(item))
        }
    }

    /// Flushes the file's bytes to the disk, so that a full disk shows now, not after the rename.
    private static func synchronize(_ file: URL) throws {
        let descriptor = open(file.path, O_RDONLY)
        guard descriptor >= 0 else { throw Failure("cannot reopen \(file.path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw Failure("cannot write \(file.path): \(String(cString: strerror(errno)))") }
    }
}

extension BundleMetadata {
    /// The ISO 639-3 code of a language code (`fr` → `fra`), from ICU; the code itself when ICU has none.
    public static func iso639_3(_ code: String) -> String {
        Locale.Language(identifier: code).languageCode?.identifier(.alpha3) ?? code
    }

    /// The first sentence of an HTML text as one line of at most `limit` characters (cut at a
    /// word, with an ellipsis), or `fallback` when it has no text.
    public static func oneLine(html: String, fallback: String, limit: Int = 80) -> String {
        var text = "", inTag = false
        for character in html {
            if character == "<" { inTag = true; text += " " } else if character == ">" { inTag = false } else if !inTag { text.append(character) }
        }
        let words = ZimBundle.decodingCharacterReferences(text).split(whereSeparator: \.isWhitespace)
        guard !words.isEmpty else { return String(fallback.prefix(limit)) }
        var line = ""
        for word in words {
            let next = line.isEmpty ? String(word) : line + " " + word
            if next.count > limit - 1 { return line.isEmpty ? String(next.prefix(limit - 1)) + "…" : line + "…" }
            line = next
            if word.hasSuffix(".") || word.hasSuffix("!") || word.hasSuffix("?") { break }
        }
        return line
    }
}
