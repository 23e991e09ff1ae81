import Foundation
import PasserelleCore
import PasserelleModel

/// `passerelle serve`: builds the site into memory, serves it on loopback, watches the content and
/// the theme, rebuilds on change, and tells open pages to reload (or shows the errors). Nothing is
/// written to `build`'s output; the build cache of its rebuilds lives in a private folder.
public final class DevServer: Sendable {
    public let options: Build.Options
    public let host: String
    public let port: UInt16
    /// The site served: the last build that succeeded.
    public let served = MemoryOutput()
    /// The private folder of the rebuilds' cache, removed by `stop`.
    private let scratch: URL
    public let reload = LiveReload()
    private let log: @Sendable (String) -> Void
    /// The listening server and the watching task, once started.
    private let running = Locked<(server: LoopbackHTTPServer?, watchTask: Task<Void, Never>?)>((nil, nil))

    /// The clock of each rebuild (the CLI's reads `SOURCE_DATE_EPOCH`).
    private let clock: @Sendable () -> Date

    public init(options: Build.Options, host: String, port: UInt16, clock: @escaping @Sendable () -> Date = { Date() },
                log: @escaping @Sendable (String) -> Void) {
        self.clock = clock
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("passerelle-serve-\(getpid())-\(UUID().uuidString.prefix(8))")
        var options = options
        // Never written (the builds go to memory): it names the output in the cache's record.
        options.output = scratch.appendingPathComponent("site")
        // The builds' cache lives as long as the server: a save that changes only an entry's
        // text rebuilds in a fraction of a full build.
        options.cacheFolder = scratch.appendingPathComponent("cache")
        self.scratch = scratch
        self.options = options
        self.host = host
        self.port = port
        self.log = log
    }

    /// Builds once; returns the report so that the caller can print it.
    @discardableResult
    public func rebuild() async -> Build.Report {
        var options = self.options
        options.buildDate = clock()
        let report = Build(options: options, into: served).run()
        await reload.publish(report.succeeded ? report.diagnostics : report.diagnostics + (report.usageError.map {
            [Diagnostic.error(SourceLocation(path: "passerelle"), $0)]
        } ?? []))
        return report
    }

    /// Starts listening; returns the port actually bound (useful with port 0). Throws
    /// `LoopbackHTTPServer.ListenError` with the reason in words (a busy port, a host that is not loopback).
    public func start() async throws -> UInt16 {
        let handler = SiteFileHandler(output: served, reload: reload)
        let server = LoopbackHTTPServer(host: host) { request in await handler.handle(request) }
        let bound = try await server.start(port: port)
        running.withLock { $0.server = server }
        return bound
    }

    /// Watches the content folder, the theme and `site.yaml`; rebuilds when they change.
    public func watch(folders: [URL], onRebuild: @escaping @Sendable (Build.Report, TimeInterval) -> Void) {
        let watcher = ContentWatcher(folders: folders)
        log("watching \(folders.map(\.path).joined(separator: ", ")) (\(watcher.method))")
        let watchTask = Task.detached { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: 200_000_000)
                guard watcher.hasChanges(), let self else { continue }
                // Let a burst of writes (an editor saving several files) settle.
                try? await Task.sleep(nanoseconds: 120_000_000)
                _ = watcher.hasChanges()
                let started = Date()
                let report = await self.rebuild()
                onRebuild(report, Date().timeIntervalSince(started))
            }
        }
        running.withLock { $0.watchTask = watchTask }
    }

    /// Stops serving and watching, and removes the cache's folder.
    /// A rebuild under way when it is called finishes first: it would write into the folder again.
    public func stop() async {
        let (server, watchTask) = running.withLock { $0 }
        watchTask?.cancel()
        await watchTask?.value
        await server?.stop()
        try? FileManager.default.removeItem(at: scratch)
    }
}
