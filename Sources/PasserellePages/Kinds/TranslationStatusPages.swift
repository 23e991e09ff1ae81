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
        context["alternates"] = [] as [TemplateRecord]
        context["noindex"] = true
        let names = Dictionary(uniqueKeysWithValues: site.config.languages.map { ($0.code, $0.name) })
        func link(_ id: EntryID) -> String {
            SitePaths.relative(from: path, to: site[id].pages[language].outputPath)
        }
        context["sections"] = status.sections.map { section -> TemplateRecord in
            ["title": section.section.title(in: language),
             "missing": section.missing.map { ["id": $0.id, "title": $0.title, "url": link($0.id),
                                               "present": $0.present.map { names[$0] ?? $0.rawValue }.joined(separator: ", "),
                                               "absent": $0.missing.map { names[$0] ?? $0.rawValue }.joined(separator: ", ")] },
             "stale": section.stale.map { ["id": $0.id, "title": $0.title, "url": link($0.id),
                                           "language": names[$0.language] ?? $0.language.rawValue, "date": $0.date.iso,
                                           "source": names[$0.sourceLanguage] ?? $0.sourceLanguage.rawValue, "sourceDate": $0.sourceDate.iso] },
             "outdated": section.outdated.map { item -> TemplateRecord in
                 var record: TemplateRecord = ["id": item.id, "title": item.title, "url": link(item.id), "file": item.file,
                                               "language": names[item.language] ?? item.language.rawValue,
                                               "source": names[item.sourceLanguage] ?? item.sourceLanguage.rawValue, "sourceFile": item.sourceFile,
                                               "recorded": item.recorded, "current": String(item.current.prefix(max(7, item.recorded.count)))]
                 if let changes = item.changes {
                     record["changes"] = changes.map { segment -> TemplateRecord in
                         switch segment.change {
                         case .kept: return ["kept": segment.text]
                         case .inserted: return ["inserted": segment.text]
                         case .deleted: return ["deleted": segment.text]
                         }
                     }
                 } else {
                     record["noHistory"] = true
                 }
                 return record
             },
             "clean": section.missing.isEmpty && section.stale.isEmpty && section.outdated.isEmpty]
        }
        context["missingCount"] = status.sections.map(\.missing.count).reduce(0, +)
        context["staleCount"] = status.sections.map(\.stale.count).reduce(0, +)
        context["outdatedCount"] = status.sections.map(\.outdated.count).reduce(0, +)
        return [Page(path: "translation-status.json", content: status.json),
                Page(path: path, content: theme.render("status", context))]
    }
}
