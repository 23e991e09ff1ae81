import ArgumentParser
import Foundation
import PasserelleCore

/// `passerelle init DIR --languages fr,en,ar`: a new site that builds (`SiteScaffold`).
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Create a new site: site.yaml, one section, a home text per language, and the default theme.")

    @Argument(help: "The folder of the new site (made if missing).")
    var folder: String

    @Option(help: "The languages, the default first: fr,en,ar.")
    var languages = "fr,en"

    @Option(help: "The site's title.")
    var title = "Passerelle"

    @Option(help: "The theme to copy (default: Passerelle's own default theme).")
    var theme: String?

    func run() throws {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let scaffold = SiteScaffold(languages: languages.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }, title: title)
        if let problem = scaffold.problem { fail(problem) }
        guard let themeURL = theme.map({ URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL }) ?? InitCommand.defaultTheme(),
              FileManager.default.fileExists(atPath: themeURL.appendingPathComponent("templates/base.mustache").path) else {
            fail("no theme to copy: pass --theme PATH (a folder with templates/base.mustache)")
        }
        let target = URL(fileURLWithPath: folder, relativeTo: cwd).standardizedFileURL
        do {
            try scaffold.write(into: target, theme: themeURL)
        } catch let refusal as SiteScaffold.Refusal {
            fail(refusal.message)
        }
        Swift.print("created \(folder)/content (\(scaffold.languages.joined(separator: ", "))) and \(folder)/themes/default")
        Swift.print("next: cd \(folder) && passerelle build, or passerelle new articles first-article")
    }

    /// The default theme beside the executable: `themes/default` in the checkout it was built in
    /// (`.build/release/passerelle`), or next to an installed one (`share/passerelle/themes`).
    static func defaultTheme() -> URL? {
        var folder = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            for candidate in ["themes/default", "share/passerelle/themes/default"] {
                let url = folder.appendingPathComponent(candidate)
                if FileManager.default.fileExists(atPath: url.appendingPathComponent("templates/base.mustache").path) { return url }
            }
            folder.deleteLastPathComponent()
        }
        return nil
    }

    private func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        Foundation.exit(2)
    }
}
