import ArgumentParser
import Foundation
import PasserelleCore

/// `passerelle translations`: what is left to translate, and `translations mark` to record what a
/// translation was made from.
struct TranslationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translations",
        abstract: "List missing and outdated translations, with what changed in their sources.",
        subcommands: [TranslationsListCommand.self, TranslationsMarkCommand.self],
        defaultSubcommand: TranslationsListCommand.self)
}

/// Lists the missing translations, the outdated ones with their source's changes as a word diff
/// (coloured on a terminal, `[-deleted-]{+inserted+}` in pipes), and those older by date.
/// Exits 1 on content errors, and with `--strict` when anything is missing or outdated.
struct TranslationsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List missing and outdated translations (the default).")

    @OptionGroup var site: SiteOptions

    func run() throws {
        let started = Date()
        var options = site.buildOptions(output: "output")
        options.strict = false
        options.dryRun = true
        let (status, report) = Build(options: options).translationStatus()
        guard let status else {
            try ReportPrinter.finish(report, started: started, verb: "checked", failure: "translations not listed", format: site.format,
                                     workingDirectory: site.workingDirectory)
            return
        }
        let sections = status.sections
        let missing = sections.map(\.missing.count).reduce(0, +), outdated = sections.map(\.outdated.count).reduce(0, +)
        let stale = sections.map(\.stale.count).reduce(0, +)
        switch site.format {
        case .json:
            Swift.print("{\"ok\":\(!report.diagnostics.hasErrors),\"diagnostics\":\(DiagnosticFormatter.json(report.diagnostics)),\"status\":"
                        + status.json.trimmingCharacters(in: .newlines) + "}")
        case .text:
            let colour = isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
                && ProcessInfo.processInfo.environment["TERM"] != "dumb"
            for section in sections {
                for item in section.missing {
                    Swift.print("missing: \(item.id) (\(item.title)): no \(item.missing.map(\.rawValue).joined(separator: ", ")) text")
                }
                for item in section.outdated {
                    let now = String(item.current.prefix(max(7, item.recorded.count)))
                    Swift.print("outdated: \(item.file): translated from \(item.sourceLanguage):\(item.recorded); \(item.sourceFile) is now \(item.sourceLanguage):\(now)")
                    if let changes = item.changes {
                        Swift.print(WordDiffText.excerpts(changes, colour: colour))
                    } else {
                        Swift.print("    (git no longer has \(item.sourceLanguage):\(item.recorded): its changes cannot be shown)")
                    }
                }
                for item in section.stale {
                    Swift.print("older: \(item.id) (\(item.title)): \(item.language) \(item.date.iso) < \(item.sourceLanguage) \(item.sourceDate.iso)")
                }
            }
            FileHandle.standardError.write(Data("translations: \(missing) missing, \(outdated) outdated, \(stale) older by date\n".utf8))
        }
        if site.source.strict && (missing + outdated + stale) > 0 { throw ExitCode(1) }
    }
}

/// Records in each FILE the git blob id of the text it was translated from, editing only that
/// front-matter line. Exits 1 if a file cannot be marked, 2 on a usage error.
struct TranslationsMarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "mark", abstract: "Record the current version of each file's source in its front matter.")

    @Option(help: "The content folder.")
    var content = "content"

    @Option(help: "The language the files were translated from (default: the one they record, else the site's first).")
    var from: String?

    @Option(help: "How to print the result: text or json.")
    var format: OutputFormat = .text

    @Argument(help: "The translations to mark.")
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one FILE to mark") }
    }

    func run() throws {
        let (config, contentURL, cwd) = try ContentConfig.load(content)
        let display = { (url: URL) -> String in
            let path = url.standardizedFileURL.path, base = cwd.standardizedFileURL.path
            return path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : path
        }
        let marker = TranslationMarker(content: contentURL, config: config, display: display)
        var marked: [TranslationMarker.Marked] = [], failures: [Diagnostic] = []
        for file in files {
            switch marker.mark(URL(fileURLWithPath: file, relativeTo: cwd), from: from.map { LanguageCode($0) }) {
            case let .success(done): marked.append(done)
            case let .failure(diagnostic): failures.append(diagnostic)
            }
        }
        switch format {
        case .json:
            let items = marked.map { "{\"file\":\(JSONText.string($0.file)),\"source\":\(JSONText.string($0.source)),\"translated_from\":\(JSONText.string("\($0.language):\($0.blob)"))}" }
            Swift.print("{\"ok\":\(failures.isEmpty),\"marked\":[\(items.joined(separator: ","))],\"diagnostics\":\(DiagnosticFormatter.json(failures))}")
        case .text:
            for diagnostic in failures { FileHandle.standardError.write(Data((diagnostic.formatted + "\n").utf8)) }
            for done in marked { Swift.print("marked \(done.file): translated from \(done.language):\(done.blob.prefix(12)) (\(done.source))") }
        }
        if !failures.isEmpty { throw ExitCode(1) }
    }
}

/// A word diff for a terminal: the changed places with a little of the text around them.
enum WordDiffText {
    static func excerpts(_ segments: [WordDiff.Segment], colour: Bool, context: Int = 40) -> String {
        var out = "    "
        for (index, segment) in segments.enumerated() {
            switch segment.change {
            case .kept:
                var text = segment.text
                let first = index == 0, last = index == segments.count - 1
                if text.count > 2 * context + 5 || (first && text.count > context) || (last && text.count > context) {
                    let head = first ? "" : String(text.prefix(context))
                    let tail = last ? "" : String(text.suffix(context))
                    text = head + "…" + tail
                }
                out += text
            case .deleted: out += colour ? "\u{1B}[31;9m\(segment.text)\u{1B}[0m" : "[-\(segment.text)-]"
            case .inserted: out += colour ? "\u{1B}[32m\(segment.text)\u{1B}[0m" : "{+\(segment.text)+}"
            }
        }
        return out.replacingOccurrences(of: "\n", with: "\n    ")
    }
}
