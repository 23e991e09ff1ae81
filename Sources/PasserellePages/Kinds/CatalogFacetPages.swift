import PasserelleModel
import PasserelleTemplates

/// The pages of a catalog's facet values: `fr/projets/pays/sn/index.html` lists the projects in
/// Senegal, a hundred a page. They work without JavaScript and from `file://`.
package struct CatalogFacetPages: PageKind {
    package var name: String { "catalog facet value" }
    package var templates: [String] { ["facet"] }
    package var keys: [String] {
        ["fieldTitle", "valueLabel", "count", "entries", "catalogURL", "pager", "pages", "number", "previousURL", "nextURL"]
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

    func renderFacetPage(_ catalog: Catalog, _ facet: Catalog.Facet, _ value: Catalog.Value, page number: Int, of count: Int) -> Page {
        let language = catalog.language
        let path = catalog.path(facet, value, page: number)
        let t = theme.strings(language)
        let title = (t["facet_title"] ?? "{field}: {value}")
            .replacingOccurrences(of: "{field}", with: facet.field.title(in: language))
            .replacingOccurrences(of: "{value}", with: value.label)
        // The same value in another language, where it has entries; else that language's catalog.
        let pathIn = { (code: LanguageCode) -> String in
            guard code != language, let other = self.site.sections.first(where: { $0.config.name == catalog.section.name }) else { return path }
            let there = self.catalog(other, code)
            if let facetThere = there.facetsWithPages.first(where: { $0.field.name == facet.field.name }),
               let valueThere = facetThere.values.first(where: { $0.key == value.key }) {
                return there.path(facetThere, valueThere, page: min(number, Catalog.pageCount(valueThere)))
            }
            return SitePaths.section(catalog.section, code)
        }
        var context = chrome(language: language, path: path, title: number > 1 ? "\(title) (\(number)/\(count))" : title, pathIn: pathIn)
        let shown = value.entries.dropFirst((number - 1) * Catalog.pageSize).prefix(Catalog.pageSize)
        context["fieldTitle"] = facet.field.title(in: language)
        context["valueLabel"] = value.label
        context["count"] = value.entries.count
        context["entries"] = shown.compactMap { site.entries[$0] }.map { entryLink($0, language: language, from: path) }
        context["catalogURL"] = SitePaths.relative(from: path, to: SitePaths.section(catalog.section, language))
        if count > 1 {
            var pager: TemplateRecord = [
                "pages": (1...count).map { page -> TemplateRecord in
                    ["number": page, "url": SitePaths.relative(from: path, to: catalog.path(facet, value, page: page)), "current": page == number]
                },
            ]
            if number > 1 { pager["previousURL"] = SitePaths.relative(from: path, to: catalog.path(facet, value, page: number - 1)) }
            if number < count { pager["nextURL"] = SitePaths.relative(from: path, to: catalog.path(facet, value, page: number + 1)) }
            context["pager"] = pager
        }
        return self.page("facet", context, path: path, pathIn: pathIn)
    }
}
