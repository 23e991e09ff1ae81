import Foundation
import FlyingFox
import PasserelleCore

/// Serves the built site: files with their MIME types, `index.html` for folders, the site's 404 pages,
/// the live-reload script injected into HTML, and the long-polling endpoint.
struct SiteFileHandler: HTTPHandler {
    let root: URL
    let reload: LiveReload

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return HTTPResponse(statusCode: .methodNotAllowed, headers: HTTPHeaders(dictionaryLiteral: (HTTPHeader("Allow"), "GET, HEAD")))
        }
        if request.path == "/__passerelle/live.js" {
            return HTTPResponse(statusCode: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-store"],
                                body: Data(LiveReload.script.utf8))
        }
        if request.path == "/__passerelle/poll" {
            let known = request.query.first { $0.name == "v" }.flatMap { Int($0.value) } ?? -1
            let state = await reload.next(after: known, timeout: known < 0 ? 0 : 25)
            let body = "{\"version\":\(state.version),\"diagnostics\":\(DiagnosticFormatter.json(state.diagnostics))}"
            return HTTPResponse(statusCode: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"], body: Data(body.utf8))
        }
        if !FileManager.default.fileExists(atPath: root.path) {
            // Nothing has built yet: a page that shows the errors and reloads once the site builds.
            let page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>passerelle serve</title></head>"
                + "<body><p>The site does not build yet: fix the errors below (also in the terminal); this page reloads by itself.</p></body></html>"
            return HTTPResponse(statusCode: .serviceUnavailable, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                                body: SiteFileHandler.injectLiveReload(into: Data(page.utf8)))
        }
        // The raw target, not FlyingFox's standardized path: that one drops the trailing slash of folders.
        let raw = request.target.path(percentEncoded: true)
        switch ServedPath.resolve(raw.removingPercentEncoding ?? raw, root: root) {
        case let .file(url):
            return file(url, status: .ok, method: request.method)
        case let .redirect(location):
            return HTTPResponse(statusCode: .movedPermanently, headers: HTTPHeaders(dictionaryLiteral: (.location, location)))
        case .forbidden:
            return HTTPResponse(statusCode: .forbidden, headers: [.contentType: "text/plain; charset=utf-8"], body: Data("403 forbidden\n".utf8))
        case .notFound:
            let language = request.path.split(separator: "/").first.map(String.init) ?? ""
            let candidates = [root.appendingPathComponent(language).appendingPathComponent("404.html"), root.appendingPathComponent("404.html")]
            if !language.isEmpty && !language.contains("."), let page = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) {
                return file(page, status: .notFound, method: request.method)
            }
            if let page = candidates.last, FileManager.default.fileExists(atPath: page.path) { return file(page, status: .notFound, method: request.method) }
            return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/plain; charset=utf-8"], body: Data("404 not found\n".utf8))
        }
    }

    private func file(_ url: URL, status: HTTPStatusCode, method: HTTPMethod) -> HTTPResponse {
        guard var data = FileManager.default.contents(atPath: url.path) else {
            return HTTPResponse(statusCode: .notFound)
        }
        let type = ServedPath.contentType(of: url)
        if type.hasPrefix("text/html") { data = SiteFileHandler.injectLiveReload(into: data) }
        return HTTPResponse(statusCode: status, headers: [.contentType: type, .cacheControl: "no-store"],
                            body: method == .HEAD ? Data() : data)
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
