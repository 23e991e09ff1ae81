import PasserelleModel
import PasserelleTemplates

/// `translation-status.json` and the editors' page `translation-status.html`: for each section, the
/// entries missing a translation and those whose translation is older than its source.
package struct TranslationStatusPages: PageKind {
    package var name: String { "translation status" }
    package var templates: [String] { ["status"] }
    package var keys: [String] {
        ["sections", "missing", "stale", "clean", "id", "present", "absent", "language", "source", "date", "sourceDate",
         "missingCount", "staleCount", "outdated", "outdatedCount", "file", "sourceFile", "recorded", "current", "changes",
         "kept", "inserted", "deleted", "noHistory"]
    }

    package func jobs(in site: Site) -> [PageJob] { [.atRoot] }

    package func render(_ job: PageJob, _ renderer: PageRenderer, pages: [PageRenderer.Page]) -> [PageRenderer.Page] {
        renderer.renderTranslationStatus(TranslationStatus(site: renderer.site, commitDays: renderer.commitDays(), recordedText: renderer.recordedText))
    }
}

extension PageRenderer {
    /// `translation-status.json` and the editors' page `translation-status.html` (not linked from reader menus).
    func renderTranslationStatus(_ status: TranslationStatus) -> [Page] {
        let language = site.config.defaultLanguage.code
        let path = "translation-status.html"
        var context = chrome(language: language, path: path, title: theme.strings(language)["status_title"]) { _ in path }
        context["alternates"] = .records([] as [TemplateRecord])
        context["noindex"] = true
        let names = Dictionary(uniqueKeysWithValues: site.config.languages.map { ($0.code, $0.name) })
        func link(_ id: EntryID) -> String {
            SitePaths.relative(from: path, to: site[id].pages[language].outputPath)
        }
        context["sections"] = .records(status.sections.map { section -> TemplateRecord in
            ["title": .text(section.section.title(in: language)),
             "missing": .records(section.missing.map { ["id": .text($0.id.rawValue), "title": .text($0.title), "url": .text(link($0.id)),
                                               "present": .text($0.present.map { names[$0] ?? $0.rawValue }.joined(separator: ", ")),
                                               "absent": .text($0.missing.map { names[$0] ?? $0.rawValue }.joined(separator: ", "))] }),
             "stale": .records(section.stale.map { ["id": .text($0.id.rawValue), "title": .text($0.title), "url": .text(link($0.id)),
                                           "language": .text(names[$0.language] ?? $0.language.rawValue), "date": .text($0.date.iso),
                                           "source": .text(names[$0.sourceLanguage] ?? $0.sourceLanguage.rawValue), "sourceDate": .text($0.sourceDate.iso)] }),
             "outdated": .records(section.outdated.map { item -> TemplateRecord in
                 var record: TemplateRecord = ["id": .text(item.id.rawValue), "title": .text(item.title), "url": .text(link(item.id)), "file": .text(item.file),
                                               "language": .text(names[item.language] ?? item.language.rawValue),
                                               "source": .text(names[item.sourceLanguage] ?? item.sourceLanguage.rawValue), "sourceFile": .text(item.sourceFile),
                                               "recorded": .text(item.recorded), "current": .text(String(item.current.prefix(max(7, item.recorded.count))))]
                 if let changes = item.changes {
                     record["changes"] = .records(changes.map { segment -> TemplateRecord in
                         switch segment.change {
                         case .kept: return ["kept": .text(segment.text)]
                         case .inserted: return ["inserted": .text(segment.text)]
                         case .deleted: return ["deleted": .text(segment.text)]
                         }
                     })
                 } else {
                     record["noHistory"] = true
                 }
                 return record
             }),
             "clean": .bool(section.missing.isEmpty && section.stale.isEmpty && section.outdated.isEmpty)]
        })
        context["missingCount"] = .number(status.sections.map(\.missing.count).reduce(0, +))
        context["staleCount"] = .number(status.sections.map(\.stale.count).reduce(0, +))
        context["outdatedCount"] = .number(status.sections.map(\.outdated.count).reduce(0, +))
        return [Page(path: "translation-status.json", content: status.json),
                Page(path: path, content: theme.render("status", context))]
    }
}
