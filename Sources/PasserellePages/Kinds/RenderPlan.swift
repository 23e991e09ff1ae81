import PasserelleModel
import PasserelleTemplates

/// The jobs of every page kind for one site: what a full build renders, what a text edit
/// redoes, which files collide, and which bodies other pages quote.
package struct RenderPlan: Sendable {
    package let site: Site

    package init(site: Site) {
        self.site = site
    }

    /// Every job, kind by kind in the order of `PageKinds.all` (made at each call).
    package var jobs: [PageJob] {
        PageKinds.all.enumerated().flatMap { index, kind in RenderPlan.stamped(kind.jobs(in: site), kind: index) }
    }

    private static func stamped(_ jobs: [PageJob], kind: Int) -> [PageJob] {
        jobs.map { job in
            var job = job
            job.kind = kind
            return job
        }
    }

    /// An entry's body in one language: what a text edit changes.
    package struct EditedBody: Hashable, Sendable {
        package let entry: EntryID
        package let language: LanguageCode

        package init(entry: EntryID, language: LanguageCode) {
            self.entry = entry
            self.language = language
        }
    }

    /// What a text edit carries over from the files the last build wrote into those it writes
    /// again: the files hold what the snapshot does not keep.
    package struct Carried: Sendable {
        /// The bodies edited since: their records and blocks are made again.
        package let edited: Set<EditedBody>
        /// Each language's search records, as its `search.json` holds them (`SearchIndexFiles.carriedRecords`).
        package let search: [LanguageCode: SearchFragments]
        /// Each language's calendar's `VEVENT` blocks, as its `calendar.ics` holds them (`LanguageICalendarFile.carriedBlocks`).
        package let eventBlocks: [LanguageCode: [[UInt8]]]

        package init(edited: Set<EditedBody>, search: [LanguageCode: SearchFragments], eventBlocks: [LanguageCode: [[UInt8]]]) {
            self.edited = edited
            self.search = search
            self.eventBlocks = eventBlocks
        }
    }

    /// The jobs whose files show one of `edits`: all that a rebuild after those edits must redo.
    package func jobs(showing edits: Set<EditedBody>) -> [PageJob] {
        let byLanguage = Dictionary(grouping: edits, by: \.language).mapValues { Set($0.map(\.entry)) }
        return PageKinds.all.enumerated().flatMap { index, kind in
            RenderPlan.stamped(kind.jobs(showing: byLanguage, in: site), kind: index)
        }
    }

    /// The bodies some job shows besides its own entry's, as plain text (and as HTML too when
    /// `html`): those a build's snapshot must keep for a later text edit of another entry.
    package func quotedBodies() -> (plainText: Set<EditedBody>, html: Set<EditedBody>) {
        var plainText = Set<EditedBody>(), html = Set<EditedBody>()
        // Asked of the jobs across cores: a feed finds its latest entries among all of them.
        let jobs = self.jobs
        let uses = jobs.concurrentMap { [site] job in PageKinds.all[job.kind].bodies(of: job, in: site) }
        for (job, use) in zip(jobs, uses) {
            guard case let .quoted(ids, withHTML) = use else { continue }
            for id in ids {
                let body = EditedBody(entry: id, language: job.language)
                plainText.insert(body)
                if withHTML { html.insert(body) }
            }
        }
        return (plainText, html)
    }

    /// Renders `jobs` (all of them by default). With a `sink`, each file is handed to it as soon as
    /// it is rendered (from any thread), and the pages returned have empty content: a large site
    /// is then never held in memory whole. Pages come back in the order of their jobs.
    package func render(_ jobs: [PageJob]? = nil, with renderer: PageRenderer,
                        sink: (@Sendable (PageRenderer.Page) -> Void)? = nil) -> [PageRenderer.Page] {
        // A full render makes what its jobs share first; a few jobs (a text edit) make only what they read.
        if jobs == nil { renderer.prepare() }
        let jobs = jobs ?? self.jobs
        func run(_ phase: RenderPhase, after pages: [PageRenderer.Page]) -> [PageRenderer.Page] {
            let inPhase = jobs.filter { PageKinds.all[$0.kind].phase == phase }
            // The long jobs start first; the pages are still returned in the order of the jobs.
            let schedule = inPhase.indices.filter { inPhase[$0].isLong } + RenderPlan.alternatingLanguages(inPhase.indices.filter { !inPhase[$0].isLong }, of: inPhase)
            let scheduled = schedule.concurrentMap { index -> [PageRenderer.Page] in
                let job = inPhase[index]
                let rendered = PageKinds.all[job.kind].render(job, renderer, pages: pages)
                guard let sink else { return rendered }
                return rendered.map { page in
                    sink(page)
                    return page.withoutContent
                }
            }
            var byJob = [[PageRenderer.Page]](repeating: [], count: inPhase.count)
            for (index, rendered) in zip(schedule, scheduled) { byJob[index] = rendered }
            return byJob.flatMap { $0 }
        }
        let pages = run(.pages, after: [])
        return pages + run(.afterPages, after: pages)
    }

    /// `indices` (of `jobs`) taken from each language in turn, each language's in their order:
    /// the two cores then mostly write into different folders. (Language after language, both
    /// made folders in the same `fr/projects/` at once, and on ext4 one of them spun on that
    /// folder's lock: 13 % of the `mkdir` time of a cold build.)
    static func alternatingLanguages(_ indices: [Int], of jobs: [PageJob]) -> [Int] {
        var byLanguage: [LanguageCode: [Int]] = [:], languages: [LanguageCode] = []
        for index in indices {
            let language = jobs[index].language
            if byLanguage[language] == nil { languages.append(language) }
            byLanguage[language, default: []].append(index)
        }
        let queues = languages.map { byLanguage[$0]! }
        var alternating: [Int] = []
        alternating.reserveCapacity(indices.count)
        for position in 0..<(queues.map(\.count).max() ?? 0) {
            for queue in queues where position < queue.count { alternating.append(queue[position]) }
        }
        return alternating
    }

    /// Two files for one path lose one of them: pages that collide (a section slug equal to a generated
    /// page's), aliases that land on a page, aliases that land on each other.
    package static func collisions(pages: [PageRenderer.Page], aliases: [(path: String, target: String, title: String, location: SourceLocation)],
                                   siteFile: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var counts: [String: Int] = [:]
        counts.reserveCapacity(pages.count)
        for page in pages where !page.isRedirect { counts[page.path, default: 0] += 1 }
        // Only the paths written twice are sorted (for the order of the messages), not every page's.
        for (path, count) in counts.filter({ $0.value > 1 }).sorted(by: { $0.key < $1.key }) {
            diagnostics.append(.error(SourceLocation(path: siteFile), "\(count) pages are written to '\(path)': a section slug is probably the same as a generated page's (change 'slug' under 'sections' or 'paths')"))
        }
        var seen: [String: SourceLocation] = [:]
        for alias in aliases {
            if let first = seen[alias.path] {
                diagnostics.append(.error(alias.location, "alias '\(alias.path)' is also an alias at \(first.path):\(first.line):\(first.column)"))
            } else if counts[alias.path] != nil {
                diagnostics.append(.error(alias.location, "alias '\(alias.path)' collides with a page of the site"))
            }
            if seen[alias.path] == nil { seen[alias.path] = alias.location }
        }
        return diagnostics
    }
}
