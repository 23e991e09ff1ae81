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
         "map", "viewBox", "countries", "d", "level", "legend", "range", "fieldTitle", "sectionTitle", "rows",
         "filters", "more", "dataURL", "pager", "pages", "number", "current", "previousURL", "nextURL"]
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
            context["intro"] = .text(intro.html)
            context["introLang"] = intro.textLanguage != language ? .text(intro.textLanguage.rawValue) : false
        }
        if section.config.kind == .event {
            context.merge(renderer.eventListing(section, language: language, path: path))
            return [renderer.page("section", context, path: path) { SitePaths.section(section.config, $0) }]
        }
        if section.config.catalog != nil {
            return renderer.catalogListingPages(renderer.catalog(section, language), section: section, firstPage: context)
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
        context["groups"] = .records(groups.map { ["category": $0.category.map(TemplateValue.text) ?? false, "entries": .records($0.entries)] as TemplateRecord })
        context["empty"] = .bool(groups.isEmpty)
        return [renderer.page("section", context, path: path) { SitePaths.section(section.config, $0) }]
    }
}

extension PageRenderer {
    /// A catalog's listing pages: the first (`firstPage`: its chrome and intro) with the facets,
    /// the map and the first hundred entries; the next hundreds on `page/N/`; and, when there is
    /// more than one page, every entry in a script beside the first (`entries.js`) for filtering
    /// in place.
    func catalogListingPages(_ catalog: Catalog, section: Section, firstPage: TemplateRecord) -> [Page] {
        let language = catalog.language, count = Catalog.pageCount(entries: catalog.entries.count)
        let title = catalog.section.title(in: language)
        var pages: [Page] = []
        for number in 1...count {
            let path = catalog.listingPath(page: number)
            let pathIn = { (code: LanguageCode) -> String in
                SitePaths.sectionPage(catalog.section, page: min(number, Catalog.pageCount(entries: section.orderedEntries[code].count)), code)
            }
            var context = number == 1 ? firstPage : chrome(language: language, path: path, title: "\(title) (\(number)/\(count))", pathIn: pathIn)
            context["catalog"] = .record(catalogListing(catalog, page: number, of: count, from: path))
            context["empty"] = .bool(catalog.entries.isEmpty)
            pages.append(page("section", context, path: path, pathIn: pathIn))
        }
        if count > 1 { pages.append(catalogData(catalog)) }
        return pages
    }

    /// Page `number` of a catalog listing: on the first, each facet with its values and counts,
    /// linked to their pages, and the map; on every page its hundred entries with their facet
    /// values (`facetKeys`: `field=slug` words, for filtering in place) and the pager.
    func catalogListing(_ catalog: Catalog, page number: Int = 1, of count: Int = 1, from path: String) -> TemplateRecord {
        let language = catalog.language
        let shown = catalog.entries.dropFirst((number - 1) * Catalog.pageSize).prefix(Catalog.pageSize)
        let entries = shown.compactMap { id -> TemplateRecord? in
            guard let entry = site.entry(id) else { return nil }
            var link = entryLink(entry, language: language, from: path)
            let values = catalog.valuesOf[id] ?? []
            link["facetKeys"] = .text(values.map { "\(catalog.facets[$0.facet].field.slug(in: language))=\(catalog.facets[$0.facet].values[$0.value].slug)" }
                .joined(separator: " "))
            link["facetValues"] = .records(catalog.facets.enumerated().compactMap { index, facet -> TemplateRecord? in
                var shown = values.filter { $0.facet == index }.map { position -> TemplateRecord in
                    let value = facet.values[position.value]
                    return ["label": .text(value.label), "url": .text(SitePaths.relative(from: path, to: catalog.path(facet, value)))]
                }
                guard !shown.isEmpty else { return nil }
                shown[shown.count - 1]["last"] = true
                return ["name": .text(facet.field.title(in: language)), "values": .records(shown)]
            })
            return link
        }
        var listing: TemplateRecord = ["entries": .records(entries)]
        if let pager = pager(page: number, of: count, from: path, pathOf: catalog.listingPath(page:)) { listing["pager"] = .record(pager) }
        guard number == 1 else { return listing }
        var filters: TemplateRecord = [
            "facets": .records(catalog.facets.map { facet -> TemplateRecord in
                let listed = Catalog.listedValues(facet)
                var record: TemplateRecord = [
                    "name": .text(facet.field.title(in: language)), "field": .text(facet.field.slug(in: language)),
                    "values": .records(listed.map { value -> TemplateRecord in
                        ["label": .text(value.label), "count": .number(value.entries.count), "key": .text(value.slug),
                         "url": .text(SitePaths.relative(from: path, to: catalog.path(facet, value)))]
                    }),
                ]
                if listed.count < facet.values.count {
                    record["more"] = .record(["count": .number(facet.values.count), "url": .text(SitePaths.relative(from: path, to: catalog.fieldPath(facet)))])
                }
                return record
            }),
        ]
        if count > 1 { filters["dataURL"] = .text(SitePaths.relative(from: path, to: SitePaths.catalogData(catalog.section, language))) }
        if let facet = catalog.map, let world = theme.map {
            filters["map"] = .record(mapListing(CatalogMap(facet: facet, map: world), catalog, facet, from: path))
        }
        listing["filters"] = .record(filters)
        return listing
    }

