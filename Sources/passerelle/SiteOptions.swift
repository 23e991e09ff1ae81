import ArgumentParser
import Foundation
import PasserelleCore

/// Options shared by the commands that read a site.
struct SiteOptions: ParsableArguments {
    @Option(help: "The content folder.")
    var content = "content"

    @Option(help: "The theme: a name under themes/, or a path (default: the theme named in site.yaml).")
    var theme: String?

    @Flag(help: "Include entries marked draft: true.")
    var drafts = false

    @Flag(help: "Treat warnings (such as missing translations) as errors.")
    var strict = false

    func buildOptions(output: String) -> Build.Options {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        var options = Build.Options(content: URL(fileURLWithPath: content, relativeTo: cwd).standardizedFileURL,
                                    output: URL(fileURLWithPath: output, relativeTo: cwd).standardizedFileURL,
                                    theme: theme)
        options.includeDrafts = drafts
        options.strict = strict
        options.workingDirectory = cwd
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = TimeInterval(epoch) {
            options.buildDate = Date(timeIntervalSince1970: seconds)
        }
        return options
    }
}

/// Prints a build report the way every command does, and turns it into an exit code.
enum ReportPrinter {
    static func finish(_ report: Build.Report, started: Date, verb: String) throws {
        for diagnostic in report.diagnostics {
            FileHandle.standardError.write(Data((diagnostic.formatted + "\n").utf8))
        }
        if let usage = report.usageError {
            FileHandle.standardError.write(Data("error: \(usage)\n".utf8))
            throw ExitCode(2)
        }
        let errors = report.diagnostics.errors.count
        let warnings = report.diagnostics.warnings.count
        let elapsed = Int((Date().timeIntervalSince(started) * 1000).rounded())
        if report.succeeded {
            let pages = report.languages.map { "\(report.pagesPerLanguage[$0] ?? 0) \($0)" }.joined(separator: ", ")
            print("\(verb): \(pages) pages, \(warnings) warning\(warnings == 1 ? "" : "s"), \(elapsed) ms")
        } else {
            FileHandle.standardError.write(Data("\(verb) failed: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"); nothing was written\n".utf8))
            throw ExitCode(1)
        }
    }
}
