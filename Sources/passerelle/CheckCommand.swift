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
        // The process ends with the build: it exits while the keeper holds the site model.
        let keeper = ValueKeeper()
        options.keeper = keeper
        let report = Build(options: options).run()
        ReportPrinter.finish(keeping: keeper, report, started: started, verb: "checked", failure: "check failed", format: site.format, workingDirectory: site.workingDirectory)
    }
}
