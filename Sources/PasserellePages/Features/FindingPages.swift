import PasserelleModel
import PasserelleTemplates
import Foundation

/// The pages that help readers find things: A–Z index, tags, search, feeds, 404s, sitemap and redirects.
extension PageRenderer {
    func renderFinding(_ language: String) -> [Page] {
        let tags = TagIndex(site: site, language: language).tags
        var pages = [renderAtoZ(language), renderTagsOverview(tags, language), renderSearch(language), renderNotFound(language)]
        // A tag with the same slug in other languages is the same tag there: its translations.
        let elsewhere = site.config.languageCodes.filter { $0 != language }.map { ($0, TagIndex.slugs(site: site, language: $0)) }
        for tag in tags {
            let languages = [language] + elsewhere.filter { $0.1.contains(tag.slug) }.map(\.0)
            pages.append(renderTag(tag, language, languages: site.config.languageCodes.filter(languages.contains)))
        }
        pages.append(Page(path: SitePaths.feed(language), content: AtomFeed(site: site, language: language).xml))
        return pages
    }

    /// `search.json` and `search-index.js`: a job of their own, the largest of a language.
    func renderSearchIndex(_ language: String) -> [Page] {
        let order = atoz(language).groups.flatMap(\.entryIDs)
        let fragments = SearchIndex(site: site, language: language, order: order).fragments
        searchFragments.keep(SearchFragments(language: language, entryIDs: order, json: fragments))
        return searchIndexFiles(fragments, language)
    }

    /// `search.json` and `search-index.js` from the JSON of their records.
    package func searchIndexFiles(_ fragments: [String], _ language: String) -> [Page] {
        let json = SearchIndex.json(language: language, fragments: fragments)
        return [Page(path: SitePaths.searchIndex(language), content: json),
                Page(path: SitePaths.searchScriptIndex(language), content: SearchIndex.script(json: json))]
    }

    func renderAtoZ(_ language: String) -> Page {
        let path = SitePaths.generated("az", site.config, language)
        var context = chrome(language: language, path: path, title: theme.strings[language]?["az_title"]) {
            SitePaths.generated("az", self.site.config, $0)
        }
        let groups = atoz(language).groups
        context["letters"] = groups.map { ["letter": $0.letter, "anchor": $0.letter == "#" ? "az-other" : "az-" + $0.letter.lowercased()] }
        context["groups"] = groups.map { group -> TemplateRecord in
            ["letter": group.letter, "anchor": group.letter == "#" ? "az-other" : "az-" + group.letter.lowercased(),
             "entries": group.entryIDs.map { entryLink(site.entries[$0]!, language: language, from: path) }]
        }
        return page("az", context, path: path) { SitePaths.generated("az", self.site.config, $0) }
    }

    func renderTagsOverview(_ tags: [TagIndex.Tag], _ language: String) -> Page {
        let path = SitePaths.generated("tags", site.config, language)
        var context = chrome(language: language, path: path, title: theme.strings[language]?["tags_title"]) {
            SitePaths.generated("tags", self.site.config, $0)
        }
        context["tags"] = tags.map { ["name": $0.name, "count": $0.entryIDs.count,
                                      "url": SitePaths.relative(from: path, to: SitePaths.tag($0.slug, site.config, language))] }
        context["empty"] = tags.isEmpty
        return page("tags", context, path: path) { SitePaths.generated("tags", self.site.config, $0) }
    }

    /// The page of `tag` in `language`; `languages` (in the site's order) are those that have a tag
    /// of the same slug: its translations, declared in its head and in the sitemap when there are any.
    func renderTag(_ tag: TagIndex.Tag, _ language: String, languages: [String]) -> Page {
        let path = SitePaths.tag(tag.slug, site.config, language)
        var context = chrome(language: language, path: path, title: tag.name) { _ in path }
        let alternates: [(String, String)] = languages.count < 2 ? [] : languages.map { ($0, SitePaths.tag(tag.slug, site.config, $0)) }
            + [("x-default", SitePaths.tag(tag.slug, site.config, languages.contains(site.config.defaultLanguage.code) ? site.config.defaultLanguage.code : languages[0]))]
        context["alternates"] = alternates.map { ["hreflang": $0.0, "href": SitePaths.absolute($0.1, baseURL: site.config.baseURL)] as TemplateRecord }
        context["languages"] = site.config.languages.map { other -> TemplateRecord in
            ["code": other.code, "name": other.name, "current": other.code == language,
             "url": SitePaths.relative(from: path, to: SitePaths.generated("tags", site.config, other.code))]
        }
        context["tagsURL"] = SitePaths.relative(from: path, to: SitePaths.generated("tags", site.config, language))
        context["entries"] = tag.entryIDs.map { entryLink(site.entries[$0]!, language: language, from: path) }
        return Page(path: path, content: theme.render("tag", context), alternates: alternates)
    }

