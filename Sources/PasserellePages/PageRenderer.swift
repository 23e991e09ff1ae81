import PasserelleMarkdown
import PasserelleModel
import PasserelleTemplates
import Foundation

/// Renders every HTML page of a `Site` through a theme. Pure: it reads the site and returns pages.
public struct PageRenderer {
    /// One written file: its path relative to the output root, and its content.
    public struct Page: Sendable {
        public let path: String
        /// The file, as UTF-8 bytes: templates render bytes, which go to disk as they are.
        public internal(set) var bytes: [UInt8]
        /// The file as text.
        public var content: String { String(decoding: bytes, as: UTF8.self) }
        /// The same page in each language and `x-default` (hreflang, path), for the sitemap.
        public var alternates: [(String, String)] = []
        /// Whether the sitemap lists it: HTML pages for readers, not 404s, redirects or data files.
        public var listed = false
        /// A redirect page written for an alias.
        public var isRedirect = false
        /// When its text last changed, as its front matter says (`updated`, else `date`): the sitemap's `lastmod`.
        public var lastModified: CalendarDate?

        public init(path: String, content: String) {
            self.init(path: path, content: Array(content.utf8))
        }

        public init(path: String, content: [UInt8]) {
            self.path = path
            self.bytes = content
        }

        public init(path: String, content: [UInt8], alternates: [(String, String)]) {
            self.init(path: path, content: content)
            self.alternates = alternates
            listed = true
        }

        /// The page without its content, once the content has been handed on.
        package var withoutContent: Page {
            var page = self
            page.bytes = []
            return page
        }
    }

    /// The translations of a page whose path in each language is `pathIn(code)`, and `x-default`.
    func alternatePaths(_ pathIn: (String) -> String) -> [(String, String)] {
        site.config.languages.map { ($0.code, pathIn($0.code)) } + [("x-default", xDefault(pathIn))]
    }

    /// The page for readers whose language is none of the site's: the default language's, or for the
    /// home pages the language chooser (`index.html`), which is there for them.
    func xDefault(_ pathIn: (String) -> String) -> String {
        let code = site.config.defaultLanguage.code
        let path = pathIn(code)
        return path == SitePaths.home(code) ? "index.html" : path
    }

    /// Renders `template` as the listed page at `path`, whose translations are at `pathIn(code)`.
    func page(_ template: String, _ context: TemplateRecord, path: String, pathIn: (String) -> String) -> Page {
        Page(path: path, content: theme.render(template, context), alternates: alternatePaths(pathIn))
    }

    let site: Site
    let theme: Theme
    /// Date phrases per language, made once.
    let dateText: [String: DateText]
    /// Position of each entry in its section's listing, by language then section: backlinks are listed in that order.
    let ranks: [String: [String: [String: Int]]]
    /// Every entry in the A–Z order of each language: the A–Z page and the search index share it.
    /// Made when first asked for: a rebuild after a text edit does not need it.
    func atoz(_ language: String) -> AtoZIndex { atozMemo.value(for: language) { AtoZIndex(site: site, language: language) } }
    private let atozMemo = ConcurrentMemo<AtoZIndex>()
    /// When each event happens, in words, by language then entry id: every list that links an event shows it.
    let eventTimes: [String: [String: String]]
    /// Per language then entry id: a link to the entry without its URL (which depends on the
    /// page it is on), made once: lists and backlinks show each entry many times.
    let linkBases: [String: [String: (fields: TemplateRecord, target: String)]]
    /// Per language, the depth (number of `/`) of the deepest page the chrome links to.
    let chromeDepth: [String: Int]
    let chromeCache = ConcurrentMemo<TemplateRecord>()
    /// The search records of each language, as rendered: the build snapshot keeps them.
    public let searchFragments = SearchFragments.Store()

