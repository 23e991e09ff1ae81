import PasserelleModel
import PasserelleTemplates

/// One kind of page or file the site publishes: the language chooser, an entry's page, the
/// calendars, the search index, the sitemap…
///
/// A kind says everything the rest of the build needs to know of it: its jobs (the units the
/// renderer runs in parallel), the templates and template keys its pages use (the theme is
/// checked against them), the link it adds to every page's chrome, and which entries' bodies its
/// files show (what a text edit must redo, and what the snapshot of a build must keep). The
/// render plan (`RenderPlan`), made of `PageKinds.all`, is the only place these come together.
/// A new page kind is one file with a type conforming to this and its template.
package protocol PageKind: Sendable {
    /// The kind in words, for documentation and test messages.
    var name: String { get }
    /// The templates its pages render: the theme must have each one.
    var templates: [String] { get }
    /// The template keys its contexts provide besides the chrome's: a template reading any other
    /// key is a theme error.
    var keys: [String] { get }
    /// When it renders: with the pages, or after them from what they are (the sitemap).
    var phase: RenderPhase { get }
    /// Its jobs for `site`, in a fixed order.
    func jobs(in site: Site) -> [PageJob]
    /// The files of one of its jobs. `pages` are the pages rendered before, for a kind that
    /// renders after them (`phase == .afterPages`); empty otherwise.
    func render(_ job: PageJob, _ renderer: PageRenderer, pages: [PageRenderer.Page]) -> [PageRenderer.Page]
    /// What the files of `job` show of entries' bodies.
    func bodies(of job: PageJob, in site: Site) -> BodyUse
    /// Its jobs whose files show one of the edited bodies (entry ids by language): by default
    /// those of `jobs(in:)` whose `bodies(of:in:)` show one. A kind with a job per entry finds
    /// them without listing every job (the same jobs: `RenderPlanTests` holds them to it).
    func jobs(showing edits: [LanguageCode: Set<EntryID>], in site: Site) -> [PageJob]
    /// The template key of the link every page's chrome has to this kind's page, if it has one.
    var chromeLinkKey: String? { get }
    /// The path of the page the chrome links to in `language` (when `chromeLinkKey` is not nil).
    func chromeLinkTarget(in site: Site, language: LanguageCode) -> String?
}

extension PageKind {
    package var templates: [String] { [] }
    package var keys: [String] { [] }
    package var phase: RenderPhase { .pages }
    package func bodies(of job: PageJob, in site: Site) -> BodyUse { .none }

    package func jobs(showing edits: [LanguageCode: Set<EntryID>], in site: Site) -> [PageJob] {
        jobs(in: site).filter { job in edits[job.language].map { bodies(of: job, in: site).shows(anyOf: $0) } ?? false }
    }
    package var chromeLinkKey: String? { nil }
    package func chromeLinkTarget(in site: Site, language: LanguageCode) -> String? { nil }
}

/// When a kind renders.
package enum RenderPhase: Sendable {
    /// Beside every other page.
    case pages
    /// Once every page of the `.pages` phase is rendered, from them (without their content).
    case afterPages
}

/// One unit of rendering: a kind, a language (`.root` for the files at the root), and what in the
/// site it is about.
package struct PageJob: Sendable, Equatable {
    /// What a job is about.
    package enum Subject: Sendable, Equatable {
        /// The whole language (or site).
        case all
        /// One section, by name.
        case section(String)
        /// One entry, by id.
        case entry(EntryID)
    }

    /// The kind's position in `PageKinds.all` (set by the render plan).
    package internal(set) var kind = -1
    package let language: LanguageCode
    package let subject: Subject
    /// A job that renders hundreds of files (a language's calendars, its search index): started
    /// first, so that none is left running alone at the end.
    package let isLong: Bool

    /// The job of a kind whose files are at the root, in no one language (`LanguageCode.root`).
    package static let atRoot = PageJob(language: .root)

    package init(language: LanguageCode, subject: Subject = .all, isLong: Bool = false) {
        self.language = language
        self.subject = subject
        self.isLong = isLong
    }
}

