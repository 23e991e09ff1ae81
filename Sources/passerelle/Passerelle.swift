import ArgumentParser
// Linked in for its allocator, which replaces the C library's (see Package.swift), with its
// default of 4 KiB pages: asking it for 2 MB pages (transparent huge pages) made each fault of a
// fresh page zero 2 MB, which on this VM cost 2-4 s of system time in a cold 10,000-entry build.
import CMimalloc
import Foundation

/// The `passerelle` command: builds bilingual static knowledge bases.
@main
struct Passerelle: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "passerelle",
        abstract: "Build a bilingual static knowledge base from Markdown.",
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, NewCommand.self, BundleCommand.self, TranslationsCommand.self, InitCommand.self],
        defaultSubcommand: BuildCommand.self
    )

    /// Runs the command; usage errors exit with 2 as the content contract says (not ArgumentParser's 64).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
