import ArgumentParser
import Foundation
import PasserelleCore

/// How diagnostics and summaries are printed.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Where a site comes from and how it is read: the options every command that builds shares.
struct SourceOptions: ParsableArguments {
    @Option(help: "The content folder.")
    var content = "content"

    @Option(help: "The theme: a name under themes/, or a path (default: the theme named in site.yaml).")
    var theme: String?

    @Flag(help: "Include entries marked draft: true.")
    var drafts = false

    @Flag(help: "Treat warnings (such as missing translations) as errors.")
    var strict = false

    @Option(name: .customLong("base-url"), help: "Publish at this address instead of site.yaml's baseURL (previews).")
    var baseURL: String?

    var workingDirectory: URL { URL(fileURLWithPath: FileManager.default.currentDirectoryPath) }

    /// The build options these give, with the environment's clock and timings; a progress line
    /// when diagnostics are printed as text on a terminal.
    func buildOptions(output: String, format: OutputFormat) -> Build.Options {
        let cwd = workingDirectory
        var options = Build.Options(content: URL(fileURLWithPath: content, relativeTo: cwd).standardizedFileURL,
                                    output: URL(fileURLWithPath: output, relativeTo: cwd).standardizedFileURL,
                                    theme: theme)
        options.includeDrafts = drafts
        options.strict = strict
        options.baseURL = baseURL
        options.workingDirectory = cwd
        options.showsTimings = ProcessInfo.processInfo.environment["PASSERELLE_TIMINGS"] != nil
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = TimeInterval(epoch) {
            options.buildDate = Date(timeIntervalSince1970: seconds)
        }
        if format == .text && Terminal.isInteractive {
            options.progress = { Terminal.progress($0) }
        }
        return options
    }
}

/// Options shared by the commands that read a site and report on it: the source, and `--format`.
struct SiteOptions: ParsableArguments {
    @OptionGroup var source: SourceOptions

    @Option(help: "How to print diagnostics: text (path:line:column: error: …) or json, for tools.")
    var format: OutputFormat = .text

    var theme: String? { source.theme }
    var workingDirectory: URL { source.workingDirectory }

    func buildOptions(output: String) -> Build.Options { source.buildOptions(output: output, format: format) }
}

/// What the standard error stream is attached to.
enum Terminal {
    /// A person is watching: standard error is a terminal, and this is not CI.
    static var isInteractive: Bool {
        isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["CI"] == nil
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    /// Rewrites the progress line in place.
    static func progress(_ message: String) {
        FileHandle.standardError.write(Data("\r\u{1B}[2K… \(message)".utf8))
    }

    static func clearProgress() {
        if isInteractive { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
    }
}

/// Prints a build report the way every command does, and turns it into an exit code.
enum ReportPrinter {
    static func print(_ report: Build.Report, started: Date, verb: String, failure: String, format: OutputFormat, workingDirectory: URL) {
        Terminal.clearProgress()
        let elapsed = Int((Date().timeIntervalSince(started) * 1000).rounded())
        switch format {
        case .json:
            var diagnostics = report.diagnostics
            if let usage = report.usageError { diagnostics.append(.error(SourceLocation(path: "passerelle"), usage)) }
            let pages = report.languages.map { "\"\($0)\":\(report.pagesPerLanguage[$0] ?? 0)" }.joined(separator: ",")
            Swift.print("{\"ok\":\(report.succeeded),\"pages\":{\(pages)},\"milliseconds\":\(elapsed),\"diagnostics\":\(DiagnosticFormatter.json(diagnostics))}")
        case .text:
            let annotate = Terminal.isInteractive
            for diagnostic in report.diagnostics {
                let text = DiagnosticFormatter.text(diagnostic, annotate: annotate) {
                    DiagnosticFormatter.readLine($0, relativeTo: workingDirectory)
                }
                FileHandle.standardError.write(Data((text + "\n").utf8))
            }
            if let usage = report.usageError {
                FileHandle.standardError.write(Data("error: \(usage)\n".utf8))
                return
            }
            let errors = report.diagnostics.errors.count
            let warnings = report.diagnostics.warnings.count
            let plural = { (n: Int, word: String) in "\(n) \(word)\(n == 1 ? "" : "s")" }
            if report.succeeded {
                let pages = report.languages.map { "\(report.pagesPerLanguage[$0] ?? 0) \($0)" }.joined(separator: ", ")
                let scope = report.textsRebuilt.map { " (only what \(plural($0, "edited text")) changed)" } ?? ""
                Swift.print("\(verb): \(pages) pages, \(plural(warnings, "warning")), \(elapsed) ms\(scope)")
            } else {
                FileHandle.standardError.write(Data("\(failure): \(plural(errors, "error")), \(plural(warnings, "warning"))\n".utf8))
            }
        }
    }

    static func finish(_ report: Build.Report, started: Date, verb: String, failure: String, format: OutputFormat, workingDirectory: URL) throws {
        print(report, started: started, verb: verb, failure: failure, format: format, workingDirectory: workingDirectory)
        if report.usageError != nil { throw ExitCode(2) }
        if !report.succeeded { throw ExitCode(1) }
    }

    /// Prints the report and ends the process with its exit code while `keeper` still holds the
    /// build's values: the system reclaims them at once (see `ValueKeeper`).
    static func finish(keeping keeper: ValueKeeper, _ report: Build.Report, started: Date, verb: String, failure: String,
                       format: OutputFormat, workingDirectory: URL) -> Never {
        print(report, started: started, verb: verb, failure: failure, format: format, workingDirectory: workingDirectory)
        withExtendedLifetime(keeper) {
            Foundation.exit(report.usageError != nil ? 2 : report.succeeded ? 0 : 1)
        }
    }
}

/// The site.yaml of a content folder, for the commands that write into it (`new`, `translations
/// mark`): its diagnostics printed; exit 1 when it has errors, 2 when it is missing.
enum ContentConfig {
    static func load(_ content: String) throws -> (config: SiteConfig, folder: URL, workingDirectory: URL) {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let folder = URL(fileURLWithPath: content, relativeTo: cwd).standardizedFileURL
        let (config, diagnostics) = ContentLoader(contentDirectory: folder, displayRoot: content).loadConfig()
        for diagnostic in diagnostics { FileHandle.standardError.write(Data((diagnostic.formatted + "\n").utf8)) }
        guard let config else { throw ExitCode(diagnostics.isEmpty ? 2 : 1) }
        return (config, folder, cwd)
    }
}
