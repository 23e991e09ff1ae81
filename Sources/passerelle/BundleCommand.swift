import ArgumentParser
import Foundation
import PasserelleCore

extension BundleFormat: ExpressibleByArgument {}

/// `passerelle bundle`: the site as one file, a zip to copy or a ZIM to open in Kiwix.
struct BundleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bundle",
        abstract: "Build the site as one file: a zip that unzips to the built tree, or a ZIM for Kiwix.")

    @OptionGroup var source: SourceOptions

    @Option(help: "The bundle's format: zip or zim.")
    var format: BundleFormat

    @Option(help: "The file to write (outside the output and content folders); replaced only once written whole.")
    var output: String

    @Option(help: "How to print diagnostics: text or json, for tools.")
    var report: OutputFormat = .text

    func run() throws {
        let started = Date()
        var options = source.buildOptions(output: "output", format: report)
        let keeper = ValueKeeper()
        options.keeper = keeper
        let destination = URL(fileURLWithPath: output, relativeTo: source.workingDirectory).standardizedFileURL
        let result = BundleBuild(options: options, format: format, destination: destination).run()
        ReportPrinter.finish(keeping: keeper, result, started: started, verb: "bundled \(output)",
                             failure: "bundle failed; \(output) was not written", format: report, workingDirectory: source.workingDirectory)
    }
}
