import CZim
import Foundation
import PasserelleModel
import PasserelleOutput

/// A site as an openZIM archive (libzim, through `CZim`), for Kiwix readers: every file at its
/// path with its MIME type, pages titled from their `<title>`, a full-text index, the metadata
/// Kiwix shows, and the main page `metadata.mainPage`.
///
/// The archive's id is derived from its contents, so that the same site gives the same id.
public struct ZimBundle: Sendable {
    public let metadata: BundleMetadata

    public init(metadata: BundleMetadata) {
        self.metadata = metadata
    }

    /// MIME types by file extension; anything else is `application/octet-stream`.
    static let mimeTypes: [String: String] = [
        "html": "text/html", "css": "text/css", "js": "application/javascript", "json": "application/json",
        "xml": "application/xml", "ics": "text/calendar", "svg": "image/svg+xml", "txt": "text/plain",
        "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp",
        "avif": "image/avif", "pdf": "application/pdf", "woff": "font/woff", "woff2": "font/woff2",
        "mp3": "audio/mpeg", "ogg": "audio/ogg", "mp4": "video/mp4", "webm": "video/webm", "csv": "text/csv",
    ]

    static func mimeType(of path: String) -> String {
        if path.hasSuffix("/atom.xml") || path == "atom.xml" { return "application/atom+xml" }
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return "application/octet-stream" }
        return mimeTypes[path[path.index(after: dot)...].lowercased()] ?? "application/octet-stream"
    }

    /// The text of a page's `<title>`, its character references decoded; "" when it has none.
    static func title(ofPage bytes: [UInt8]) -> String {
        let head = String(decoding: bytes.prefix(16_384), as: UTF8.self)
        guard let open = head.range(of: "<title>"), let close = head.range(of: "</title>", range: open.upperBound..<head.endIndex) else { return "" }
        return decodingCharacterReferences(String(head[open.upperBound..<close.lowerBound]))
    }

    /// `text` with its character references (`&amp;`, `&#8217;`, `&#x2019;`) replaced by their characters.
    static func decodingCharacterReferences(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let named: [Substring: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}"]
        var result = "", rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            let after = rest[rest.index(after: ampersand)...]
            if let semicolon = after.prefix(10).firstIndex(of: ";") {
                let name = after[..<semicolon]
                var decoded: String?
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    decoded = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                } else if name.hasPrefix("#") {
                    decoded = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                } else {
                    decoded = named[name]
                }
                if let decoded {
                    result += decoded
                    rest = after[after.index(after: semicolon)...]
                    continue
                }
            }
            result += "&"
            rest = after
        }
        return result + rest
    }

    /// Whether a reader looks for this page: a page of the site, not a redirect or the error page.
    static func isFrontPage(_ path: String, _ bytes: [UInt8]) -> Bool {
        guard path.hasSuffix(".html"), !path.hasSuffix("404.html") else { return false }
        let head = String(decoding: bytes.prefix(2_048), as: UTF8.self)
        return !head.contains("http-equiv=\"refresh\"")
    }

    /// The NUL-terminated message libzim's interface left in `buffer`.
    static func message(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    public func write(_ contents: BundleContents, to url: URL) throws {
        var error = [CChar](repeating: 0, count: 512)
        func check(_ status: Int32) throws {
            if status != 0 { throw BundleFile.Failure("libzim: \(ZimBundle.message(error))") }
        }
        var digest: (UInt64, UInt64) = (0, 0)
        for (path, bytes) in contents.files {
            let (a, b) = bytes.withUnsafeBytes { (ContentHash.of($0), ContentHash.of($0, seed: 1)) }
            digest = (digest.0 &* 31 &+ ContentHash.of(path) ^ a, digest.1 &* 31 &+ ContentHash.of(path, seed: 1) ^ b)
        }
        let uuid: [UInt8] = (0..<16).map { UInt8(truncatingIfNeeded: ($0 < 8 ? digest.0 : digest.1) >> (($0 % 8) * 8)) }
        let workers = UInt32(max(1, min(ProcessInfo.processInfo.activeProcessorCount, 4)))
        guard let zim = passerelle_zim_start(url.path, metadata.languages.first ?? "eng", workers, uuid, &error, error.count) else {
            throw BundleFile.Failure("libzim: \(ZimBundle.message(error))")
        }
        var finished = false
        defer { if !finished { _ = passerelle_zim_finish(zim, &error, error.count) } }
        for (path, bytes) in contents.files where path != OutputWriter.marker {
            let mime = ZimBundle.mimeType(of: path)
            let front = ZimBundle.isFrontPage(path, bytes)
            let title = mime == "text/html" ? ZimBundle.title(ofPage: bytes) : ""
            try check(bytes.withUnsafeBytes { passerelle_zim_add_item(zim, path, mime, title, $0.baseAddress, $0.count, front ? 1 : 0, &error, error.count) })
        }
        let date = ISO8601DateFormatter.string(from: metadata.date, timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
        let values: [(String, String)] = [
            ("Name", metadata.name), ("Title", metadata.title), ("Description", metadata.description),
            ("Language", metadata.languages.joined(separator: ",")), ("Creator", metadata.creator),
            ("Publisher", metadata.publisher), ("Date", date), ("Scraper", "Passerelle"), ("Tags", "_ftindex:yes;_pictures:yes"),
        ]
        for (name, value) in values {
            var value = value
            try check(value.withUTF8 { passerelle_zim_add_metadata(zim, name, $0.baseAddress, $0.count, "text/plain;charset=utf-8", &error, error.count) })
        }
        try check(metadata.illustration.withUnsafeBytes { passerelle_zim_add_illustration(zim, 48, $0.baseAddress, $0.count, &error, error.count) })
        _ = passerelle_zim_set_main_path(zim, metadata.mainPage)
        finished = true
        try check(passerelle_zim_finish(zim, &error, error.count))
    }
}
