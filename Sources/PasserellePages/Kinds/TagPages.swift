import PasserelleModel
import PasserelleTemplates

/// The page of each tag of a language, listing its entries.
package struct TagPages: PageKind {
    package var name: String { "tag" }
    package var templates: [String] { ["tag"] }
    package var keys: [String] { ["entries"] }

    package func jobs(in site: Site) -> [PageJob] {
        site.languageCodes.map { PageJob(language: $0) }
    }

    package func render(_ job: PageJob, _ renderer: PageRenderer, pages: [PageRenderer.Page]) -> [PageRenderer.Page] {
        let site = renderer.site, language = job.language
        // A tag with the same slug in other languages is the same tag there: its translations.
        let elsewhere = site.config.languageCodes.filter { $0 != language }.map { ($0, TagIndex.slugs(site: site, language: $0)) }
        return renderer.tags(language).map { tag in
            let languages = [language] + elsewhere.filter { $0.1.contains(tag.slug) }.map(\.0)
            return renderer.renderTag(tag, language, languages: site.config.languageCodes.filter(languages.contains))
        }
    }
}

extension PageRenderer {
    /// The page of `tag` in `language`; `languages` (in the site's order) are those that have a tag
    /// of the same slug: its translations, declared in its head and in the sitemap when there are any.
    func renderTag(_ tag: TagIndex.Tag, _ language: LanguageCode, languages: [LanguageCode]) -> Page {
        let path = SitePaths.tag(tag.slug, site.config, language)
        // A tag no other language has has no translations to declare.
        let versions = languages.count < 2 ? [] : languages
        let pathIn = { (code: LanguageCode) in SitePaths.tag(tag.slug, self.site.config, code) }
        var context = chrome(language: language, path: path, title: tag.name, versions: versions, pathIn: pathIn)
        context["languages"] = .records(site.config.languages.map { other -> TemplateRecord in
            ["code": .text(other.code.rawValue), "name": .text(other.name), "current": .bool(other.code == language),
             "url": .text(SitePaths.relative(from: path, to: SitePaths.generated(TagsPage.pathKey, site.config, other.code)))]
        })
        context["tagsURL"] = .text(SitePaths.relative(from: path, to: SitePaths.generated(TagsPage.pathKey, site.config, language)))
        context["entries"] = .records(tag.entryIDs.map { entryLink(site[$0], language: language, from: path) })
        return page("tag", context, path: path, languages: versions, pathIn: pathIn)
    }
}