    /// With `listsEverything` false, the event times and link fields of every entry are not made
    /// up front but per link: a rebuild after a text edit renders a few pages, not every list.
    public init(site: Site, theme: Theme, listsEverything: Bool = true) {
        self.site = site
        self.theme = theme
        var dateText: [String: DateText] = [:]
        for language in site.config.languages {
            dateText[language.code] = DateText(locale: language.locale, strings: theme.strings[language.code] ?? [:])
        }
        self.dateText = dateText
        var ranks: [String: [String: [String: Int]]] = [:]
        for language in site.languageCodes {
            for section in site.sections {
                let ids = section.orderedEntries[language] ?? []
                ranks[language, default: [:]][section.config.name] = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
            }
        }
        self.ranks = ranks
        let languages = site.languageCodes
        var eventTimes: [String: [String: String]] = [:]
        for language in languages where listsEverything {
            let dates = dateText[language]!
            for entry in site.entries.values {
                let page = entry.pages[language]!
                if let event = entry.variants[page.textLanguage]!.metadata.event {
                    eventTimes[language, default: [:]][entry.id] = dates.event(event)
                }
            }
        }
        self.eventTimes = eventTimes
        let ids = listsEverything ? site.entries.keys.sorted() : []
        let bases = languages.concurrentMap { language in
            Dictionary(uniqueKeysWithValues: ids.map { id in
                (id, PageRenderer.linkBase(site.entries[id]!, language: language, when: eventTimes[language]?[id] ?? ""))
            })
        }
        linkBases = Dictionary(uniqueKeysWithValues: zip(languages, bases))
        chromeDepth = Dictionary(uniqueKeysWithValues: languages.map { language in
            (language, PageRenderer.chromeTargets(site: site, language: language).map { SitePaths.depth($0.utf8) }.max() ?? 0)
        })
    }

    var languages: [String] { site.languageCodes }

    /// Every page of the site, in a fixed order. With a `sink`, each page is handed to it as soon
    /// as it is rendered (from any thread), and the pages returned have empty content: a large
    /// site is then never held in memory whole.
    public func renderAll(sink: (@Sendable (Page) -> Void)? = nil) -> [Page] {
        enum Job { case root, rootNotFound, home(String), section(Section, String), entry(String, String), calendars(String), finding(String), search(String) }
        _ = languages.concurrentMap(atoz) // Both languages at once, before the jobs that share them.
        var jobs: [Job] = [.root, .rootNotFound]
        for language in languages {
            jobs.append(.search(language))
            jobs.append(.finding(language))
            jobs.append(.home(language))
            for section in site.sections { jobs.append(.section(section, language)) }
            for id in site.entries.keys.sorted() { jobs.append(.entry(id, language)) }
            jobs.append(.calendars(language))
        }
        // The longest jobs (each language's calendars and search index, hundreds of pages and
        // files in one job) start first, so that none of them is left running alone at the end.
        // The pages are still returned in the order of `jobs`.
        func isLong(_ job: Job) -> Bool {
            switch job {
            case .calendars, .search: return true
            default: return false
            }
        }
        let schedule = jobs.indices.filter { isLong(jobs[$0]) } + jobs.indices.filter { !isLong(jobs[$0]) }
        let scheduled = schedule.concurrentMap { index -> [Page] in
            let rendered = render(jobs[index])
            guard let sink else { return rendered }
            return rendered.map { page in
                sink(page)
                return page.withoutContent
            }
        }
        var byJob = [[Page]](repeating: [], count: jobs.count)
        for (index, rendered) in zip(schedule, scheduled) { byJob[index] = rendered }
        let pages = byJob.flatMap { $0 }
        let siteFiles = renderSiteFiles(pages)
        guard let sink else { return pages + siteFiles }
        siteFiles.forEach(sink)
        return pages + siteFiles.map(\.withoutContent)

        func render(_ job: Job) -> [Page] {
            switch job {
            case .root: return [renderRoot()]
            case .rootNotFound: return [renderRootNotFound()]
            case let .finding(language): return renderFinding(language)
            case let .search(language): return renderSearchIndex(language)
            case let .home(language): return [renderHome(language)]
            case let .section(section, language): return [renderSection(section, language)]
            case let .entry(id, language): return [renderEntry(site.entries[id]!, language)]
            case let .calendars(language): return renderCalendars(language)
            }
        }
    }

    // MARK: Pages

    func renderRoot() -> Page {
        page("root", rootContext(path: "index.html"), path: "index.html") { SitePaths.home($0) }
    }

