import ArgumentParser
import Foundation
import PasserelleCore

/// `passerelle build`: builds the site into the output folder, replacing it only on success.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: "Build the site into the output folder.")

    @OptionGroup var site: SiteOptions

    @Option(help: "The output folder (replaced as a whole by a successful build).")
    var output = "output"

    @Flag(help: "Replace the output folder even if Passerelle did not write it (it has no .passerelle-output marker).")
    var force = false

    @Flag(help: "Write beside every .html .css .js .json .xml .ics .svg file of at least 1 KB its .gz and .br, when smaller (nginx gzip_static, brotli_static).")
    var precompress = false

    @Flag(name: .customLong("offline-bundles"), help: "Also write the site as one zip and one ZIM (for Kiwix) under offline/, linked from every page's footer with their sizes.")
    var offlineBundles = false

    @Flag(name: .customLong("no-cache"), help: "Neither use nor write .passerelle-cache/ (the record and snapshot that let the next build skip or narrow its work): for a build whose folder is thrown away after it, as in CI.")
    var noCache = false

    func run() throws {
        let started = Date()
        var options = site.buildOptions(output: output)
        options.force = force
        options.precompress = precompress
        options.offlineBundles = offlineBundles
        options.useBuildCache = !noCache
        // The process ends with the build: it exits while the keeper holds the site model.
        let keeper = ValueKeeper()
        options.keeper = keeper
        let report = Build(options: options).run()
        ReportPrinter.finish(keeping: keeper, report, started: started, verb: "built", failure: "build failed; output/ was left as it was", format: site.format, workingDirectory: site.workingDirectory)
    }
}
