import Foundation
import PasserelleCore

/// Serves the last site built into memory: files with their MIME types, `index.html` for folders,
/// the site's 404 pages, the live-reload script injected into HTML, and the long-polling endpoint.
struct SiteFileHandler: Sendable {
    let output: MemoryOutput
    let reload: LiveReload

    func handle(_ request: HTTPRequestHead) async -> HTTPReply {
        guard request.method == "GET" || request.method == "HEAD" else {
            return HTTPReply(status: 405, headers: [("Allow", "GET, HEAD")])
        }
        let path = request.path
        if path == "/__passerelle/live.js" {
            return HTTPReply(status: 200, headers: [("Content-Type", "text/javascript; charset=utf-8"), ("Cache-Control", "no-store")],
                             body: Data(LiveReload.script.utf8))
        }
        if path == "/__passerelle/poll" {
            let known = request.query.first { $0.name == "v" }.flatMap { Int($0.value) } ?? -1
            let state = await reload.next(after: known, timeout: known < 0 ? 0 : 25)
            let body = "{\"version\":\(state.version),\"diagnostics\":\(DiagnosticFormatter.json(state.diagnostics))}"
            return HTTPReply(status: 200, headers: [("Content-Type", "application/json"), ("Cache-Control", "no-store")], body: Data(body.utf8))
        }
        guard let site = output.current else {
            // Nothing has built yet: a page that shows the errors and reloads once the site builds.
            let page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>passerelle serve</title></head>"
                + "<body><p>The site does not build yet: fix the errors below (also in the terminal); this page reloads by itself.</p></body></html>"
            return HTTPReply(status: 503, headers: [("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-store")],
                             body: SiteFileHandler.injectLiveReload(into: Data(page.utf8)))
        }
        switch ServedPath.resolve(path.removingPercentEncoding ?? path, in: site) {
        case let .file(file):
            return reply(file, in: site, status: 200)
        case let .redirect(location):
            return HTTPReply(status: 301, headers: [("Location", location)])
        case .forbidden:
            return .text(403, "403 forbidden")
        case .notFound:
            let language = path.split(separator: "/").first.map(String.init) ?? ""
            if !language.isEmpty && !language.contains(".") && !language.contains("%"), site.files[language + "/404.html"] != nil {
                return reply(language + "/404.html", in: site, status: 404)
            }
            if site.files["404.html"] != nil { return reply("404.html", in: site, status: 404) }
            return .text(404, "404 not found")
        }
    }

    private func reply(_ path: String, in site: MemoryOutput.Site, status: Int) -> HTTPReply {
        guard let bytes = site.files[path] else { return .text(404, "404 not found") }
        var data = Data(bytes)
        let type = ServedPath.contentType(of: path)
        if type.hasPrefix("text/html") { data = SiteFileHandler.injectLiveReload(into: data) }
        return HTTPReply(status: status, headers: [("Content-Type", type), ("Cache-Control", "no-store")], body: data)
    }

    /// Adds the live-reload script before the last `</body>` (or at the end).
    static func injectLiveReload(into data: Data) -> Data {
        let tag = Data("<script src=\"/__passerelle/live.js\"></script>\n".utf8)
        guard let range = data.range(of: Data("</body>".utf8), options: .backwards) else { return data + tag }
        var result = data
        result.insert(contentsOf: tag, at: range.lowerBound)
        return result
    }
}
