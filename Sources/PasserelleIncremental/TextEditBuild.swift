import PasserelleMarkdown
import PasserelleContent
import PasserelleModel
import PasserellePages
import PasserelleResolve
import PasserelleTemplates
import PasserelleOutput
import CFileTree
import Foundation

/// A rebuild after edits to the Markdown of entries and nothing else, the most common change an
/// editor makes. The edited bodies are rendered again, then only the files that show them, as
/// the render plan's page kinds declare (`PageKind.bodies(of:in:)`): the entry's pages, the search
/// index, the feed when it lists the entry, for an event its calendar files. They replace the
/// old ones in the current output, every other file stays, and the result is the output a full
/// build gives.
///
/// It applies when the last build left a `SiteSnapshot` of the current output, made under the
/// same environment (theme, `site.yaml`, assets, options, tool, build day, the list of content
/// files), and when every edited text keeps its front matter, its heading ids and the entries it
/// references: those reach other pages (titles, backlinks, anchors), so changing them needs a
/// full build, which `run()` then asks for.
package struct TextEditBuild: Sendable {
    /// What the rebuild did.
    package enum Outcome {
        /// The edits reach beyond the edited texts' own files (the reason says how).
        case needsFullBuild(String)
        /// Done (or stopped by errors in the edited texts, the output untouched); the snapshot of the new output.
        case built(BuildReport, SiteSnapshot?)
    }

    let options: BuildOptions
    let snapshot: SiteSnapshot
    let config: SiteConfig
    let theme: Theme
    let fingerprint: BuildCache.Fingerprint
    /// The manifest file of the current output, checked intact.
    let output: Data
    /// How the content folder is shown in diagnostics.
    let displayRoot: String
    /// Where the output is (held by the build).
    let target: any OutputTarget

    package init(options: BuildOptions, snapshot: SiteSnapshot, config: SiteConfig, theme: Theme, fingerprint: BuildCache.Fingerprint,
                 output: Data, displayRoot: String, target: any OutputTarget) {
        self.options = options
        self.snapshot = snapshot
        self.config = config
        self.theme = theme
        self.fingerprint = fingerprint
        self.output = output
        self.displayRoot = displayRoot
        self.target = target
    }

    package func run() -> Outcome {
        var clock = PhaseClock(enabled: options.showsTimings)
        let languages = config.languageCodes
        let texts = fingerprint.textHashes
        let changed = texts.filter { snapshot.texts[$0.key] != $0.value }.keys.sorted()
        let loader = ContentLoader(contentDirectory: options.content, displayRoot: displayRoot)
        let resolver = SiteResolver(config: config, options: .init(includeDrafts: options.includeDrafts, buildDate: options.buildDate, showsTimings: options.showsTimings))
        let before = snapshot.site.entries
        var entries = before
        var bodyDiagnostics = snapshot.bodyDiagnostics
        var jobs: [SiteResolver.RenderJob] = []
        for path in changed {
            let loaded = loader.loadFile(String(path.dropFirst("content/".count)), config: config)
            guard loaded.diagnostics.isEmpty, let file = loaded.files.first else { return .needsFullBuild("\(path) cannot be read") }
            guard !file.isIndex, let section = file.section, let entry = before[file.id], let variant = entry.variants[file.language] else {
                return .needsFullBuild("\(path) is not a published entry")
            }
            // A translation recorded from this text becomes outdated (or current again) with it: its
            // page's notice, the warning and the status page change too.
            if entry.variants.values.contains(where: { $0.metadata.translatedFrom?.language == file.language }) {
                return .needsFullBuild("a translation of \(path) records the version it was made from")
            }
            let declared = config.section(named: section)
            let parsed = FrontMatterParser.parse(file, kind: declared?.kind, fields: declared?.fields ?? [],
                                                 locales: config.languages.map(\.foundationLocale))
            guard parsed.metadata == variant.metadata, parsed.bodyFirstLine == variant.bodyFirstLine,
                  parsed.diagnostics == snapshot.frontMatterDiagnostics[file.relativePath] ?? [] else {
                return .needsFullBuild("the front matter of \(path) changed")
            }
            for language in languages {
                let page = entry.pages[language]
                guard page.textLanguage == file.language else { continue }
                jobs.append(.init(source: file, body: parsed.body, bodyFirstLine: parsed.bodyFirstLine, language: language, pagePath: page.outputPath))
            }
        }

        clock.lap("  edited texts read")
        // The edited bodies, against the unchanged rest of the site.
        let markdown = MarkdownRenderer(unsafeHTML: config.unsafeHTML)
        let index = ReferenceIndex(entryIDs: snapshot.knownIDs, languages: languages)
        let drafts = Set(snapshot.drafts), assets = Set(snapshot.site.assets)
        let targets = LinkTargets(reading: before, languages: languages)
        let results = jobs.concurrentMap { job in
            resolver.render(job, renderer: markdown, index: index, targets: targets, drafts: drafts, assets: assets, imageSizes: snapshot.imageSizes) { id, language in
                before[id]?.pages[language].headingIDs ?? []
            }
        }
        for (job, result) in zip(jobs, results) {
            let id = job.source.id
            guard var entry = entries[id] else { return .needsFullBuild("\(id) is not in the snapshot") }
            var page = entry.pages[job.language]
            let references = result.entryReferences(from: id)
            guard result.output.headingIDs == page.headingIDs else { return .needsFullBuild("the headings of \(job.source.displayPath) changed") }
            guard references == page.bodyReferences else { return .needsFullBuild("the references of \(job.source.displayPath) changed") }
            page.html = result.output.html
            page.plainText = result.output.plainText
            entry.pages[job.language] = page
            entries[id] = entry
            let found = Set(result.output.diagnostics).union(SiteResolver.anchorFailures(result, of: job, entries: before))
            bodyDiagnostics[SiteResolver.bodyKey(entry: id, section: nil, language: job.language)] = found.isEmpty ? nil : Array(found)
        }

        clock.lap("  edited bodies rendered")
        var report = BuildReport()
        report.languages = languages.map(\.rawValue)
        report.diagnostics = SiteResolver.Resolution.combine(
            frontMatter: Array(snapshot.frontMatterDiagnostics.values.joined()), other: snapshot.otherDiagnostics, bodies: bodyDiagnostics)
            .ordered(strict: options.strict)
        guard !report.diagnostics.hasErrors else { return .built(report, nil) }

        // The files that show the edited bodies: the jobs of the render plan that read them.
        let old = snapshot.site
        let site = Site(config: config, sections: old.sections, entries: entries, entryIDs: old.entryIDs, homeIntros: old.homeIntros, assets: old.assets, buildDate: options.buildDate)
        let edited = Set(jobs.map { RenderPlan.EditedBody(entry: $0.source.id, language: $0.language) })
        // The files written again that carry the last build's over: its search records and
        // calendar blocks, read from the output as they are (the edited ones are made again).
        let plan = RenderPlan(site: site)
        let redone = plan.jobs(showing: edited)
        var search: [LanguageCode: SearchFragments] = [:], eventBlocks: [LanguageCode: [[UInt8]]] = [:]
        for job in redone {
            let language = job.language
            switch PageKinds.all[job.kind] {
            case is SearchIndexFiles:
                let path = SitePaths.searchIndex(language)
                guard let order = snapshot.searchOrder[language], let file = target.currentFile(path),
                      let records = SearchIndexFiles.carriedRecords(of: file, language: language, order: order) else {
                    return .needsFullBuild("\(path) is not the search index the last build wrote")
                }
                search[language] = records
            case is LanguageICalendarFile:
                let path = SitePaths.languageCalendar(language)
                guard let file = target.currentFile(path), let blocks = LanguageICalendarFile.carriedBlocks(of: file, in: site, language: language) else {
                    return .needsFullBuild("\(path) is not the calendar the last build wrote")
                }
                eventBlocks[language] = blocks
            default:
                continue
            }
        }
        let renderer = PageRenderer(site: site, theme: theme, listsEverything: false, commitDays: { [:] },
                                    carried: RenderPlan.Carried(edited: edited, search: search, eventBlocks: eventBlocks))
        // A handful of files out of tens of thousands: replaced where they are (`InPlaceReplacement`).
        do {
            let sink = try target.replacement(current: output, theme: theme.directory)
            _ = plan.render(redone, with: renderer) { page in sink.write(page.path, .bytes(page.bytes)) }
            clock.lap("  files rendered")
            try sink.finish()
            clock.lap("  replaced in place")
        } catch let stale as PrecompressingOutput.StaleCopy {
            return .needsFullBuild("\(stale)")
        } catch {
            report.usageError = "\(error)"
            return .built(report, nil)
        }
        report.pagesPerLanguage = snapshot.pagesPerLanguage
        report.filesWritten = snapshot.filesWritten
        report.succeeded = true
        report.textsRebuilt = changed.count

        var next = snapshot
        next.outputInode = target.currentTree()
        next.texts = texts
        next.site = site
        next.bodyDiagnostics = bodyDiagnostics
        next.searchOrder = snapshot.searchOrder.merging(renderer.searchFragments.all.mapValues(\.entryIDs)) { $1 }
        next.editedPages.formUnion(jobs.map { SiteResolver.bodyKey(entry: $0.source.id, section: nil, language: $0.language) })
        return .built(report, next)
    }
}
