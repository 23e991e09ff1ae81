import PasserelleModel
import PasserelleTemplates

/// The pages of a catalog's facets: `fr/projets/pays/index.html` lists every country with its
/// count, `fr/projets/pays/sn/index.html` the projects in Senegal, a hundred a page. They work
/// without JavaScript and from `file://`.
package struct CatalogFacetPages: PageKind {
    package var name: String { "catalog facet value" }
    package var templates: [String] { ["facet", "field"] }
    package var keys: [String] {
        ["fieldTitle", "valueLabel", "count", "entries", "catalogURL", "fieldURL", "values", "label", "pager", "pages", "number", "current", "previousURL", "nextURL"]
    }

    package func jobs(in site: Site) -> [PageJob] {
        site.languageCodes.flatMap { language in
            site.sections.filter { $0.config.catalog != nil }.map { PageJob(language: language, subject: .section($0.config.name)) }
        }
    }

    package func render(_ job: PageJob, _ renderer: PageRenderer, pages: [PageRenderer.Page]) -> [PageRenderer.Page] {
        guard case let .section(name) = job.subject, let section = renderer.site.sections.first(where: { $0.config.name == name }) else { return [] }
        let catalog = renderer.catalog(section, job.language)
        var written: [PageRenderer.Page] = []
        for facet in catalog.facetsWithPages {
            written.append(renderer.renderFieldPage(catalog, facet))
            for value in facet.values {
                let count = Catalog.pageCount(value)
                for number in 1...count {
                    written.append(renderer.renderFacetPage(catalog, facet, value, page: number, of: count))
                }
            }
        }
        return written
    }
}

extension PageRenderer {
    /// The catalog of `section` in `language`, made once per build.
    package func catalog(_ section: Section, _ language: LanguageCode) -> Catalog {
        catalogMemo.value(for: language.rawValue + "|" + section.config.name) { Catalog(section: section, site: site, language: language) }
    }

    /// The page of all the values of `facet`, each with its count, linked to its page.
    func renderFieldPage(_ catalog: Catalog, _ facet: Catalog.Facet) -> Page {
        let language = catalog.language
        let path = catalog.fieldPath(facet)
        let pathIn = { (code: LanguageCode) in SitePaths.facetField(catalog.section, field: facet.field, code) }
        var context = chrome(language: language, path: path, title: facet.field.title(in: language), pathIn: pathIn)
        context["fieldTitle"] = .text(facet.field.title(in: language))
        context["count"] = .number(facet.values.count)
        context["values"] = .records(facet.values.map { value -> TemplateRecord in
            ["label": .text(value.label), "count": .number(value.entries.count), "url": .text(SitePaths.relative(from: path, to: catalog.path(facet, value)))]
        })
        context["catalogURL"] = .text(SitePaths.relative(from: path, to: SitePaths.section(catalog.section, language)))
        return page("field", context, path: path, pathIn: pathIn)
    }

    func renderFacetPage(_ catalog: Catalog, _ facet: Catalog.Facet, _ value: Catalog.Value, page number: Int, of count: Int) -> Page {
        let language = catalog.language
        let path = catalog.path(facet, value, page: number)
        let t = theme.strings(language)
        let title = (t["facet_title"] ?? "{field}: {value}")
            .replacingOccurrences(of: "{field}", with: facet.field.title(in: language))
            .replacingOccurrences(of: "{value}", with: value.label)
        // The same value in another language, where it has entries; else that language's catalog,
        // which the language switcher links to but hreflang does not declare (it is not this page).
        let section = site.sections.first { $0.config.name == catalog.section.name }
        var versions: [LanguageCode] = []
        var paths: [LanguageCode: String] = [:]
        for code in site.languageCodes {
            guard code != language else { versions.append(code); paths[code] = path; continue }
            let there = section.map { self.catalog($0, code) }
            if let there, let facetThere = there.facetsWithPages.first(where: { $0.field.name == facet.field.name }),
               let valueThere = facetThere[value.key] {
                versions.append(code)
                paths[code] = there.path(facetThere, valueThere, page: min(number, Catalog.pageCount(valueThere)))
            } else {
                paths[code] = SitePaths.section(catalog.section, code)
            }
        }
        let pathIn = { (code: LanguageCode) -> String in paths[code] ?? path }
        var context = chrome(language: language, path: path, title: number > 1 ? "\(title) (\(number)/\(count))" : title,
                             versions: versions, pathIn: pathIn)
        let shown = value.entries.dropFirst((number - 1) * Catalog.pageSize).prefix(Catalog.pageSize)
        context["fieldTitle"] = .text(facet.field.title(in: language))
        context["valueLabel"] = .text(value.label)
        context["count"] = .number(value.entries.count)
        context["entries"] = .records(shown.compactMap { site.entry($0) }.map { entryLink($0, language: language, from: path) })
        context["catalogURL"] = .text(SitePaths.relative(from: path, to: SitePaths.section(catalog.section, language)))
        context["fieldURL"] = .text(SitePaths.relative(from: path, to: catalog.fieldPath(facet)))
        if let pager = pager(page: number, of: count, from: path, pathOf: { catalog.path(facet, value, page: $0) }) { context["pager"] = .record(pager) }
        return self.page("facet", context, path: path, languages: versions, pathIn: pathIn)
    }
}
