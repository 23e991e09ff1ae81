import PasserelleMarkdown
import PasserelleModel
import PasserelleTemplates

/// The page of every entry in every language: its text (or the text of another language, with a
/// notice), its dates, tags, event details, related entries and backlinks.
package struct EntryPages: PageKind {
    package var name: String { "entry" }
    package var templates: [String] { ["entry"] }
    package var keys: [String] {
        ["entry", "html", "sectionTitle", "sectionURL", "textLang", "fallbackNotice", "date", "dateISO", "updated",
         "updatedISO", "tags", "hasTags", "location", "externalURL", "event", "startISO", "status", "statusLabel",
         "isCancelled", "showStatus", "timezone", "icsURL", "category", "related", "hasRelated", "backlinkGroups",
         "hasBacklinks", "entries"]
    }

    package func jobs(in site: Site) -> [PageJob] {
        let ids = site.entries.keys.sorted()
        return site.languageCodes.flatMap { language in
            ids.map { PageJob(language: language, subject: .entry($0)) }
        }
    }

    package func jobs(showing edits: [String: Set<String>], in site: Site) -> [PageJob] {
        site.languageCodes.flatMap { language in
            (edits[language] ?? []).filter { site.entries[$0] != nil }.sorted().map { PageJob(language: language, subject: .entry($0)) }
        }
    }

    package func bodies(of job: PageJob, in site: Site) -> BodyUse {
        guard case let .entry(id) = job.subject else { return .none }
        return .own(id)
    }

    package func render(_ job: PageJob, _ renderer: PageRenderer, pages: [PageRenderer.Page]) -> [PageRenderer.Page] {
        guard case let .entry(id) = job.subject, let entry = renderer.site.entries[id] else { return [] }
        return [renderer.renderEntry(entry, job.language)]
    }
}

extension PageRenderer {
    package func renderEntry(_ entry: Entry, _ language: String) -> Page {
        let page = entry.pages[language]!
        let variant = entry.variants[page.textLanguage]!
        let meta = variant.metadata
        let path = page.outputPath
        var context = chrome(language: language, path: path, title: meta.title) { entry.pages[$0]!.outputPath }
        let dates = dateText[language]!
        let t = theme.strings[language] ?? [:]
        var item: TemplateRecord = [
            "title": meta.title, "html": page.html,
            "sectionTitle": entry.section.title(in: language),
            "sectionURL": SitePaths.relative(from: path, to: SitePaths.section(entry.section, language)),
        ]
        if page.isFallback {
            item["textLang"] = page.textLanguage
            item["fallbackNotice"] = (t["fallback_notice"] ?? "")
                .replacingOccurrences(of: "{language}", with: site.config.language(page.textLanguage)?.name ?? page.textLanguage)
        }
        if let summary = meta.summary {
            item["summary"] = summary
            context["description"] = summary
        }
        if let category = meta.category { item["category"] = category }
        if let date = meta.date { item["date"] = dates.day(date); item["dateISO"] = date.iso }
        if let updated = meta.updated { item["updated"] = dates.day(updated); item["updatedISO"] = updated.iso }
        if !meta.tags.isEmpty {
            item["tags"] = meta.tags.map { ["name": $0, "url": SitePaths.relative(from: path, to: SitePaths.tag(TagIndex.slug(for: $0), site.config, language))] }
            item["hasTags"] = true
        }
        if let location = meta.location { item["location"] = location }
        if let url = meta.url, !URLSafety.isDangerous(url) { item["externalURL"] = url }
        if let event = meta.event {
            var details: TemplateRecord = [
                "when": eventTimes[language]?[entry.id] ?? dates.event(event),
                "startISO": event.start.date.iso,
                "status": event.status.rawValue,
                "statusLabel": t["status_\(event.status.rawValue)"] ?? event.status.rawValue,
                "isCancelled": event.status == .cancelled,
            ]
            if event.status != .confirmed { details["showStatus"] = true }
            details["icsURL"] = page.slug + ".ics"
            if let zone = event.timezone { details["timezone"] = zone }
            item["event"] = details
        }
        let related = page.related.compactMap { site.entries[$0] }.map { entryLink($0, language: language, from: path) }
        if !related.isEmpty { item["related"] = related; item["hasRelated"] = true }
        var backlinkGroups: [TemplateRecord] = []
        // Each source looked up once, then per section in listing order (its rank read once, not
        // at each comparison).
        let sources = page.backlinks.compactMap { id in site.entries[id].map { (id: id, entry: $0) } }
        for section in site.sections {
            let rank = ranks[language]?[section.config.name] ?? [:]
            let ranked = sources.filter { $0.entry.section.name == section.config.name }.map { (rank: rank[$0.id] ?? 0, source: $0) }
            guard !ranked.isEmpty else { continue }
            let sorted = ranked.sorted { ($0.rank, $0.source.id) < ($1.rank, $1.source.id) }
            backlinkGroups.append(["sectionTitle": section.config.title(in: language),
                                   "entries": sorted.map { entryLink($0.source.entry, language: language, from: path) }])
        }
        if !backlinkGroups.isEmpty { item["backlinkGroups"] = backlinkGroups; item["hasBacklinks"] = true }
        context["entry"] = item
        var written = self.page("entry", context, path: path) { entry.pages[$0]!.outputPath }
        written.lastModified = meta.updated ?? meta.date
        return written
    }
}