    func renderSearch(_ language: String) -> Page {
        let path = SitePaths.generated("search", site.config, language)
        var context = chrome(language: language, path: path, title: theme.strings[language]?["search_title"]) {
            SitePaths.generated("search", self.site.config, $0)
        }
        context["indexScript"] = SitePaths.relative(from: path, to: SitePaths.searchScriptIndex(language))
        context["searchScript"] = SitePaths.rootPrefix(from: path) + "theme/search.js"
        context["languageRoot"] = SitePaths.relative(from: path, to: SitePaths.home(language)).replacingOccurrences(of: "index.html", with: "")
        return page("search", context, path: path) { SitePaths.generated("search", self.site.config, $0) }
    }

    /// The 404 page of a language. It is served at any missing address, so its links resolve against
    /// `<base href>` on the site's URL rather than against where it happens to be shown.
    func renderNotFound(_ language: String) -> Page {
        let path = SitePaths.notFound(language)
        var context = chrome(language: language, path: path, title: theme.strings[language]?["not_found_title"]) { SitePaths.notFound($0) }
        context["baseHref"] = site.config.baseURL + language + "/"
        context["alternates"] = [] as [TemplateRecord]
        context["noindex"] = true
        return Page(path: path, content: theme.render("404", context))
    }

    /// The bilingual 404 at the root, for addresses outside both languages.
    func renderRootNotFound() -> Page {
        var context = rootContext(path: "404.html")
        context["notFound"] = true
        context["baseHref"] = site.config.baseURL
        context["alternates"] = [] as [TemplateRecord]
        return Page(path: "404.html", content: theme.render("root", context))
    }

    /// Redirect pages for every alias, and the sitemap and robots.txt of everything rendered.
    func renderSiteFiles(_ pages: [Page]) -> [Page] {
        var files: [Page] = []
        for alias in aliasRedirects() {
            var page = Page(path: alias.path, content: redirect(from: alias.path, to: alias.target, title: alias.title))
            page.isRedirect = true
            files.append(page)
        }
        files.append(Page(path: "sitemap.xml", content: Sitemap(pages: pages, config: site.config).xml))
        files.append(Page(path: "robots.txt", content: Sitemap.robots(baseURL: site.config.baseURL)))
        return files
    }

    /// Every alias of every text: the file it becomes, the page it leads to, where it was written.
    package func aliasRedirects() -> [(path: String, target: String, title: String, location: SourceLocation)] {
        var result: [(String, String, String, SourceLocation)] = []
        for id in site.entries.keys.sorted() {
            let entry = site.entries[id]!
            for language in languages {
                guard let variant = entry.variants[language] else { continue }
                for alias in variant.metadata.aliases {
                    result.append((PageRenderer.aliasPath(alias.text), entry.pages[language]!.outputPath, variant.metadata.title, alias.location))
                }
            }
        }
        return result
    }

    /// `/old/page.htm` stays a file; `/old/page/` becomes `old/page/index.html`.
    static func aliasPath(_ alias: String) -> String {
        let trimmed = alias.split(separator: "/").joined(separator: "/")
        let last = trimmed.split(separator: "/").last.map(String.init) ?? ""
        if last.hasSuffix(".html") || last.hasSuffix(".htm") { return trimmed }
        return trimmed + "/index.html"
    }

    func redirect(from path: String, to target: String, title: String) -> String {
        let relative = XMLText.escape(SitePaths.relative(from: path, to: target))
        let canonical = XMLText.escape(SitePaths.absolute(target, baseURL: site.config.baseURL))
        return """
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>\(XMLText.escape(title))</title>
        <link rel="canonical" href="\(canonical)"><meta name="robots" content="noindex">
        <meta http-equiv="refresh" content="0; url=\(relative)"></head>
        <body><p><a href="\(relative)">\(XMLText.escape(title))</a></p></body></html>

        """
    }
}
