import PasserelleMarkdown
import PasserelleModel
import PasserelleTemplates
import Foundation

/// What the pages of a `Site` share when rendered through a theme: the chrome of every page,
/// links to entries, date phrases, the A–Z order and tags of each language. The page kinds
/// (`PageKinds`) render their pages with it; `RenderPlan` runs them.
public struct PageRenderer: Sendable {
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

    /// The translations of a page whose path in each language is `pathIn(code)`, and `x-default`:
    /// in every site language, or only in `languages` (those that have the page's text; none: no alternates).
    func alternatePaths(_ pathIn: (LanguageCode) -> String, languages: [LanguageCode]? = nil) -> [(String, String)] {
        let languages = languages ?? site.languageCodes
        guard !languages.isEmpty else { return [] }
        return languages.map { ($0.rawValue, pathIn($0)) } + [("x-default", xDefault(pathIn, languages: languages))]
    }

    /// The page for readers whose language is none of the site's: the default language's (or,
    /// where it lacks the text, the first of `languages`), or for the home pages the language
    /// chooser (`index.html`), which is there for them.
    func xDefault(_ pathIn: (LanguageCode) -> String, languages: [LanguageCode]? = nil) -> String {
        let preferred = site.config.defaultLanguage.code
        let code = languages.map { $0.contains(preferred) ? preferred : $0.first ?? preferred } ?? preferred
        let path = pathIn(code)
        return path == SitePaths.home(code) ? "index.html" : path
    }

    /// Renders `template` as the listed page at `path`, whose translations are at `pathIn(code)`
    /// (in `languages` only, when given).
    func page(_ template: String, _ context: TemplateRecord, path: String, languages: [LanguageCode]? = nil, pathIn: (LanguageCode) -> String) -> Page {
        Page(path: path, content: theme.render(template, context), alternates: alternatePaths(pathIn, languages: languages))
    }

    let site: Site
    let theme: Theme
    /// Date phrases per language, made once.
    let dateText: LanguageTable<DateText>
    /// Per language then entry id: where the entry is listed (its section's place among the site's
    /// sections, its own in that section's listing) and the entry, in one lookup: backlinks are
    /// grouped and ordered so, and a page may have hundreds.
    let listings: LanguageTable<EntryTable<Listed>>

    /// An entry where a language lists it.
    struct Listed {
        /// The index of its section in `site.sections`.
        let section: Int
        /// Its place in that section's listing.
        let rank: Int
        let entry: Entry
    }
    /// Every entry in the A–Z order of each language: the A–Z page and the search index share it.
    /// Made when first asked for: a rebuild after a text edit does not need it.
    func atoz(_ language: LanguageCode) -> AtoZIndex { atozMemo.value(for: language.rawValue) { AtoZIndex(site: site, language: language) } }
    private let atozMemo = ConcurrentMemo<AtoZIndex>()
    /// When each event happens, in words, by language then entry id: every list that links an event shows it.
    let eventTimes: LanguageTable<EntryTable<String>>
    /// Per language then entry id: a link to the entry without its URL (which depends on the
    /// page it is on), made once: lists and backlinks show each entry many times.
    let linkBases: LanguageTable<EntryTable<(fields: TemplateRecord, target: String)>>
    /// Per language, the depth (number of `/`) of the deepest page the chrome links to.
    let chromeDepth: LanguageTable<Int>
    let chromeCache = ConcurrentMemo<TemplateRecord>()
    /// The search records of each language, as rendered: the build snapshot keeps them.
    public let searchFragments = SearchFragments.Store()