    /// The bilingual context of pages at the root: the language chooser and the root 404.
    func rootContext(path: String) -> TemplateRecord {
        let choices: [TemplateRecord] = site.config.languages.map { language in
            let t = theme.strings[language.code] ?? [:]
            return ["code": language.code, "name": language.name, "url": SitePaths.relative(from: path, to: SitePaths.home(language.code)),
                    "siteTitle": site.config.title(in: language.code), "enter": t["enter_site"] ?? language.name]
        }
        let alternates = self.alternates { SitePaths.home($0) }
        let context: TemplateRecord = [
            "lang": site.config.defaultLanguage.code, "root": "", "languages": choices, "alternates": alternates,
            "css": "theme/style.css", "canonical": SitePaths.absolute(path, baseURL: site.config.baseURL),
            "titles": site.config.languages.map { site.config.title(in: $0.code) }.joined(separator: " · "),
            "notFoundTexts": site.config.languages.map { ["code": $0.code, "text": theme.strings[$0.code]?["not_found_text"] ?? ""] },
        ]
        return context
    }

    func renderHome(_ language: String) -> Page {
        let path = SitePaths.home(language)
        var context = chrome(language: language, path: path, title: nil) { SitePaths.home($0) }
        if let intro = site.homeIntros[language] {
            context["intro"] = intro.html
            context["introLang"] = intro.textLanguage != language ? intro.textLanguage : false
        }
        context["sections"] = site.sections.filter { $0.config.kind != .page }.map { section -> TemplateRecord in
            let ids = section.orderedEntries[language] ?? []
            return ["title": section.config.title(in: language), "anchor": "section-\(section.config.name)",
                    "url": SitePaths.relative(from: path, to: SitePaths.section(section.config, language)),
                    "count": ids.count,
                    "entries": ids.prefix(8).map { entryLink(site.entries[$0]!, language: language, from: path) },
                    "more": ids.count > 8]
        }
        return page("home", context, path: path) { SitePaths.home($0) }
    }

    func renderSection(_ section: Section, _ language: String) -> Page {
        let path = SitePaths.section(section.config, language)
        var context = chrome(language: language, path: path, title: section.config.title(in: language)) {
            SitePaths.section(section.config, $0)
        }
        if let intro = section.intros[language] {
            context["intro"] = intro.html
            context["introLang"] = intro.textLanguage != language ? intro.textLanguage : false
        }
        if section.config.kind == .event {
            context.merge(eventListing(section, language: language, path: path))
            return page("section", context, path: path) { SitePaths.section(section.config, $0) }
        }
        // Group by category, groups in the order of their first (lowest-weight) entry.
        var groups: [(category: String?, entries: [TemplateRecord])] = []
        for id in section.orderedEntries[language] ?? [] {
            let entry = site.entries[id]!
            let category = entry.variant(for: language, order: languages).metadata.category
            let link = entryLink(entry, language: language, from: path)
            if let index = groups.firstIndex(where: { $0.category == category }) {
                groups[index].entries.append(link)
            } else {
                groups.append((category, [link]))
            }
        }
        context["groups"] = groups.map { ["category": $0.category ?? false, "entries": $0.entries] as TemplateRecord }
        context["empty"] = groups.isEmpty
        return page("section", context, path: path) { SitePaths.section(section.config, $0) }
    }

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

    // MARK: Shared pieces

    /// A link to an entry as shown in lists: title in the reader's language where it exists, with its real `lang`.
    func entryLink(_ entry: Entry, language: String, from path: String) -> TemplateRecord {
        let base = linkBases[language]?[entry.id] ?? PageRenderer.linkBase(entry, language: language, when:
            entry.variant(for: language, order: languages).metadata.event.map { dateText[language]!.event($0) } ?? "")
        var link = base.fields
        link["url"] = SitePaths.relative(from: path, to: base.target)
        return link
    }

    /// The fields of a link to `entry` in `language` but its URL; `when` is its event's time in words.
    private static func linkBase(_ entry: Entry, language: String, when: String) -> (fields: TemplateRecord, target: String) {
        let page = entry.pages[language]!
        let meta = entry.variants[page.textLanguage]!.metadata
        var link: TemplateRecord = ["title": meta.title, "section": entry.section.title(in: language)]
        if page.isFallback { link["linkLang"] = page.textLanguage }
        if let summary = meta.summary { link["summary"] = summary }
        if meta.event != nil { link["when"] = when }
        return (link, page.outputPath)
    }

