import PasserelleModel
import PasserelleTemplates

/// The listing of a section in a language: its intro, then its entries grouped by category (an
/// event section: upcoming events, then past ones by year, with its calendar's years).
package struct SectionListingPage: PageKind {
    package var name: String { "section listing" }
    package var templates: [String] { ["section"] }
    package var keys: [String] {
        ["intro", "introLang", "groups", "category", "entries", "empty", "calendarYears", "year", "hasCalendar", "icsURL",
         "catalog", "facets", "values", "label", "count", "facetKeys", "facetValues", "last", "field", "key",
         "map", "viewBox", "countries", "d", "level", "legend", "range", "fieldTitle", "sectionTitle", "rows"]
    }

    package func jobs(in site: Site) -> [PageJob] {
        site.languageCodes.flatMap { language in
            site.sections.map { PageJob(language: language, subject: .section($0.config.name)) }
        }
    }

    package func render(_ job: PageJob, _ renderer: PageRenderer, pages: [PageRenderer.Page]) -> [PageRenderer.Page] {
        guard case let .section(name) = job.subject, let section = renderer.site.sections.first(where: { $0.config.name == name }) else { return [] }
        let language = job.language, site = renderer.site
        let path = SitePaths.section(section.config, language)
        var context = renderer.chrome(language: language, path: path, title: section.config.title(in: language)) {
            SitePaths.section(section.config, $0)
        }
        if let intro = section.intros[language] {
            context["intro"] = intro.html
            context["introLang"] = intro.textLanguage != language ? intro.textLanguage : false
        }
        if section.config.kind == .event {
            context.merge(renderer.eventListing(section, language: language, path: path))
            return [renderer.page("section", context, path: path) { SitePaths.section(section.config, $0) }]
        }
        if section.config.catalog != nil {
            context["catalog"] = renderer.catalogListing(renderer.catalog(section, language), from: path)
            context["empty"] = (section.orderedEntries[language]).isEmpty
            return [renderer.page("section", context, path: path) { SitePaths.section(section.config, $0) }]
        }
        // Group by category, groups in the order of their first (lowest-weight) entry.
        var groups: [(category: String?, entries: [TemplateRecord])] = []
        for id in section.orderedEntries[language] {
            let entry = site[id]
            let category = entry.variant(for: language, order: site.languageCodes).metadata.category
            let link = renderer.entryLink(entry, language: language, from: path)
            if let index = groups.firstIndex(where: { $0.category == category }) {
                groups[index].entries.append(link)
            } else {
                groups.append((category, [link]))
            }
        }
        context["groups"] = groups.map { ["category": $0.category ?? false, "entries": $0.entries] as TemplateRecord }
        context["empty"] = groups.isEmpty
        return [renderer.page("section", context, path: path) { SitePaths.section(section.config, $0) }]
    }
}

extension PageRenderer {
    /// A catalog listing: each facet with its values and counts, linked to their pages, and every
    /// entry with its facet values (`facetKeys`: `field=slug` words, for filtering in place).
    func catalogListing(_ catalog: Catalog, from path: String) -> TemplateRecord {
        let language = catalog.language
        var perEntry: [EntryID: [(facet: Int, value: Catalog.Value)]] = [:]
        let facets = catalog.facets.enumerated().map { index, facet -> TemplateRecord in
            for value in facet.values { for id in value.entries { perEntry[id, default: []].append((index, value)) } }
            return ["name": facet.field.title(in: language), "field": facet.field.slug(in: language),
                    "values": facet.values.map { value -> TemplateRecord in
                        ["label": value.label, "count": value.entries.count, "key": value.slug,
                         "url": SitePaths.relative(from: path, to: catalog.path(facet, value))]
                    }]
        }
        let entries = catalog.entries.compactMap { id -> TemplateRecord? in
            guard let entry = site.entries[id] else { return nil }
            var link = entryLink(entry, language: language, from: path)
            let values = perEntry[id] ?? []
            link["facetKeys"] = values.map { "\(catalog.facets[$0.facet].field.slug(in: language))=\($0.value.slug)" }.joined(separator: " ")
            link["facetValues"] = catalog.facets.indices.compactMap { index -> TemplateRecord? in
                var shown = values.filter { $0.facet == index }.map { value -> TemplateRecord in
                    ["label": value.value.label, "url": SitePaths.relative(from: path, to: catalog.path(catalog.facets[index], value.value))]
                }
                guard !shown.isEmpty else { return nil }
                shown[shown.count - 1]["last"] = true
                return ["name": catalog.facets[index].field.title(in: language), "values": shown]
            }
            return link
        }
        var listing: TemplateRecord = ["facets": facets, "entries": entries]
        if let facet = catalog.map, let world = theme.map {
            listing["map"] = mapListing(CatalogMap(facet: facet, map: world), catalog, facet, from: path)
        }
        return listing
    }

    /// The map of a catalog: each country's outline, those with entries linked to their facet
    /// page and named with their count ("Sénégal : 2 projets"); the legend; the same figures as a table.
    func mapListing(_ map: CatalogMap, _ catalog: Catalog, _ facet: Catalog.Facet, from path: String) -> TemplateRecord {
        let language = catalog.language, t = theme.strings(language)
        let locale = site.config.foundationLocale(of: language)
        let title = catalog.section.title(in: language)
        let config = catalog.section.catalog
        let many = config?.nouns[language.rawValue] ?? (title.prefix(1).lowercased(with: locale) + title.dropFirst())
        let one = config?.noun[language.rawValue] ?? many
        let name = { (country: String, count: Int) in
            (t["map_country"] ?? "{country}: {n} {entries}").replacingOccurrences(of: "{country}", with: country)
                .replacingOccurrences(of: "{n}", with: String(count)).replacingOccurrences(of: "{entries}", with: count == 1 ? one : many)
        }
        let url = { (value: Catalog.Value) in SitePaths.relative(from: path, to: catalog.path(facet, value)) }
        return [
            "viewBox": map.viewBox,
            "countries": map.countries.map { country -> TemplateRecord in
                guard let value = country.value else { return ["d": country.path, "url": false] }
                return ["d": country.path, "url": url(value), "label": name(value.label, value.entries.count),
                        "level": country.level, "key": value.slug]
            },
            "legend": map.levels.enumerated().map { index, range -> TemplateRecord in
                ["level": index + 1, "range": range.count == 1 ? String(range.lowerBound) : "\(range.lowerBound)–\(range.upperBound)"]
            },
            "fieldTitle": facet.field.title(in: language),
            "sectionTitle": title,
            "rows": facet.values.map { value -> TemplateRecord in ["label": value.label, "count": value.entries.count, "url": url(value)] },
        ]
    }
}