    /// The tags of each language, made when first asked for (the tags page and the tag pages share them).
    func tags(_ language: LanguageCode) -> [TagIndex.Tag] { tagsMemo.value(for: language.rawValue) { TagIndex(site: site, language: language).tags } }
    private let tagsMemo = ConcurrentMemo<[TagIndex.Tag]>()
    let icalBlocks = ConcurrentMemo<ICalendarEventBlock?>()
    /// The host every event's `UID` ends with: the base URL's, or `passerelle`.
    let eventUIDHost: String
    /// An alias of a text: the file it becomes, the page it leads to, the text's title, where it was written.
    package typealias AliasRedirect = (path: String, target: String, title: String, location: SourceLocation)
    let aliasMemo = ConcurrentMemo<[AliasRedirect]>()
    /// The catalogs of the catalog sections, by language and section (`catalog(_:_:)`).
    let catalogMemo = ConcurrentMemo<Catalog>()
    /// After a text edit: what the files written again carry over from the last build's (`RenderPlan.Carried`).
    package let carried: RenderPlan.Carried?
    /// The bundles of the whole site, linked from every page's footer with their sizes.
    let downloads: [OfflineDownload]
    /// The last commit day of each content file, for the translation status (`GitHistory`); it
    /// may wait for `git log`.
    let commitDays: @Sendable () -> [String: CalendarDate]
    /// The text of a git blob id or abbreviation, when git still has it: the version of a source a
    /// translation records (`translated_from`), for the status page's word diff.
    let recordedText: @Sendable (String) -> String?

    /// With `listsEverything` false, the event times and link fields of every entry are not made
    /// up front but per link: a rebuild after a text edit renders a few pages, not every list.
    /// `downloads`: the bundles of the site every page's footer links to.
    public init(site: Site, theme: Theme, listsEverything: Bool = true,
                commitDays: @escaping @Sendable () -> [String: CalendarDate] = { [:] },
                recordedText: @escaping @Sendable (String) -> String? = { _ in nil }, downloads: [OfflineDownload] = []) {
        self.init(site: site, theme: theme, listsEverything: listsEverything, commitDays: commitDays, recordedText: recordedText,
                  carried: nil, downloads: downloads)
    }

    package init(site: Site, theme: Theme, listsEverything: Bool, commitDays: @escaping @Sendable () -> [String: CalendarDate],
                 recordedText: @escaping @Sendable (String) -> String? = { _ in nil },
                 carried: RenderPlan.Carried?, downloads: [OfflineDownload] = []) {
        self.site = site
        self.theme = theme
        self.downloads = downloads
        self.commitDays = commitDays
        self.recordedText = recordedText
        self.carried = carried
        eventUIDHost = URL(string: site.config.baseURL)?.host ?? "passerelle"
        let languages = site.languageCodes
        let dateText = LanguageTable(languages: languages) { code in
            DateText(locale: site.config.locale(of: code), strings: theme.strings(code))
        }
        self.dateText = dateText
        listings = LanguageTable(languages: languages) { language in
            var listed = EntryTable<Listed>()
            for (index, section) in site.sections.enumerated() {
                for (rank, id) in section.orderedEntries[language].enumerated() {
                    if let entry = site.entry(id) { listed[id] = Listed(section: index, rank: rank, entry: entry) }
                }
            }
            return listed
        }
        // Each language's event times and links on its own core.
        let ids = listsEverything ? site.entryIDs : []
        let made = languages.concurrentMap { language -> (times: EntryTable<String>, bases: EntryTable<(fields: TemplateRecord, target: String)>) in
            var times = EntryTable<String>()
            for id in ids {
                if let event = site[id].shownText(in: language).metadata.event { times[id] = dateText[language].event(event) }
            }
            let bases = EntryTable(ids.map { id in
                (id, PageRenderer.linkBase(site[id], language: language, when: times[id] ?? "", shared: true))
            })
            return (times, bases)
        }
        eventTimes = LanguageTable(languages: languages, values: made.map(\.times))
        linkBases = LanguageTable(languages: languages, values: made.map(\.bases))
        chromeDepth = LanguageTable(languages: languages) { language in
            PageRenderer.chromeTargets(site: site, language: language).map { SitePaths.depth($0.utf8) }.max() ?? 0
        }
    }

    var languages: [LanguageCode] { site.languageCodes }

    /// Makes what every job of a full render shares: the A–Z order of both languages at once,
    /// before the jobs that read it.
    func prepare() {
        _ = languages.concurrentMap { atoz($0) }
    }

    /// Every page of the site and every file, in the order of the render plan's jobs (see `RenderPlan.render`).
    public func renderAll(sink: (@Sendable (Page) -> Void)? = nil) -> [Page] {
        RenderPlan(site: site).render(with: self, sink: sink)
    }

    // MARK: Pages