/// What a job's files show of entries' bodies (their HTML or plain text) in the job's language.
package enum BodyUse: Sendable, Equatable {
    case none
    /// The body of its own entry: its page, its iCalendar file.
    case own(EntryID)
    /// The bodies of these entries, as plain text, or as HTML too (`html`): the feed, the calendar of a language.
    case quoted(Set<EntryID>, html: Bool)
    /// A record of every entry's body (the search index), in an order the snapshot keeps: a text
    /// edit takes the records from the file the last build wrote and makes the edited entries' again.
    case records
    /// A block of one file per entry of these (the `VEVENT`s of a language's calendar), which the
    /// snapshot does not keep: a text edit takes the blocks of the others from the file the last
    /// build wrote, and writes the edited entries' blocks again.
    case blocks(Set<EntryID>)

    /// Whether an edit of the body of one of `ids` changes the job's files.
    package func shows(anyOf ids: Set<EntryID>) -> Bool {
        switch self {
        case .none: return false
        case let .own(own): return ids.contains(own)
        case let .quoted(quoted, _), let .blocks(quoted): return !quoted.isDisjoint(with: ids)
        case .records: return !ids.isEmpty
        }
    }
}

/// Every kind of page and file, in the order their jobs are listed.
package enum PageKinds {
    package static let all: [any PageKind] = [
        LanguageChooserPage(), RootNotFoundPage(),
        SearchIndexFiles(), AtoZPage(), TagsPage(), SearchPage(), NotFoundPage(), TagPages(), AtomFeedFile(),
        HomePage(), SectionListingPage(), CatalogFacetPages(), EntryPages(),
        CalendarPages(), EventICalendarFile(), LanguageICalendarFile(),
        RedirectPages(), SitemapFile(), RobotsFile(),
        TranslationStatusPages(),
    ]

    /// The template every page template includes, and the keys of every page's chrome.
    package static let chromeTemplates = ["base"]
    package static let chromeKeys = [
        "lang", "rtl", "dir", "siteTitle", "title", "pageTitle", "root", "css", "homeURL", "canonical", "alternates", "hreflang", "href",
        "menu", "url", "current", "languages", "code", "name", "t", "description", "noindex", "baseHref",
        // Links to entries, in lists and menus.
        "section", "summary", "linkLang", "when",
        // The bundles of the whole site (`build --offline-bundles`).
        "downloads", "format", "size", "type",
    ]

    /// What a theme must have for these kinds: every template, and the keys its templates may read.
    package static var themeRequirements: ThemeRequirements {
        ThemeRequirements(templates: chromeTemplates + all.flatMap(\.templates),
                          keys: Set(chromeKeys + all.flatMap(\.keys) + all.compactMap(\.chromeLinkKey)))
    }

    /// The links of every page's chrome to the kinds' pages in `language`: template key, path.
    package static func chromeLinks(in site: Site, language: LanguageCode) -> [(key: String, path: String)] {
        all.compactMap { kind in kind.chromeLinkKey.flatMap { key in kind.chromeLinkTarget(in: site, language: language).map { (key, $0) } } }
    }
}

/// A page per language whose slug `site.yaml` may set under `paths` (the A–Z index, tags,
/// search), linked from every page's chrome.
package protocol GeneratedPage: PageKind {
    /// Its key under `paths` in `site.yaml` (`SiteConfig.generatedSlug`).
    static var pathKey: String { get }
}

extension GeneratedPage {
    package func jobs(in site: Site) -> [PageJob] { site.languageCodes.map { PageJob(language: $0) } }

    package func chromeLinkTarget(in site: Site, language: LanguageCode) -> String? {
        SitePaths.generated(Self.pathKey, site.config, language)
    }
}
