import Foundation
import FlyingSocks
import PasserelleModel

/// A response of the dev server.
public struct HTTPReply: Sendable {
    public var status: Int
    public var headers: [(String, String)]
    public var body: Data

    public init(status: Int, headers: [(String, String)] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    static func text(_ status: Int, _ message: String) -> HTTPReply {
        HTTPReply(status: status, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Data((message + "\n").utf8))
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 301: return "Moved Permanently"
        case 400: return "Bad Request"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 408: return "Request Timeout"
        case 413: return "Content Too Large"
        case 414: return "URI Too Long"
        case 421: return "Misdirected Request"
        case 431: return "Request Header Fields Too Large"
        case 501: return "Not Implemented"
        case 503: return "Service Unavailable"
        default: return "Status"
        }
    }
}

/// The HTTP/1.1 server of `passerelle serve`, on FlyingSocks' event-driven sockets: one task per
/// connection, no thread per connection. Each request's head is read with `HTTPRequestHead`'s
/// limits and within `headDeadline` seconds (slow or endless heads are cut off), its `Host`
/// checked against the names the server answers to, its body (if any, up to 64 KB) read and
/// dropped; only then is `handler` called.
public final class LoopbackHTTPServer: Sendable {
    public typealias Handler = @Sendable (HTTPRequestHead) async -> HTTPReply

    public let host: String
    private let handler: Handler
    private let headDeadline: Double
    /// The listening socket and the task serving it, once started.
    private let running = Locked<(socket: Socket?, task: Task<Void, Never>?)>((nil, nil))

    public init(host: String, headDeadline: Double = 10, handler: @escaping Handler) {
        self.host = host
        self.headDeadline = headDeadline
        self.handler = handler
    }

    /// Why the server could not listen, in words.
    public struct ListenError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Binds `host:port` (0: any free port) and starts serving; returns the port bound.
    /// `host` must be a loopback address or `localhost`.
    public func start(port: UInt16) async throws -> UInt16 {
        let address: Socket.Address
        switch host.lowercased() {
        case "localhost", "127.0.0.1": address = .ip4("127.0.0.1", port: port)
        case "::1", "[::1]": address = .ip6("::1", port: port)
        default:
            guard host.hasPrefix("127."), (try? sockaddr_in.inet(ip4: host, port: port)) != nil else {
                throw ListenError(description: "'\(host)' is not a loopback address: serve listens on 127.0.0.1, ::1 or localhost only")
            }
            address = .ip4(host, port: port)
        }
        let socket: Socket
        do {
            switch address {
            case let .ip4(ip, port):
                socket = try Socket(domain: AF_INET, type: .stream)
                try socket.setValue(true, for: .localAddressReuse)
                try socket.bind(to: sockaddr_in.inet(ip4: ip, port: port))
            case let .ip6(ip, port):
                socket = try Socket(domain: AF_INET6, type: .stream)
                try socket.setValue(true, for: .localAddressReuse)
                try socket.bind(to: sockaddr_in6.inet6(ip6: ip, port: port))
            default: throw ListenError(description: "unsupported address")
            }
            try socket.listen()
        } catch let error as SocketError {
            if case let .failed(_, errno, _) = error, errno == EADDRINUSE {
                throw ListenError(description: "port \(port) on \(host) is already in use: stop the other server, or choose another port (--port 0 picks a free one)")
            }
            throw ListenError(description: "\(error)")
        }
        let bound: UInt16
        switch try socket.sockname() {
        case let .ip4(_, actual), let .ip6(_, actual): bound = actual
        default: bound = port
        }
        let pool: some AsyncSocketPool = .make(maxEvents: 64)
        try await pool.prepare()
        let listening = try AsyncSocket(socket: socket, pool: pool)
        let task = Task { [self] in
            await withTaskGroup(of: Void.self) { group in
                group.addTask { try? await pool.run() }
                group.addTask {
                    await withDiscardingTaskGroup { connections in
                        while !Task.isCancelled {
                            guard let connection = try? await listening.accept() else { break }
                            connections.addTask { await self.serve(connection, port: bound) }
                        }
                        connections.cancelAll()
                    }
                }
                await group.next()
                group.cancelAll()
            }
        }
        running.withLock { $0 = (socket, task) }
        return bound
    }

    /// Stops listening and ends every connection.
    public func stop() async {
        let (socket, task) = running.withLock { running in
            defer { running = (nil, nil) }
            return running
        }
        try? socket?.close()
        task?.cancel()
        await task?.value
    }

    private struct HeadTimeout: Error {}

    /// Serves the requests of one connection until it closes, asks to close, or misbehaves.
    private func serve(_ connection: AsyncSocket, port: UInt16) async {
        defer { try? connection.close() }
        var buffer: [UInt8] = []
        while !Task.isCancelled {
            let scanned: HTTPRequestHead.Scan
            do {
                let received = buffer
                (scanned, buffer) = try await withDeadline(headDeadline) { () async throws -> (HTTPRequestHead.Scan, [UInt8]) in
                    var bytes = received
                    while true {
                        let scan = HTTPRequestHead.scan(bytes)
                        guard scan == .incomplete else { return (scan, bytes) }
                        let chunk = try await connection.read(atMost: 4096)
                        if chunk.isEmpty { throw SocketError.disconnected }
                        bytes += chunk
                    }
                }
            } catch {
                // Closed, or no whole head within the deadline (a slow or idle client): the connection ends.
                return
            }
            guard case let .complete(head, length) = scanned else {
                if case let .refused(refusal) = scanned {
                    try? await send(.text(refusal.status, "\(refusal.status) \(HTTPReply.reason(refusal.status).lowercased())"),
                                    to: connection, head: nil, keepAlive: false)
                }
                return
            }
            buffer.removeFirst(length)
            // A body (unusual with GET) is read and dropped, up to a limit.
            let bodyLength = head.values("content-length").first.flatMap { Int($0) } ?? 0
            if bodyLength > 65_536 {
                try? await send(.text(413, "413 request bodies are not accepted"), to: connection, head: head, keepAlive: false)
                return
            }
            while buffer.count < bodyLength {
                guard let chunk = try? await connection.read(atMost: bodyLength - buffer.count), !chunk.isEmpty else { return }
                buffer += chunk
            }
            buffer.removeFirst(bodyLength)
            guard head.hostIsAllowed(listenHost: host, port: port) else {
                try? await send(.text(421, "421 this server answers only to loopback names (Host: localhost or 127.0.0.1)"),
                                to: connection, head: head, keepAlive: false)
                return
            }
            let reply = await handler(head)
            let keepAlive = head.keepsAlive
            do { try await send(reply, to: connection, head: head, keepAlive: keepAlive) } catch { return }
            if !keepAlive { return }
        }
    }

    private func send(_ reply: HTTPReply, to connection: AsyncSocket, head: HTTPRequestHead?, keepAlive: Bool) async throws {
        var text = "HTTP/1.1 \(reply.status) \(HTTPReply.reason(reply.status))\r\n"
        for (name, value) in reply.headers { text += "\(name): \(value)\r\n" }
        text += "Content-Length: \(reply.body.count)\r\n"
        text += "Connection: \(keepAlive ? "keep-alive" : "close")\r\n\r\n"
        var data = Data(text.utf8)
        if head?.method != "HEAD" { data += reply.body }
        try await connection.write(data)
    }

    /// `body`'s result, or `HeadTimeout` once `seconds` have passed (the body is then cancelled).
    private func withDeadline<T: Sendable>(_ seconds: Double, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
                throw HeadTimeout()
            }
            defer { group.cancelAll() }
            return try await group.next()!
        }
    }
}
