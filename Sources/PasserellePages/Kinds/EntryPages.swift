import Foundation
import PasserelleMarkdown
import PasserelleModel
import PasserelleTemplates

/// The page of every entry in every language: its text (or the text of another language, with a
/// notice), its dates, tags, event details, related entries and backlinks.
package struct EntryPages: PageKind {
    package var name: String { "entry" }
    package var templates: [String] { ["entry"] }
    package var keys: [String] {
        ["entry", "html", "sectionTitle", "sectionURL", "textLang", "textDir", "fallbackNotice", "outdatedNotice", "originalURL", "originalLang", "date", "dateISO", "updated",
         "updatedISO", "tags", "hasTags", "location", "externalURL", "event", "startISO", "status", "statusLabel",
         "isCancelled", "showStatus", "timezone", "icsURL", "category", "related", "hasRelated", "backlinkGroups",
         "hasBacklinks", "entries", "fields", "hasFields", "values", "text", "last", "typedBacklinks", "inverseTitle", "key"]
    }

    package func jobs(in site: Site) -> [PageJob] {
        let ids = site.entryIDs
        return site.languageCodes.flatMap { language in
            ids.map { PageJob(language: language, subject: .entry($0)) }
        }
    }

    package func jobs(showing edits: [LanguageCode: Set<EntryID>], in site: Site) -> [PageJob] {
        site.languageCodes.flatMap { language in
            (edits[language] ?? []).filter { site.entry($0) != nil }.sorted().map { PageJob(language: language, subject: .entry($0)) }
        }
    }

    package func bodies(of job: PageJob, in site: Site) -> BodyUse {
        guard case let .entry(id) = job.subject else { return .none }
        return .own(id)
    }

    package func render(_ job: PageJob, _ renderer: PageRenderer, pages: [PageRenderer.Page]) -> [PageRenderer.Page] {
        guard case let .entry(id) = job.subject, let entry = renderer.site.entry(id) else { return [] }
        return [renderer.renderEntry(entry, job.language)]
    }
}

extension PageRenderer {
    package func renderEntry(_ entry: Entry, _ language: LanguageCode) -> Page {
        let page = entry.pages[language]
        let variant = entry.shownText(in: language)
        let meta = variant.metadata
        let path = page.outputPath
        // Only the languages that have the text are its versions (CONTENT.md, "Fallback pages"):
        // a fallback page is not one, and names the page of its text as canonical.
        let versions = site.languageCodes.filter { entry.variants[$0] != nil }
        var context = chrome(language: language, path: path, title: meta.title, versions: versions) { entry.pages[$0].outputPath }
        if page.isFallback {
            context["canonical"] = .text(SitePaths.absolute(entry.pages[page.textLanguage].outputPath, baseURL: site.config.baseURL))
        }
        let dates = dateText[language]
        let t = theme.strings(language)
        var item: TemplateRecord = [
            "title": .text(meta.title), "html": .utf8Text(page.html),
            "sectionTitle": .text(entry.section.title(in: language)),
            "sectionURL": .text(SitePaths.relative(from: path, to: SitePaths.section(entry.section, language))),
        ]
        if page.isFallback {
            item["textLang"] = .text(page.textLanguage.rawValue)
            let textRTL = site.config.isRightToLeft(page.textLanguage)
            if textRTL != site.config.isRightToLeft(language) { item["textDir"] = textRTL ? "rtl" : "ltr" }
            item["fallbackNotice"] = .text((t["fallback_notice"] ?? "")
                .replacingOccurrences(of: "{language}", with: languageName(page.textLanguage, in: language)))
        }
        if let original = page.outdatedFrom {
            // The translation was made from an earlier version of the text in `original`.
            item["outdatedNotice"] = .text((t["outdated_notice"] ?? "").replacingOccurrences(of: "{language}", with: languageName(original, in: language)))
            item["originalURL"] = .text(SitePaths.relative(from: path, to: entry.pages[original].outputPath))
            item["originalLang"] = .text(original.rawValue)
        }
        if let summary = meta.summary {
            item["summary"] = .text(summary)
            context["description"] = .text(summary)
        }
        if let category = meta.category { item["category"] = .text(category) }
        if let date = meta.date { item["date"] = .text(dates.day(date)); item["dateISO"] = .text(date.iso) }
        if let updated = meta.updated { item["updated"] = .text(dates.day(updated)); item["updatedISO"] = .text(updated.iso) }
        if !meta.tags.isEmpty {
            item["tags"] = .records(meta.tags.map { ["name": .text($0), "url": .text(SitePaths.relative(from: path, to: SitePaths.tag(TagIndex.slug(for: $0), site.config, language)))] })
            item["hasTags"] = true
        }
        if let location = meta.location { item["location"] = .text(location) }
        if let url = meta.url, !URLSafety.isDangerous(url) { item["externalURL"] = .text(url) }
        if let event = meta.event {
            var details: TemplateRecord = [
                "when": .text(eventTimes[language][entry.id] ?? dates.event(event)),
                "startISO": .text(event.start.date.iso),
                "status": .text(event.status.rawValue),
                "statusLabel": .text(t["status_\(event.status.rawValue)"] ?? event.status.rawValue),
                "isCancelled": .bool(event.status == .cancelled),
            ]
            if event.status != .confirmed { details["showStatus"] = true }
            details["icsURL"] = .text(page.slug + ".ics")
            if let zone = event.timezone { details["timezone"] = .text(zone) }
            item["event"] = .record(details)
        }
        let related = page.related.compactMap { site.entry($0) }.map { target -> TemplateRecord in
            var link = entryLink(target, language: language, from: path)
            if let anchor = page.relatedAnchors[target.id] {
                link["url"] = .text(SitePaths.relative(from: path, to: target.pages[language].outputPath)
                    + "#" + EntryPage.heading(anchor, writtenAmong: target.pages[page.textLanguage].headingIDs, on: target.pages[language].headingIDs))
            }
            return link
        }
        if !related.isEmpty { item["related"] = .records(related); item["hasRelated"] = true }
        // Each source looked up once, with its place; then grouped by section, in the sections'
        // order and each in its listing order.
        let sources = page.backlinks.compactMap { id in listedPlace(of: id, language: language).map { (place: $0, id: id) } }
            .sorted { ($0.place.section, $0.place.rank, $0.id) < ($1.place.section, $1.place.rank, $1.id) }
        var backlinkGroups: [TemplateRecord] = []
        var start = sources.startIndex
        while start < sources.endIndex {
            let section = sources[start].place.section
            let end = sources[start...].firstIndex { $0.place.section != section } ?? sources.endIndex
            backlinkGroups.append(["sectionTitle": .text(site.sections[section].config.title(in: language)),
                                   "entries": .records(sources[start..<end].map { entryLink($0.place.entry, language: language, from: path) })])
            start = end
        }
        if !backlinkGroups.isEmpty { item["backlinkGroups"] = .records(backlinkGroups); item["hasBacklinks"] = true }
        let fields = fieldItems(meta, page: page, section: entry.section, language: language, from: path)
        if !fields.isEmpty { item["fields"] = .records(fields); item["hasFields"] = true }
        let typed = typedBacklinkItems(page, language: language, from: path)
        if !typed.isEmpty { item["typedBacklinks"] = .records(typed) }
        context["entry"] = .record(item)
        var written = self.page("entry", context, path: path, languages: versions) { entry.pages[$0].outputPath }
        written.lastModified = meta.updated ?? meta.date
        // The sitemap lists the versions of a text, not the pages that borrow it.
        if page.isFallback { written.listed = false }
        return written
    }

