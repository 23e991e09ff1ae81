import Foundation

/// Maps a request path to a file inside the served folder, refusing anything that could leave it.
public enum ServedPath {
    public enum Resolution: Equatable {
        case file(URL)
        /// A folder without a trailing slash: redirect so that relative links resolve.
        case redirect(String)
        case notFound
        case forbidden
    }

    /// `path` is the request path, percent-decoded once.
    public static func resolve(_ path: String, root: URL) -> Resolution {
        // Decode once more: a double-encoded `%252e%252e` must not become `..` later in a browser or proxy.
        let decoded = path.removingPercentEncoding ?? path
        guard decoded.hasPrefix("/"), !decoded.contains("\0"), !decoded.contains("\\") else { return .forbidden }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true)
        // Dot segments, hidden files, and anything still percent-encoded after decoding (double encoding):
        // the site never writes such names.
        if segments.contains(where: { $0 == ".." || $0 == "." || $0.hasPrefix(".") || $0.contains("%") }) { return .forbidden }
        let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path
        var url = root.standardizedFileURL
        for segment in segments { url.appendPathComponent(String(segment)) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return .notFound }
        if isDirectory.boolValue {
            // One leading slash: `//en` must not become `//en/`, a protocol-relative URL to the host `en`.
            if !decoded.hasSuffix("/") { return .redirect("/" + path.drop { $0 == "/" } + "/") }
            url.appendPathComponent("index.html")
            guard FileManager.default.fileExists(atPath: url.path) else { return .notFound }
        }
        // A symbolic link inside the output must not lead outside it.
        let real = url.resolvingSymlinksInPath().path
        guard real == rootPath || real.hasPrefix(rootPath + "/") else { return .forbidden }
        return .file(url)
    }

    /// The `Content-Type` of a file, by its extension.
    public static func contentType(of url: URL) -> String {
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
