import Foundation
import PasserelleModel

/// The head of an HTTP/1.1 request (request line and header fields, RFC 9112), read with limits
/// before anything else looks at it: `serve` listens on loopback, where any web page the editor
/// opens can send it requests, so a request line over `maxRequestLine` bytes is refused (414),
/// a head over `maxHead` bytes too (431), and a malformed one is a 400.
public struct HTTPRequestHead: Equatable, Sendable {
    public static let maxRequestLine = 8 * 1024
    public static let maxHead = 16 * 1024

    public let method: String
    /// The request target as sent (`/fr/?v=1`), still percent-encoded.
    public let target: String
    public let version: String
    /// Header fields in order, names lower-cased, values trimmed.
    public let fields: [(name: String, value: String)]

    public static func == (lhs: HTTPRequestHead, rhs: HTTPRequestHead) -> Bool {
        lhs.method == rhs.method && lhs.target == rhs.target && lhs.version == rhs.version
            && lhs.fields.map(\.name) == rhs.fields.map(\.name) && lhs.fields.map(\.value) == rhs.fields.map(\.value)
    }

    /// The values of the field `name` (lower case), in order.
    public func values(_ name: String) -> [String] { fields.filter { $0.name == name }.map(\.value) }

    /// The path of the target (before `?`), still percent-encoded.
    public var path: String { String(target.prefix { $0 != "?" }) }

    /// The query's `name=value` pairs, percent-decoded.
    public var query: [(name: String, value: String)] {
        guard let mark = target.firstIndex(of: "?") else { return [] }
        return target[target.index(after: mark)...].split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String {
                let plus = text.replacingOccurrences(of: "+", with: " ")
                return plus.removingPercentEncoding ?? plus
            }
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    /// Whether the client asked to keep the connection open (HTTP/1.1's default).
    public var keepsAlive: Bool {
        let connection = values("connection").joined(separator: ",").lowercased()
        if version == "HTTP/1.0" { return connection.contains("keep-alive") }
        return !connection.contains("close")
    }

    /// Why a head was refused: the status to answer with.
    public enum Refusal: Error, Equatable, Sendable {
        case badRequest(String)
        case uriTooLong
        case headersTooLarge
        case notImplemented(String)

        public var status: Int {
            switch self {
            case .badRequest: return 400
            case .uriTooLong: return 414
            case .headersTooLarge: return 431
            case .notImplemented: return 501
            }
        }
    }

    /// What the bytes received so far hold: a whole head (and how many bytes it took), more to
    /// wait for, or a refusal. Limits are applied as the bytes come, not once they are all in.
    public enum Scan: Equatable, Sendable {
        case complete(HTTPRequestHead, length: Int)
        case incomplete
        case refused(Refusal)
    }

    public static func scan(_ bytes: [UInt8]) -> Scan {
        // Empty lines before the request line are to be ignored (RFC 9112 §2.2).
        var start = 0
        while start + 1 < bytes.count, bytes[start] == 0x0D, bytes[start + 1] == 0x0A { start += 2 }
        guard let lineEnd = bytes[start...].firstRange(of: "\r\n")?.lowerBound else {
            return bytes.count - start > maxRequestLine ? .refused(.uriTooLong) : .incomplete
        }
        if lineEnd - start > maxRequestLine { return .refused(.uriTooLong) }
        guard let headEnd = bytes[lineEnd...].firstRange(of: "\r\n\r\n")?.lowerBound else {
            return bytes.count - start > maxHead ? .refused(.headersTooLarge) : .incomplete
        }
        if headEnd + 4 - start > maxHead { return .refused(.headersTooLarge) }
        switch parse(Array(bytes[start..<headEnd])) {
        case let .success(head): return .complete(head, length: headEnd + 4)
        case let .failure(refusal): return .refused(refusal)
        }
    }

    private static func parse(_ head: [UInt8]) -> Result<HTTPRequestHead, Refusal> {
        guard head.allSatisfy({ $0 != 0 }), let text = String(bytes: head, encoding: .utf8) else {
            return .failure(.badRequest("the request is not text"))
        }
        let lines = text.components(separatedBy: "\r\n")
        let parts = lines[0].split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy({ $0.isLetter && $0.isUppercase }),
              parts[1].hasPrefix("/") || parts[1] == "*", !parts[1].contains(where: { $0.isWhitespace }),
              parts[2] == "HTTP/1.1" || parts[2] == "HTTP/1.0" else {
            return .failure(.badRequest("malformed request line"))
        }
        var fields: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            // Obsolete line folding, and a space before the colon, are refused (RFC 9112 §5.1, §5.2).
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex,
                  !line[..<colon].contains(where: { $0 == " " || $0 == "\t" }), !line.hasPrefix(" "), !line.hasPrefix("\t") else {
                return .failure(.badRequest("malformed header field"))
            }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: CharacterSet(charactersIn: " \t"))
            fields.append((line[..<colon].lowercased(), value))
        }
        let head = HTTPRequestHead(method: String(parts[0]), target: String(parts[1]), version: String(parts[2]), fields: fields)
        // One body length, stated once: two (or a list) would let two parsers disagree on where the next request starts.
        let lengths = head.values("content-length")
        if lengths.count > 1 || lengths.contains(where: { $0.isEmpty || !$0.allSatisfy(\.isASCII) || Int($0) == nil || $0.contains(",") }) {
            return .failure(.badRequest("Content-Length given more than once or not a number"))
        }
        if !head.values("transfer-encoding").isEmpty { return .failure(.notImplemented("request bodies are not accepted")) }
        if head.version == "HTTP/1.1" && head.values("host").count != 1 { return .failure(.badRequest("one Host field is required")) }
        return .success(head)
    }

    /// Whether the `Host` field names this server: a loopback name or address (or `listenHost`),
    /// with no port or `port`. A page served from another name (DNS rebinding) gets a 421.
    public func hostIsAllowed(listenHost: String, port: UInt16) -> Bool {
        guard let host = values("host").first?.lowercased() else { return version == "HTTP/1.0" }
        var name = host, hostPort: String?
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return false }
            name = String(host[...close])
            let rest = host[host.index(after: close)...]
            if !rest.isEmpty {
                guard rest.hasPrefix(":") else { return false }
                hostPort = String(rest.dropFirst())
            }
        } else if let colon = host.lastIndex(of: ":") {
            name = String(host[..<colon])
            hostPort = String(host[host.index(after: colon)...])
        }
        if let hostPort, hostPort != String(port) { return false }
        let allowed: Set<String> = ["localhost", "127.0.0.1", "[::1]", listenHost.lowercased(),
                                    listenHost.contains(":") ? "[\(listenHost.lowercased())]" : listenHost.lowercased()]
        return allowed.contains(name) || name.hasSuffix(".localhost")
    }
}