    /// The bilingual context of pages at the root: the language chooser and the root 404.
    func rootContext(path: String) -> TemplateRecord {
        let choices: [TemplateRecord] = site.config.languages.map { language in
            let t = theme.strings(language.code)
            return ["code": .text(language.code.rawValue), "name": .text(language.name), "url": .text(SitePaths.relative(from: path, to: SitePaths.home(language.code))),
                    "siteTitle": .text(site.config.title(in: language.code)), "enter": .text(t["enter_site"] ?? language.name),
                    "dir": language.isRightToLeft ? "rtl" : false]
        }
        let alternates = self.alternates { SitePaths.home($0) }
        let context: TemplateRecord = [
            "lang": .text(site.config.defaultLanguage.code.rawValue), "root": "", "languages": .records(choices), "alternates": .records(alternates),
            "css": "theme/style.css", "canonical": .text(SitePaths.absolute(path, baseURL: site.config.baseURL)),
            "titles": .text(site.config.languages.map { site.config.title(in: $0.code) }.joined(separator: " · ")),
            "notFoundTexts": .records(site.config.languages.map { ["code": .text($0.code.rawValue), "text": .text(theme.strings($0.code)["not_found_text"] ?? ""),
                                                          "dir": $0.isRightToLeft ? "rtl" : false] }),
        ]
        return context
    }

    // MARK: Shared pieces

    /// A link to an entry as shown in lists: title in the reader's language where it exists, with its real `lang`.
    func entryLink(_ entry: Entry, language: LanguageCode, from path: String) -> TemplateRecord {
        // The shared base read where the table holds it (a copy retained its fields and path).
        if let shared = linkBases[language].withValue(entry.id, { $0.map { PageRenderer.link($0.pointee.fields, to: $0.pointee.target, from: path) } }) {
            return shared
        }
        let base = PageRenderer.linkBase(entry, language: language, when:
            entry.variant(for: language, order: languages).metadata.event.map { dateText[language].event($0) } ?? "")
        return PageRenderer.link(base.fields, to: base.target, from: path)
    }

    /// `fields` with the URL of `target` from `path`.
    @inline(__always)
    private static func link(_ fields: TemplateRecord, to target: String, from path: String) -> TemplateRecord {
        var link = fields
        link["url"] = .text(SitePaths.relative(from: path, to: target))
        return link
    }

    /// The fields of a link to `entry` in `language` but its URL; `when` is its event's time in words.
    /// `shared`: for the table of links every page reads, laid under the records made of it (`TemplateRecord(over:)`).
    private static func linkBase(_ entry: Entry, language: LanguageCode, when: String, shared: Bool = false) -> (fields: TemplateRecord, target: String) {
        let page = entry.pages[language]
        let meta = entry.shownText(in: language).metadata
        var link: TemplateRecord = ["title": .text(meta.title), "section": .text(entry.section.title(in: language))]
        if page.isFallback { link["linkLang"] = .text(page.textLanguage.rawValue) }
        if let summary = meta.summary { link["summary"] = .text(summary) }
        if meta.event != nil { link["when"] = .text(when) }
        return (shared ? TemplateRecord(over: link) : link, page.outputPath)
    }

    /// The head's `<link rel="alternate" hreflang>`s: every site language, or only `languages`.
    func alternates(_ pathIn: (LanguageCode) -> String, languages: [LanguageCode]? = nil) -> [TemplateRecord] {
        alternatePaths(pathIn, languages: languages).map { ["hreflang": .text($0.0), "href": .text(SitePaths.absolute($0.1, baseURL: site.config.baseURL))] }
    }

