import ArgumentParser
import Foundation
import PasserelleCore

/// `passerelle new SECTION SLUG`: creates the files of a new entry in every language.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "new", abstract: "Create a new entry in every language, with the front matter its section needs.")

    @Argument(help: "The section folder, as declared in site.yaml (e.g. events).")
    var section: String

    @Argument(help: "The slug: the file name and default URL (letters, digits and '-').")
    var slug: String

    @Option(help: "The content folder.")
    var content = "content"

    @Option(name: .customLong("title-fr"), help: "The French title.")
    var titleFR: String?

    @Option(name: .customLong("title-en"), help: "The English title.")
    var titleEN: String?

    @Option(name: .customLong("title"), help: "A title for any language, as CODE=TEXT (repeatable).")
    var titles: [String] = []

    func run() throws {
        let (config, contentURL, cwd) = try ContentConfig.load(content)
        guard let sectionConfig = config.section(named: section) else {
            fail("unknown section '\(section)'" + Suggestion.didYouMean(section, in: config.sections.map(\.name))
                 + "; sections: " + config.sections.map(\.name).joined(separator: ", "))
        }
        let safe = !slug.isEmpty && slug.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
            && !slug.hasPrefix("-") && slug != "_index"
        guard safe else { fail("unsafe slug '\(slug)': use lower-case letters, digits and '-'") }
        var byLanguage: [String: String] = [:]
        if let titleFR { byLanguage["fr"] = titleFR }
        if let titleEN { byLanguage["en"] = titleEN }
        for pair in titles {
            guard let equals = pair.firstIndex(of: "=") else { fail("--title takes CODE=TEXT, not '\(pair)'") }
            let code = String(pair[..<equals])
            guard config.language(code) != nil else { fail("unknown language '\(code)'" + Suggestion.didYouMean(code, in: config.languageCodes.map(\.rawValue))) }
            byLanguage[code] = String(pair[pair.index(after: equals)...])
        }
        let folder = contentURL.appendingPathComponent(section)
        let files = config.languages.map { folder.appendingPathComponent("\(slug).\($0.code).md") }
        if let existing = files.first(where: { FileManager.default.fileExists(atPath: $0.path) }) {
            FileHandle.standardError.write(Data("error: \(display(existing, cwd)) already exists; nothing was written\n".utf8))
            throw ExitCode(1)
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let today = CalendarDate(ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init)
            .map { Date(timeIntervalSince1970: $0) } ?? Date())
        let fallbackTitle = slug.split(separator: "-").joined(separator: " ").capitalized
        for (language, file) in zip(config.languages, files) {
            let title = byLanguage[language.code.rawValue] ?? fallbackTitle
            var lines = ["---", "title: \(NewCommand.quoted(title))", "summary: \"\""]
            if sectionConfig.kind == .event {
                lines += ["start: \(today.iso)", "# end: \(today.iso)            # last day, inclusive", "# timezone: Africa/Tunis    # for timed events (start: \(today.iso)T09:00)",
                          "# location: \"\"", "# status: confirmed          # or tentative, cancelled"]
            }
            lines += NewCommand.fieldLines(sectionConfig, language: language.code)
            lines += ["# related: [recommendations/calendar]", "# tags: []", "---", "", ""]
            try Data(lines.joined(separator: "\n").utf8).write(to: file, options: .withoutOverwriting)
            Swift.print("created \(display(file, cwd))")
        }
    }

    private func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        Foundation.exit(2)
    }

    private func display(_ url: URL, _ cwd: URL) -> String {
        url.path.hasPrefix(cwd.path + "/") ? String(url.path.dropFirst(cwd.path.count + 1)) : url.path
    }

    /// The section's typed fields, as comments to fill in (they are all optional), each with
    /// what it takes: `# countries: [SN]          # Pays: ISO 3166-1 codes`.
    static func fieldLines(_ section: SectionConfig, language: LanguageCode) -> [String] {
        section.fields.map { field in
            let (example, what): (String, String)
            switch field.kind {
            case .countries: (example, what) = ("[SN]", "ISO 3166-1 codes, upper case")
            case let .choice(values): (example, what) = (values.first?.key ?? "", values.map(\.key).joined(separator: ", "))
            case .year: (example, what) = ("\(CalendarDate(Date()).year)", "a year")
            case .text: (example, what) = ("\"\"", "a text")
            case let .references(to, _): (example, what) = ("[]", "entries of \(to)")
            }
            let line = "# \(field.name): \(example)"
            return line.padding(toLength: max(line.count + 1, 30), withPad: " ", startingAt: 0) + "# \(field.title(in: language)): \(what)"
        }
    }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