    /// Where `language` lists the entry `id`; for an entry of the site its listing leaves out, its
    /// section's place and rank 0. Nil when the site has no such entry, or not its section.
    func listedPlace(of id: EntryID, language: LanguageCode) -> Listed? {
        if let listed = listings[language][id] { return listed }
        guard let entry = site.entry(id), let section = site.sections.firstIndex(where: { $0.config.name == entry.section.name }) else { return nil }
        return Listed(section: section, rank: 0, entry: entry)
    }

    /// The name of `language` in the words of `reader` ("anglais" for French readers, "French"
    /// for English ones), from CLDR; the name site.yaml gives it where CLDR has none.
    func languageName(_ language: LanguageCode, in reader: LanguageCode) -> String {
        site.config.foundationLocale(of: reader).localizedString(forLanguageCode: language.rawValue)
            ?? site.config.language(language.rawValue)?.name ?? language.rawValue
    }

    /// The typed fields of a text, in the section's order, each under its title in `language`:
    /// countries by their names, choices by their titles, references as links to their targets.
    func fieldItems(_ meta: EntryMetadata, page: EntryPage, section: SectionConfig, language: LanguageCode, from path: String) -> [TemplateRecord] {
        let locale = site.config.foundationLocale(of: language)
        return section.fields.compactMap { field -> TemplateRecord? in
            guard let value = meta.fields[field.name] else { return nil }
            var values: [TemplateRecord]
            var slugs: [String] = []
            switch value {
            case let .countries(codes): values = codes.map { ["text": .text(Countries.name($0, locale: locale))] }; slugs = codes.map { $0.lowercased() }
            case let .choice(key):
                guard case let .choice(choices) = field.kind else { return nil }
                values = [["text": .text(choices.first { $0.key == key }?.title(in: language) ?? key)]]
                slugs = [key]
            case let .year(year): values = [["text": .text(String(year))]]; slugs = [String(year)]
            case let .text(text): values = [["text": .text(text)]]
            case .references:
                values = (page.fieldTargets[field.name] ?? []).compactMap { site.entry($0) }.map { target in
                    var link = entryLink(target, language: language, from: path)
                    link["text"] = link["title"]
                    return link
                }
            }
            guard !values.isEmpty else { return nil }
            // A facet of the section's catalog: each value links to its page.
            if section.catalog?.facets.contains(field.name) == true {
                for (index, slug) in zip(values.indices, slugs) {
                    values[index]["url"] = .text(SitePaths.relative(from: path, to: SitePaths.facetValue(section, field: field, value: slug, language)))
                }
            }
            values[values.count - 1]["last"] = true
            return ["name": .text(field.title(in: language)), "values": .records(values)]
        }
    }

    /// The entries that name this page's entry in a `references` field, under the field's
    /// inverse title, each list sorted like the section it comes from.
    func typedBacklinkItems(_ page: EntryPage, language: LanguageCode, from path: String) -> [TemplateRecord] {
        page.typedBacklinks.compactMap { list -> TemplateRecord? in
            guard let field = site.config.section(named: list.section)?.field(named: list.field),
                  case let .references(_, inverse) = field.kind else { return nil }
            // Ranked in the listing of the list's section (read once per source, not per comparison).
            let section = site.sections.firstIndex { $0.config.name == list.section }
            let sources = list.sources.compactMap { id -> (rank: Int, id: EntryID, entry: Entry)? in
                if let listed = listings[language][id] { return (listed.section == section ? listed.rank : 0, id, listed.entry) }
                return site.entry(id).map { (0, id, $0) }
            }.sorted { ($0.rank, $0.id) < ($1.rank, $1.id) }
            guard !sources.isEmpty else { return nil }
            return ["inverseTitle": .text(inverse[language.rawValue] ?? field.title(in: language)), "key": "\(list.section)-\(list.field)",
                    "entries": .records(sources.map { entryLink($0.entry, language: language, from: path) })]
        }
    }
}
