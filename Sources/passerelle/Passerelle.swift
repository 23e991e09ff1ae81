import ArgumentParser
import CMimalloc
import Foundation

/// The `passerelle` command: builds bilingual static knowledge bases.
@main
struct Passerelle: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "passerelle",
        abstract: "Build a bilingual static knowledge base from Markdown.",
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, NewCommand.self],
        defaultSubcommand: BuildCommand.self
    )

    /// Runs the command; usage errors exit with 2 as the content contract says (not ArgumentParser's 64).
    static func main() async {
        // The process allocates through mimalloc (linked in, see Package.swift), which this
        // call makes sure the linker keeps.
        _ = mi_version()
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
