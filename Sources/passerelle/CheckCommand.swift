import ArgumentParser
import Foundation
import PasserelleCore

/// `passerelle check`: validates everything a build would, and writes nothing.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Validate the content and theme without writing anything.")

    @OptionGroup var site: SiteOptions

    func run() throws {
        let started = Date()
        var options = site.buildOptions(output: "output")
        options.dryRun = true
        options.freesMemory = false // the process ends with the build
        let report = Build(options: options).run()
        try ReportPrinter.finish(report, started: started, verb: "checked", failure: "check failed", format: site.format, workingDirectory: site.workingDirectory)
    }
}
