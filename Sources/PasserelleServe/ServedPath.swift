import Foundation
import PasserelleCore

/// Maps a request path to a file of the served site (`MemoryOutput.Site`), refusing any path
/// the site never writes (dot segments, hidden names, double encoding).
public enum ServedPath {
    public enum Resolution: Equatable {
        /// The file at this path of the site.
        case file(String)
        /// A folder without a trailing slash: redirect so that relative links resolve.
        case redirect(String)
        case notFound
        case forbidden
    }

    /// `path` is the request path, percent-decoded once.
    public static func resolve(_ path: String, in site: MemoryOutput.Site) -> Resolution {
        // Decode once more: a double-encoded `%252e%252e` must not become `..` later in a browser or proxy.
        let decoded = path.removingPercentEncoding ?? path
        guard decoded.hasPrefix("/"), !decoded.contains("\0"), !decoded.contains("\\") else { return .forbidden }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true)
        // Dot segments, hidden files, and anything still percent-encoded after decoding (double encoding):
        // the site never writes such names.
        if segments.contains(where: { $0 == ".." || $0 == "." || $0.hasPrefix(".") || $0.contains("%") }) { return .forbidden }
        let relative = segments.joined(separator: "/")
        if site.files[relative] != nil { return .file(relative) }
        guard relative.isEmpty || site.folders.contains(relative) else { return .notFound }
        // One leading slash: `//en` must not become `//en/`, a protocol-relative URL to the host `en`.
        if !decoded.hasSuffix("/") { return .redirect("/" + path.drop { $0 == "/" } + "/") }
        let index = relative.isEmpty ? "index.html" : relative + "/index.html"
        return site.files[index] != nil ? .file(index) : .notFound
    }

    /// The `Content-Type` of the file at `path`, by its extension.
    public static func contentType(of path: String) -> String {
        let url = URL(fileURLWithPath: "/" + path)
        switch url.pathExtension.lowercased() {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "xml": return url.lastPathComponent == "atom.xml" ? "application/atom+xml" : "application/xml"
        case "ics": return "text/calendar; charset=utf-8"
        case "txt", "md": return "text/plain; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "avif": return "image/avif"
        case "ico": return "image/x-icon"
        case "pdf": return "application/pdf"
        case "woff2": return "font/woff2"
        case "mp4": return "video/mp4"
        case "mp3": return "audio/mpeg"
        default: return "application/octet-stream"
        }
    }
}
