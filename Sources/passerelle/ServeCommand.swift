import ArgumentParser
import Dispatch
import Foundation
import PasserelleCore
import PasserelleModel
import PasserelleServe

/// `passerelle serve`: a live preview on loopback that rebuilds on every save.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Preview the site, rebuilding and reloading on every change.")

    @OptionGroup var site: SiteOptions

    @Option(help: "The port to listen on (0: any free port).")
    var port: UInt16 = 8080

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    func run() async throws {
        var options = site.buildOptions(output: "output")
        options.progress = nil
        let format = site.format
        let cwd = site.workingDirectory
        let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init)
        let server = DevServer(options: options, host: host, port: port,
                               clock: { epoch.map { Date(timeIntervalSince1970: $0) } ?? Date() }) { message in
            FileHandle.standardError.write(Data((message + "\n").utf8))
        }
        let started = Date()
        let first = await server.rebuild()
        ReportPrinter.print(first, started: started, verb: "built", failure: "build failed", format: format, workingDirectory: cwd)
        if first.usageError != nil {
            await server.stop() // Its private folder goes with it, on every way out.
            throw ExitCode(2)
        }
        let bound: UInt16
        do { bound = try await server.start() } catch {
            FileHandle.standardError.write(Data("error: cannot listen on \(host):\(port): \(error)\n".utf8))
            await server.stop()
            throw ExitCode(2)
        }
        Swift.print("serving http://\(host):\(bound)/ (Ctrl-C to stop)")
        fflush(nil) // every stream: stdout is a C global, not concurrency-safe to name
        var folders = [options.content, options.content.deletingLastPathComponent().appendingPathComponent("themes")]
        if let theme = site.theme, theme.contains("/") { folders.append(URL(fileURLWithPath: theme, relativeTo: cwd).standardizedFileURL) }
        server.watch(folders: folders) { report, seconds in
            ReportPrinter.print(report, started: Date().addingTimeInterval(-seconds), verb: "rebuilt", failure: "rebuild failed (the last good build is still served)", format: format, workingDirectory: cwd)
            fflush(nil)
        }
        await ServeCommand.waitForInterrupt()
        FileHandle.standardError.write(Data("stopping\n".utf8))
        await server.stop()
    }

    /// Suspends until SIGINT or SIGTERM.
    static func waitForInterrupt() async {
        let waiting = Locked<CheckedContinuation<Void, Never>?>(nil)
        let queue = DispatchQueue(label: "passerelle.signals")
        let sources = [SIGINT, SIGTERM].map { signalNumber in
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
            // The first signal resumes the wait; later ones find nothing to resume.
            source.setEventHandler { waiting.withLock { $0.take() }?.resume() }
            return source
        }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            waiting.withLock { $0 = continuation }
            sources.forEach { $0.resume() }
        }
        sources.forEach { $0.cancel() }
    }
}