    /// What every page of a language shares: head links, menu, language switcher, UI strings. Its
    /// alternates name every site language, or only `versions` (the languages that have the page).
    func chrome(language: LanguageCode, path: String, title: String?, versions: [LanguageCode]? = nil,
                pathIn: (LanguageCode) -> String) -> TemplateRecord {
        let siteTitle = site.config.title(in: language)
        // A page deeper than every link of the chrome sees the same chrome as its siblings.
        let depth = SitePaths.depth(path.utf8)
        var context: TemplateRecord
        if depth > chromeDepth[language], let folder = path.utf8.lastIndex(of: UInt8(ascii: "/")),
           let parent = path[..<folder].utf8.lastIndex(of: UInt8(ascii: "/")) {
            // Laid over, not copied: its values are not retained again for each page (by both cores).
            context = chromeCache.value(for: language.rawValue + "|" + String(path[..<parent]) + "|" + String(depth)) {
                TemplateRecord(over: sharedChrome(language: language, path: path))
            }
        } else {
            context = sharedChrome(language: language, path: path)
        }
        context["title"] = .text(title ?? siteTitle)
        context["pageTitle"] = .text(title.map { "\($0) · \(siteTitle)" } ?? siteTitle)
        context["canonical"] = .text(SitePaths.absolute(path, baseURL: site.config.baseURL))
        context["alternates"] = .records(alternates(pathIn, languages: versions))
        let rightToLeft = site.config.isRightToLeft(language)
        context["languages"] = .records(site.config.languages.map { other -> TemplateRecord in
            ["code": .text(other.code.rawValue), "name": .text(other.name), "current": .bool(other.code == language),
             "url": .text(SitePaths.relative(from: path, to: pathIn(other.code))),
             // Each name in its own direction, where it is not the page's.
             "dir": other.isRightToLeft == rightToLeft ? false : other.isRightToLeft ? "rtl" : "ltr"]
        })
        return context
    }

    /// Every page the chrome of a language links to: home, sections, pages, and the kinds' pages (feed, A–Z, tags, search).
    static func chromeTargets(site: Site, language: LanguageCode) -> [String] {
        var targets = [SitePaths.home(language)] + PageKinds.chromeLinks(in: site, language: language).map(\.path)
        for section in site.sections {
            if section.config.kind == .page {
                targets += section.orderedEntries[language].map { site[$0].pages[language].outputPath }
            } else {
                targets.append(SitePaths.section(section.config, language))
            }
        }
        return targets
    }

    /// The chrome fields that depend only on the page's place: menu, relative links, UI strings.
    private func sharedChrome(language: LanguageCode, path: String) -> TemplateRecord {
        var menu: [TemplateRecord] = [["title": .text(theme.strings(language)["home"] ?? "Home"),
                                      "url": .text(SitePaths.relative(from: path, to: SitePaths.home(language))),
                                      "current": .bool(path == SitePaths.home(language))]]
        for section in site.sections {
            if section.config.kind == .page {
                for id in section.orderedEntries[language] {
                    let entry = site[id]
                    let target = entry.pages[language].outputPath
                    var item = entryLink(entry, language: language, from: path)
                    item["current"] = .bool(target == path)
                    menu.append(item)
                }
            } else {
                let target = SitePaths.section(section.config, language)
                let prefix = String(target.dropLast("index.html".count))
                menu.append(["title": .text(section.config.title(in: language)),
                             "url": .text(SitePaths.relative(from: path, to: target)),
                             "current": .bool(path.hasPrefix(prefix))])
            }
        }
        var shared: TemplateRecord = [
            "lang": .text(language.rawValue),
            "rtl": .bool(site.config.isRightToLeft(language)),
            "siteTitle": .text(site.config.title(in: language)),
            "root": .text(SitePaths.rootPrefix(from: path)),
            "css": .text(SitePaths.rootPrefix(from: path) + "theme/style.css"),
            "homeURL": .text(SitePaths.relative(from: path, to: SitePaths.home(language))),
            "menu": .records(menu),
            "t": .table(theme.stringTables[language.rawValue] ?? [:]),
        ]
        for link in PageKinds.chromeLinks(in: site, language: language) {
            shared[link.key] = .text(SitePaths.relative(from: path, to: link.path))
        }
        if !downloads.isEmpty {
            let locale = site.config.foundationLocale(of: language)
            shared["downloads"] = .records(downloads.map { download -> TemplateRecord in
                ["url": .text(SitePaths.relative(from: path, to: download.path)), "format": .text(download.format), "type": .text(download.mimeType),
                 "size": .text(Int64(download.size).formatted(.byteCount(style: .file).locale(locale)))]
            })
        }
        return shared
    }
}

extension Theme {
    /// The theme's UI strings for `language` (none when the theme has none for it).
    func strings(_ language: LanguageCode) -> [String: String] { strings[language.rawValue] ?? [:] }
}