    /// The pager of page `number` of `count` (nil for one page): each page's number and URL, and
    /// the previous and next pages'.
    func pager(page number: Int, of count: Int, from path: String, pathOf: (Int) -> String) -> TemplateRecord? {
        guard count > 1 else { return nil }
        var pager: TemplateRecord = [
            "pages": .records((1...count).map { page -> TemplateRecord in
                ["number": .number(page), "url": .text(SitePaths.relative(from: path, to: pathOf(page))), "current": .bool(page == number)]
            }),
        ]
        if number > 1 { pager["previousURL"] = .text(SitePaths.relative(from: path, to: pathOf(number - 1))) }
        if number < count { pager["nextURL"] = .text(SitePaths.relative(from: path, to: pathOf(number + 1))) }
        return pager
    }

    /// Every entry of a paginated catalog, for `catalog.js` to filter in place: the script
    /// `window.passerelleCatalog={"facets": [[field slug, [[value slug, label], …]], …], "entries":
    /// [[title, slug, text language or "", [[value index, …] per facet]], …]};`, beside the
    /// listing, so that it loads from `file://` (a script, not a fetch) and from no other host.
    func catalogData(_ catalog: Catalog) -> Page {
        let language = catalog.language
        var json = "window.passerelleCatalog={\"facets\":["
        for (number, facet) in catalog.facets.enumerated() {
            if number > 0 { json += "," }
            json += "[" + JSONText.string(facet.field.slug(in: language)) + ",["
            json += facet.values.map { "[" + JSONText.string($0.slug) + "," + JSONText.string($0.label) + "]" }.joined(separator: ",")
            json += "]]"
        }
        json += "],\"entries\":["
        var first = true
        for id in catalog.entries {
            guard let entry = site.entry(id) else { continue }
            let page = entry.pages[language]
            if !first { json += ",\n" }
            first = false
            json += "[" + JSONText.string(entry.shownText(in: language).metadata.title) + "," + JSONText.string(page.slug) + ","
            json += (page.isFallback ? JSONText.string(page.textLanguage) : "\"\"") + ",["
            var lists: [[Int]] = Array(repeating: [], count: catalog.facets.count)
            for position in catalog.valuesOf[id] ?? [] { lists[position.facet].append(position.value) }
            json += lists.map { (list: [Int]) -> String in "[" + list.map { String($0) }.joined(separator: ",") + "]" }.joined(separator: ",")
            json += "]]"
        }
        json += "]};\n"
        return Page(path: SitePaths.catalogData(catalog.section, language), content: json)
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
            "viewBox": .text(map.viewBox),
            "countries": .records(map.countries.map { country -> TemplateRecord in
                guard let value = country.value else { return ["d": .text(country.path), "url": false] }
                return ["d": .text(country.path), "url": .text(url(value)), "label": .text(name(value.label, value.entries.count)),
                        "level": .number(country.level), "key": .text(value.slug)]
            }),
            "legend": .records(map.levels.enumerated().map { index, range -> TemplateRecord in
                ["level": .number(index + 1), "range": .text(range.count == 1 ? String(range.lowerBound) : "\(range.lowerBound)–\(range.upperBound)")]
            }),
            "fieldTitle": .text(facet.field.title(in: language)),
            "sectionTitle": .text(title),
            "rows": .records(facet.values.map { value -> TemplateRecord in ["label": .text(value.label), "count": .number(value.entries.count), "url": .text(url(value))] }),
        ]
    }
}