    private func alternates(_ pathIn: (String) -> String) -> [TemplateRecord] {
        var links: [TemplateRecord] = site.config.languages.map {
            ["hreflang": $0.code, "href": SitePaths.absolute(pathIn($0.code), baseURL: site.config.baseURL)]
        }
        links.append(["hreflang": "x-default", "href": SitePaths.absolute(xDefault(pathIn), baseURL: site.config.baseURL)])
        return links
    }

    /// What every page of a language shares: head links, menu, language switcher, UI strings.
    func chrome(language: String, path: String, title: String?, pathIn: (String) -> String) -> TemplateRecord {
        let siteTitle = site.config.title(in: language)
        // A page deeper than every link of the chrome sees the same chrome as its siblings.
        let depth = SitePaths.depth(path.utf8)
        var context: TemplateRecord
        if depth > (chromeDepth[language] ?? .max), let folder = path.utf8.lastIndex(of: UInt8(ascii: "/")),
           let parent = path[..<folder].utf8.lastIndex(of: UInt8(ascii: "/")) {
            context = chromeCache.value(for: language + "|" + String(path[..<parent]) + "|" + String(depth)) {
                sharedChrome(language: language, path: path)
            }
        } else {
            context = sharedChrome(language: language, path: path)
        }
        context["title"] = title ?? siteTitle
        context["pageTitle"] = title.map { "\($0) · \(siteTitle)" } ?? siteTitle
        context["canonical"] = SitePaths.absolute(path, baseURL: site.config.baseURL)
        context["alternates"] = alternates(pathIn)
        context["languages"] = site.config.languages.map { other -> TemplateRecord in
            ["code": other.code, "name": other.name, "current": other.code == language,
             "url": SitePaths.relative(from: path, to: pathIn(other.code))]
        }
        return context
    }

    /// Every page the chrome of a language links to: home, sections, pages, feed, A–Z, tags, search.
    static func chromeTargets(site: Site, language: String) -> [String] {
        var targets = [SitePaths.home(language), SitePaths.feed(language)]
        targets += ["az", "tags", "search"].map { SitePaths.generated($0, site.config, language) }
        for section in site.sections {
            if section.config.kind == .page {
                targets += (section.orderedEntries[language] ?? []).compactMap { site.entries[$0]?.pages[language]?.outputPath }
            } else {
                targets.append(SitePaths.section(section.config, language))
            }
        }
        return targets
    }

    /// The chrome fields that depend only on the page's place: menu, relative links, UI strings.
    private func sharedChrome(language: String, path: String) -> TemplateRecord {
        var menu: [TemplateRecord] = [["title": theme.strings[language]?["home"] ?? "Home",
                                      "url": SitePaths.relative(from: path, to: SitePaths.home(language)),
                                      "current": path == SitePaths.home(language)]]
        for section in site.sections {
            if section.config.kind == .page {
                for id in section.orderedEntries[language] ?? [] {
                    let entry = site.entries[id]!
                    let target = entry.pages[language]!.outputPath
                    var item = entryLink(entry, language: language, from: path)
                    item["current"] = target == path
                    menu.append(item)
                }
            } else {
                let target = SitePaths.section(section.config, language)
                let prefix = String(target.dropLast("index.html".count))
                menu.append(["title": section.config.title(in: language),
                             "url": SitePaths.relative(from: path, to: target),
                             "current": path.hasPrefix(prefix)])
            }
        }
        return [
            "lang": language,
            "siteTitle": site.config.title(in: language),
            "root": SitePaths.rootPrefix(from: path),
            "css": SitePaths.rootPrefix(from: path) + "theme/style.css",
            "homeURL": SitePaths.relative(from: path, to: SitePaths.home(language)),
            "menu": menu,
            "t": theme.strings[language] ?? [:],
            "feedURL": SitePaths.relative(from: path, to: SitePaths.feed(language)),
            "azURL": SitePaths.relative(from: path, to: SitePaths.generated("az", site.config, language)),
            "tagsURL": SitePaths.relative(from: path, to: SitePaths.generated("tags", site.config, language)),
            "searchURL": SitePaths.relative(from: path, to: SitePaths.generated("search", site.config, language)),
        ]
    }
}
