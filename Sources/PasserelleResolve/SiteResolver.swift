import PasserelleMarkdown
import PasserelleContent
import PasserelleModel
import Foundation

/// Turns loaded files into the immutable `Site`: parses front matter, pairs translations,
/// resolves references, renders bodies, and computes backlinks, collecting every diagnostic.
public struct SiteResolver: Sendable {
    public struct Options: Sendable {
        public var includeDrafts = false
        public var buildDate = Date()
        /// Print how long each step took (`BuildOptions.showsTimings`).
        public var showsTimings = false
        public init(includeDrafts: Bool = false, buildDate: Date = Date(), showsTimings: Bool = false) {
            self.includeDrafts = includeDrafts
            self.buildDate = buildDate
            self.showsTimings = showsTimings
        }
    }

    let config: SiteConfig
    let options: Options

    public init(config: SiteConfig, options: Options) {
        self.config = config
        self.options = options
    }

    /// What resolving found: the site (nil when there are errors), every diagnostic, and what a
    /// later build needs to redo one text alone (`SiteSnapshot`).
    public struct Resolution: Sendable {
        public var site: Site?
        public var diagnostics: [Diagnostic]
        /// Front matter diagnostics, by file path relative to the content folder.
        package var frontMatterDiagnostics: [String: [Diagnostic]] = [:]
        /// Diagnostics of each rendered body (its Markdown, references and anchors), by `bodyKey`.
        package var bodyDiagnostics: [String: [Diagnostic]] = [:]
        /// Diagnostics of pairing translations and resolving `related`.
        package var otherDiagnostics: [Diagnostic] = []
        /// Entries that references may name (including those whose files have errors).
        package var knownIDs: [EntryID] = []
        /// Drafts left out of this build.
        package var drafts: [EntryID] = []

        /// All diagnostics, from their parts, in the order `resolve` gives them.
        package static func combine(frontMatter: [Diagnostic], other: [Diagnostic], bodies: [String: [Diagnostic]]) -> [Diagnostic] {
            frontMatter + other + Set(bodies.values.joined())
        }
    }

    /// The targets of each `references` field of `metadata` (the text of entry `id`), resolved
    /// like `related` but only into the field's section: a reference without a section is looked
    /// up there first. Every reference that does not resolve, or resolves elsewhere, is an error;
    /// `existing` are the entries of the build (a draft left out is not one).
    package static func fieldTargets(_ metadata: EntryMetadata, of id: EntryID, section: SectionConfig?, index: ReferenceIndex,
                                     existing: Set<EntryID>, drafts: Set<EntryID>, diagnostics: inout [Diagnostic]) -> [String: [EntryID]] {
        guard let section, !metadata.fields.isEmpty else { return [:] }
        var targets: [String: [EntryID]] = [:]
        for field in section.fields {
            guard let to = field.target, case let .references(references)? = metadata.fields[field.name] else { continue }
            var found: [EntryID] = []
            for reference in references {
                let written = ContentPath.splitAnchor(reference.text).0
                var result = index.resolve(written)
                if !written.contains("/"), case .success(EntryID(to + "/" + written)) = index.resolve(to + "/" + written) {
                    result = .success(EntryID(to + "/" + written))
                }
                switch result {
                case let .success(target) where drafts.contains(target) && !existing.contains(target):
                    diagnostics.append(.error(reference.location, "reference '\(reference.text)' leads to a draft, which this build leaves out (build with --drafts, or publish it)"))
                case let .success(target) where target.section != to:
                    let sectionName = String(target.section)
                    diagnostics.append(.error(reference.location, "reference '\(reference.text)' in '\(field.name)' leads into section '\(sectionName)': it must be an entry of '\(to)'"))
                case let .success(target):
                    if target != id && !found.contains(target) && existing.contains(target) { found.append(target) }
                case let .failure(.notFound(suggestions)):
                    let inSection = suggestions.filter { $0.hasPrefix(to + "/") }
                    let hint = Suggestion.closest(to: written, in: existing.filter { $0.section == to }.map { String($0.rawValue.dropFirst(to.count + 1)) }.sorted())
                        .map { to + "/" + $0 }
                    let named = (inSection + hint).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }.prefix(3)
                    diagnostics.append(.error(reference.location, "unresolved reference '\(reference.text)' in '\(field.name)': no entry of '\(to)' is named so"
                        + (named.isEmpty ? "" : " (did you mean " + named.map { "'\($0)'" }.joined(separator: " or ") + "?)")))
                case let .failure(failure):
                    diagnostics.append(.error(reference.location, ReferenceIndex.message(for: failure, reference: reference.text)))
                }
            }
            targets[field.name] = found
        }
        return targets
    }

    /// The key of a rendered body: an entry's page, or a section's (home: `""`) intro, in a language.
    package static func bodyKey(entry id: EntryID?, section: String?, language: LanguageCode) -> String {
        id.map { "entry:\($0):\(language)" } ?? "intro:\(section ?? ""):\(language)"
    }

    /// A text to render for one page, with what the page needs to resolve its links.
    package struct RenderJob {
        package let source: SourceFile
        package let body: Substring
        package let bodyFirstLine: Int
        package let language: LanguageCode
        package let pagePath: String
        /// A fallback page shows text written for another language: its anchors were checked there.
        package var isFallback: Bool { source.language != language }

        package init(source: SourceFile, body: Substring, bodyFirstLine: Int, language: LanguageCode, pagePath: String) {
            self.source = source
            self.body = body
            self.bodyFirstLine = bodyFirstLine
            self.language = language
            self.pagePath = pagePath
        }
    }

    /// A class, immutable: the results of a build's 20,000 bodies are gathered into one array by
    /// job, read by several passes and handed on whole, and a copy is then one retain, not five
    /// (the copies ran on one core while the other waited).
    package final class RenderResult: Sendable {
        package let output: MarkdownRenderer.Output
        package let references: [(id: EntryID, anchor: String?, location: SourceLocation)]

        package init(output: MarkdownRenderer.Output, references: [(id: EntryID, anchor: String?, location: SourceLocation)]) {
            self.output = output
            self.references = references
        }

        /// The entries the body of `id` references, in order of first appearance, itself left out.
        package func entryReferences(from id: EntryID) -> [EntryID] {
            var seen = Set<EntryID>()
            return references.map(\.id).filter { $0 != id && seen.insert($0).inserted }
        }
    }

    public func resolve(files: [SourceFile], assets: [String], imageSizes: [String: ImageDimensions] = [:]) -> (Site?, [Diagnostic]) {
        let resolution = resolution(files: files, assets: assets, imageSizes: imageSizes)
        return (resolution.site, resolution.diagnostics)
    }

    /// `resolve`, with the diagnostics kept apart by origin.
    package func resolution(files: [SourceFile], assets: [String], imageSizes: [String: ImageDimensions] = [:], retired: Retired? = nil) -> Resolution {
        var diagnostics: [Diagnostic] = []
        var frontMatterDiagnostics: [String: [Diagnostic]] = [:]
        let languages = config.languageCodes
        var clock = PhaseClock(enabled: options.showsTimings)

        // Parse front matter in parallel, each text made there (its metadata moved, not copied).
        let includeDrafts = options.includeDrafts
        let locales = config.languages.map(\.foundationLocale)
        var parsed = files.concurrentMap { [config] file -> (diagnostics: [Diagnostic], variant: EntryVariant?, isDraft: Bool) in
            let section = file.section.flatMap { config.section(named: $0) }
            let result = FrontMatterParser.parse(file, kind: section?.kind, fields: section?.fields ?? [], locales: locales)
            guard let metadata = result.metadata else { return (result.diagnostics, nil, false) }
            if metadata.draft && !includeDrafts { return (result.diagnostics, nil, true) }
            return (result.diagnostics, EntryVariant(language: file.language, metadata: metadata, body: result.body,
                                                     bodyFirstLine: result.bodyFirstLine, source: file), false)
        }
        clock.lap("  front matter")
        var variantsByID: [EntryID: [LanguageCode: EntryVariant]] = [:]
        variantsByID.reserveCapacity(files.count)
        var draftIDs = Set<EntryID>()
        var intros: [String: [LanguageCode: EntryVariant]] = [:] // section name ("" for home) -> lang -> variant
        for index in files.indices {
            let file = files[index]
            if !parsed[index].diagnostics.isEmpty {
                diagnostics += parsed[index].diagnostics
                frontMatterDiagnostics[file.relativePath] = parsed[index].diagnostics
            }
            if parsed[index].isDraft && !file.isIndex { draftIDs.insert(file.id) }
            guard let variant = parsed[index].variant else { continue }
            if file.isIndex {
                intros[file.section ?? "", default: [:]][file.language] = variant
            } else {
                variantsByID[file.id, default: [:]][file.language] = variant
            }
        }

        let frontMatterCount = diagnostics.count
        // Two files whose names differ only in case are one file on macOS and Windows checkouts.
        // Paths in lower-case ASCII (as a rule, all of them) are their own folded names: two of
        // them never differ only in case, and their files are not sorted and folded for it.
        var byFoldedName: [String: SourceFile] = [:]
        let foldable = files.contains { file in file.relativePath.utf8.contains { ($0 >= 0x41 && $0 <= 0x5A) || $0 >= 0x80 } }
        for file in foldable ? files.sorted(by: { $0.relativePath < $1.relativePath }) : [] {
            let folded = file.relativePath.lowercased()
            if let other = byFoldedName[folded], other.relativePath != file.relativePath {
                diagnostics.append(.error(SourceLocation(path: file.displayPath),
                    "'\(file.relativePath)' and '\(other.relativePath)' differ only in case: they are the same file on many systems; rename one"))
            }
            byFoldedName[folded] = file
        }

        // Entries whose files failed to parse still count as known, so that one broken file
        // does not add an "unresolved reference" to every page that links to it. Gathered and
        // indexed on one core while the entries are sorted on the other.
        let (known, sorted) = concurrently({ [files, languages] () -> (sortedIDs: [EntryID], index: ReferenceIndex) in
            let ids = Set(files.filter { !$0.isIndex && $0.section != nil }.map(\.id))
            return (ids.sorted(), ReferenceIndex(entryIDs: Array(ids), languages: languages))
        }, { [variantsByID, config] () -> (members: [(id: EntryID, section: SectionConfig)], ids: [EntryID]) in
            // The entries of this build, in id order, each with its section: the texts of the sections the site has.
            let members = variantsByID.keys.sorted().compactMap { id in
                config.section(named: variantsByID[id]!.values.first!.source.section!).map { (id: id, section: $0) }
            }
            return (members, members.map(\.id))
        })
        let (sortedKnownIDs, index) = known, (members, sortedIDs) = sorted
        let existing = Set(sortedIDs)

        // Pair translations into entries, place their pages and resolve their related entries:
        // each entry made once, on its own, across cores; then the paths they claim and the
        // diagnostics, in id order.
        struct Placement {
            let path: String
            let location: SourceLocation
            var yearSlug: Diagnostic?
            var missing: Diagnostic?
            var provenance: Diagnostic?
        }
        var paired = members.concurrentMap { [variantsByID, draftIDs] member
            -> (entry: Entry, placements: [Placement], related: [Diagnostic], jobs: [RenderJob]) in
            let (id, section) = member
            let variants = variantsByID[id]!
            let sample = variants.values.first!.source
            var placements: [Placement] = []
            var relatedDiagnostics: [Diagnostic] = []
            // The body of each page, rendered below: one job per language, in `languages` order.
            var jobs: [RenderJob] = []
            jobs.reserveCapacity(languages.count)
            let pages = LanguageTable(languages: languages) { language -> EntryPage in
                let shown = Entry.variant(of: variants, for: language, order: languages)
                let slug = variants[language]?.slug ?? sample.slug
                let path = SitePaths.entry(section, slug: slug, language)
                var placement = Placement(path: path, location: SourceLocation(path: shown.source.displayPath, line: 1))
                if section.kind == .event && slug.count == 4 && slug.allSatisfy(\.isNumber) && variants[language] != nil {
                    placement.yearSlug = .error(placement.location, "slug '\(slug)' is taken by the calendar page of the year \(slug); choose another slug")
                }
                if variants[language] == nil {
                    let expected = shown.source.displayPath.replacingOccurrences(of: ".\(shown.language).md", with: ".\(language).md")
                    placement.missing = .warning(placement.location, "missing translation: '\(id)' has no '\(language)' text (\(expected)); the '\(shown.language)' text is shown instead")
                }
                var page = EntryPage(language: language, textLanguage: shown.language, slug: slug, outputPath: path)
                if let own = variants[language], let recorded = own.metadata.translatedFrom {
                    switch SiteResolver.provenance(of: own, recorded: recorded, in: variants, languages: languages) {
                    case let .outdated(diagnostic):
                        placement.provenance = diagnostic
                        page.outdatedFrom = recorded.language
                    case let .invalid(diagnostic): placement.provenance = diagnostic
                    case .current: break
                    }
                }
                placements.append(placement)
                jobs.append(RenderJob(source: shown.source, body: shown.body, bodyFirstLine: shown.bodyFirstLine,
                                      language: language, pagePath: path))
                var related: [EntryID] = [], anchors: [EntryID: String] = [:], typedFound: [Diagnostic] = []
                let typed = SiteResolver.fieldTargets(shown.metadata, of: id, section: section, index: index, existing: existing,
                                                      drafts: draftIDs, diagnostics: &typedFound)
                for reference in shown.metadata.related {
                    let (target, anchor) = ContentPath.splitAnchor(reference.text)
                    switch index.resolve(target) {
                    case let .success(targetID) where draftIDs.contains(targetID) && !existing.contains(targetID):
                        relatedDiagnostics.append(.error(reference.location, "reference '\(reference.text)' leads to a draft, which this build leaves out (build with --drafts, or publish it)"))
                    case let .success(targetID):
                        if targetID != id && !related.contains(targetID) && existing.contains(targetID) {
                            related.append(targetID)
                            if let anchor, !anchor.isEmpty { anchors[targetID] = anchor }
                        }
                    case let .failure(failure):
                        relatedDiagnostics.append(.error(reference.location, ReferenceIndex.message(for: failure, reference: reference.text)))
                    }
                }
                // Each text's typed references are reported once, not again on the pages that show it in another language.
                if page.textLanguage == language { relatedDiagnostics += typedFound }
                page.setRelated(related, anchors: anchors, fieldTargets: typed)
                return page
            }
            return (Entry(id: id, section: section, fileSlug: sample.slug, variants: variants, pages: pages), placements, relatedDiagnostics, jobs)
        }
        clock.lap("  pairing translations")
        // The paths the pages claim, checked on one core while the entry table, the body jobs and
        // the link targets are made on the other (each is a pass over 10,000s of entries).
        let (placementDiagnostics, made) = concurrently({ [paired, sortedIDs, config, languages] () -> [Diagnostic] in
            var found: [Diagnostic] = []
            var claimedPaths: [String: (EntryID, SourceLocation)] = [:]
            claimedPaths.reserveCapacity(sortedIDs.count * languages.count)
            for (id, pairing) in zip(sortedIDs, paired) {
                for placement in pairing.placements {
                    if let yearSlug = placement.yearSlug { found.append(yearSlug) }
                    if let (other, otherLocation) = claimedPaths[placement.path] {
                        found.append(.error(placement.location, "'\(id)' and '\(other)' are both written to '\(placement.path)'"
                            + " (see \(otherLocation.path)); give one of them another slug"))
                    }
                    claimedPaths[placement.path] = (id, placement.location)
                    if let missing = placement.missing { found.append(missing) }
                    if let provenance = placement.provenance { found.append(provenance) }
                }
            }
            for section in config.sections {
                for language in languages {
                    let path = SitePaths.section(section, language)
                    if let (other, location) = claimedPaths[path] {
                        found.append(.error(location, "'\(other)' is written to the listing page of section '\(section.name)' ('\(path)'); choose another slug"))
                    }
                }
            }
            return found
        }, { [paired, sortedIDs, intros, config, languages] ()
            -> (entries: [EntryID: Entry], jobs: [RenderJob], jobKeys: [(id: EntryID?, section: String?, language: LanguageCode)], targets: LinkTargets) in
            var entries: [EntryID: Entry] = [:]
            entries.reserveCapacity(sortedIDs.count)
            for (id, pairing) in zip(sortedIDs, paired) { entries[id] = pairing.entry }
            // Every page's body, entry pages and intros alike, rendered below in parallel.
            var jobs: [RenderJob] = []
            var jobKeys: [(id: EntryID?, section: String?, language: LanguageCode)] = []
            // Entry pages first, `sortedIDs` by `languages`: the results of entry `i` start at `i * languages.count`.
            jobs.reserveCapacity(sortedIDs.count * languages.count + intros.count * languages.count)
            jobKeys.reserveCapacity(jobs.capacity)
            for (id, pairing) in zip(sortedIDs, paired) {
                jobs += pairing.jobs
                for language in languages { jobKeys.append((id, nil, language)) }
            }
            for key in intros.keys.sorted() {
                for language in languages {
                    guard let shown = intros[key]![language] ?? languages.lazy.compactMap({ intros[key]![$0] }).first else { continue }
                    let path = key.isEmpty ? SitePaths.home(language)
                        : config.section(named: key).map { SitePaths.section($0, language) } ?? SitePaths.home(language)
                    jobs.append(RenderJob(source: shown.source, body: shown.body, bodyFirstLine: shown.bodyFirstLine,
                                          language: language, pagePath: path))
                    jobKeys.append((nil, key, language))
                }
            }
            // The jobs read a copy of the table that is gone once they are done. The texts in their
            // own language first: a fallback page's links lead to headings of pages in another
            // language than they were written for, found by their place among these texts' headings.
            return (entries, jobs, jobKeys, LinkTargets(table: entries, ids: sortedIDs, languages: languages))
        })
        var (entries, jobs) = (made.entries, made.jobs)
        let (jobKeys, targets) = (made.jobKeys, made.targets)
        diagnostics += placementDiagnostics
        for pairing in paired { diagnostics += pairing.related }
        let renderer = MarkdownRenderer(unsafeHTML: config.unsafeHTML)
        let drafts = draftIDs.subtracting(entries.keys)
        let assetSet = Set(assets)
        clock.lap("  related, body jobs, link targets")
        var results = { (snapshot: [EntryID: Entry]) -> [RenderResult] in
            let own = jobs.indices.filter { !jobs[$0].isFallback }, borrowed = jobs.indices.filter { jobs[$0].isFallback }
            let first = own.concurrentMap { [jobs] position in
                render(jobs[position], renderer: renderer, index: index, targets: targets, drafts: drafts, assets: assetSet, imageSizes: imageSizes)
            }
            var headings: [EntryID: [LanguageCode: [String]]] = [:]
            for (position, result) in zip(own, first) where !result.output.headingIDs.isEmpty {
                if let id = jobKeys[position].id { headings[id, default: [:]][jobs[position].language] = result.output.headingIDs }
            }
            let second = borrowed.concurrentMap { [jobs, headings] position in
                render(jobs[position], renderer: renderer, index: index, targets: targets, drafts: drafts, assets: assetSet, imageSizes: imageSizes) { id, language in
                    snapshot[id].flatMap { headings[id]?[$0.pages[language].textLanguage] } ?? []
                }
            }
            var results = [RenderResult?](repeating: nil, count: jobs.count)
            for (position, result) in zip(own, first) { results[position] = result }
            for (position, result) in zip(borrowed, second) { results[position] = result }
            return results.map { $0! }
        }(entries)

        clock.lap("  Markdown bodies")
        var bodyDiagnostics: [String: [Diagnostic]] = [:]
        var sectionIntros: [String: [LanguageCode: RenderedText]] = [:]
        // The entries each entry page's body names, by job.
        let entryPageJobs = sortedIDs.count * languages.count
        var references = Array(0..<entryPageJobs).concurrentMap { [jobKeys, results] position in results[position].entryReferences(from: jobKeys[position].id!) }
        // Backlinks: who references whom, per language (one language per core), from bodies and
        // `related`. Entries by their place in `sortedIDs`: sources are visited in that order, so
        // each target's list comes out sorted, a source named twice twice in a row.
        let place = Dictionary(uniqueKeysWithValues: sortedIDs.enumerated().map { ($1, $0) })
        var backlinks = Array(languages.indices).concurrentMap { [entries, references] offset -> [[Int]] in
            var sources = [[Int]](repeating: [], count: sortedIDs.count)
            for (source, id) in sortedIDs.enumerated() {
                for target in entries[id]!.pages[languages[offset]].related + references[source * languages.count + offset] {
                    guard let target = place[target], sources[target].last != source else { continue }
                    sources[target].append(source)
                }
            }
            return sources
        }
        // Each entry made again across cores, with its bodies and backlinks in its pages and
        // without its Markdown: the site keeps neither the Markdown nor the files' texts (as much
        // again as the content; a third of a build's peak memory), but the texts a translation
        // records the version of. Nothing after this reads a body's Markdown.
        let finished = Array(sortedIDs.indices).concurrentMap { [entries, jobKeys, results, references, backlinks] index -> Entry in
            let entry = entries[sortedIDs[index]]!
            var pages = entry.pages
            for (offset, language) in languages.enumerated() {
                let position = index * languages.count + offset, result = results[position]
                assert(jobKeys[position].id == entry.id)
                pages[language].setBody(html: result.output.html, headingIDs: result.output.headingIDs, plainText: result.output.plainText,
                                        references: references[position], backlinks: backlinks[offset][index].map { sortedIDs[$0] })
            }
            let recorded = Set(entry.variants.values.compactMap { $0.metadata.translatedFrom?.language })
            return Entry(id: entry.id, section: entry.section, fileSlug: entry.fileSlug,
                         variants: entry.variants.mapValues { $0.rendered(keepsText: recorded.contains($0.language)) }, pages: pages)
        }
        retired?.retire(&entries) // the entries with their Markdown: freed with the rest of what the passes made
        entries = Dictionary(uniqueKeysWithValues: zip(sortedIDs, finished))
        clock.lap("  bodies and backlinks into pages, Markdown dropped")
        for index in (sortedIDs.count * languages.count)..<jobs.count {
            let key = jobKeys[index], result = results[index]
            if let section = key.section {
                let variant = intros[section]![key.language] ?? languages.lazy.compactMap({ intros[section]![$0] }).first!
                sectionIntros[section, default: [:]][key.language] = RenderedText(
                    title: variant.metadata.title, html: result.output.html.string, textLanguage: variant.language)
            }
        }
        let found = { (rendered: [EntryID: Entry]) in
            Array(jobs.indices).concurrentMap { [jobs, results] index -> [Diagnostic] in
                let result = results[index]
                guard !result.output.diagnostics.isEmpty || result.references.contains(where: { $0.anchor != nil }) else { return [] }
                return Array(Set(result.output.diagnostics).union(SiteResolver.anchorFailures(result, of: jobs[index], entries: rendered)))
            }
        }(entries)
        for (key, found) in zip(jobKeys, found) where !found.isEmpty {
            bodyDiagnostics[SiteResolver.bodyKey(entry: key.id, section: key.section, language: key.language)] = found
        }
        // A `related` heading must exist in the target's page of the text's language (each text checked once).
        for id in sortedIDs {
            let entry = entries[id]!
            for language in languages where entry.pages[language].textLanguage == language && !entry.pages[language].relatedAnchors.isEmpty {
                for reference in entry.variants[language]?.metadata.related ?? [] {
                    let (target, anchor) = ContentPath.splitAnchor(reference.text)
                    guard let anchor, case let .success(targetID) = index.resolve(target), let page = entries[targetID]?.pages[language],
                          page.textLanguage == language, !page.headingIDs.contains(anchor) else { continue }
                    diagnostics.append(.error(reference.location, "no heading '#\(anchor)' in '\(targetID)'" + Suggestion.didYouMean(anchor, in: page.headingIDs)))
                }
            }
        }
        let otherDiagnostics = Array(diagnostics[frontMatterCount...])
        diagnostics += Set(bodyDiagnostics.values.joined())

        clock.lap("  collecting bodies and anchors")
        // Typed backlinks: who names whom in a `references` field, per language, sources in id order.
        let referenceFields = config.sections.flatMap { section in
            section.fields.filter { $0.target != nil }.map { (section: section.name, field: $0.name) }
        }
        if !referenceFields.isEmpty {
            for language in languages {
                var typed: [EntryID: [TypedBacklinks]] = [:]
                for id in sortedIDs {
                    let page = entries[id]!.pages[language]
                    guard !page.fieldTargets.isEmpty else { continue }
                    for (section, field) in referenceFields where section == entries[id]!.section.name {
                        for target in page.fieldTargets[field] ?? [] {
                            var lists = typed[target] ?? []
                            if let at = lists.firstIndex(where: { $0.section == section && $0.field == field }) {
                                if lists[at].sources.last != id { lists[at].sources.append(id) }
                            } else {
                                lists.append(TypedBacklinks(section: section, field: field, sources: [id]))
                            }
                            typed[target] = lists
                        }
                    }
                }
                for (target, lists) in typed where entries[target] != nil {
                    let order = { (list: TypedBacklinks) in referenceFields.firstIndex { $0 == (list.section, list.field) } ?? 0 }
                    entries[target]!.pages[language].typedBacklinks = lists.sorted { order($0) < order($1) }
                }
            }
        }
        clock.lap("  typed backlinks")
        // Sections, in listing order per language: each section and language sorted on its own core.
        let membersBySection = Dictionary(grouping: sortedIDs.map { entries[$0]! }, by: \.section.name)
        let orders = config.sections.flatMap { section in config.languages.map { (section, $0) } }.concurrentMap { section, language -> [EntryID] in
            let members = membersBySection[section.name] ?? []
            // What the order reads, taken out once (not the whole metadata, copied per comparison).
            let variants = members.map { $0.variant(for: language.code, order: languages) }
            let weights = variants.map { $0.metadata.weight ?? Int.max }, starts = variants.map { $0.metadata.event?.start }
            let titles = TitleCollation(locale: language.locale).prepare(variants.map(\.metadata.title))
            return members.indices.sorted { a, b in
                if weights[a] != weights[b] { return weights[a] < weights[b] }
                // Events without weights come in the order they happen.
                if let ea = starts[a], let eb = starts[b], ea != eb { return ea < eb }
                let order = titles.order(a, b)
                if order != 0 { return order < 0 }
                return members[a].id < members[b].id
            }.map { members[$0].id }
        }
        var sections: [Section] = []
        for (index, sectionConfig) in config.sections.enumerated() {
            let ordered = LanguageTable(languages: languages, values: Array(orders[index * languages.count ..< (index + 1) * languages.count]))
            sections.append(Section(config: sectionConfig, orderedEntries: ordered, intros: introTable(sectionIntros[sectionConfig.name])))
        }

        clock.lap("  section order")
        if let retired {
            // What the passes made and the site does not keep, tens of thousands of values.
            retired.retire(&parsed)
            retired.retire(&variantsByID)
            retired.retire(&paired)
            retired.retire(&jobs)
            retired.retire(&results)
            retired.retire(&references)
            retired.retire(&backlinks)
        }
        let site = Site(config: config, sections: sections, entries: entries, entryIDs: sortedIDs, homeIntros: introTable(sectionIntros[""]),
                        assets: assets, buildDate: options.buildDate)
        return Resolution(site: diagnostics.hasErrors ? nil : site, diagnostics: diagnostics,
                          frontMatterDiagnostics: frontMatterDiagnostics, bodyDiagnostics: bodyDiagnostics,
                          otherDiagnostics: otherDiagnostics, knownIDs: sortedKnownIDs, drafts: drafts.sorted())
    }

    /// The rendered intros of a section (or of the home page), one per site language where it has one.
    private func introTable(_ intros: [LanguageCode: RenderedText]?) -> LanguageTable<RenderedText?> {
        LanguageTable(languages: config.languageCodes) { intros?[$0] }
    }

    package enum Provenance {
        case current
        /// The recorded version is not the source's file any more: a warning where it is recorded.
        case outdated(Diagnostic)
        /// `translated_from` names no text of the entry.
        case invalid(Diagnostic)
    }

    /// Whether `translation`, recorded as made from the version `recorded` of another language's
    /// text, is still made from that text's current file (its git blob id, computed from its bytes).
    package static func provenance(of translation: EntryVariant, recorded: TranslatedFrom, in variants: [LanguageCode: EntryVariant],
                                   languages: [LanguageCode]) -> Provenance {
        guard recorded.language != translation.language else {
            return .invalid(.error(recorded.location, "'translated_from' names this text's own language, '\(recorded.language)': name the language it was translated from"))
        }
        guard languages.contains(recorded.language) else {
            return .invalid(.error(recorded.location, "unknown language '\(recorded.language)' in 'translated_from'"
                + Suggestion.didYouMean(recorded.language.rawValue, in: languages.map(\.rawValue).filter { $0 != translation.language.rawValue })))
        }
        let expected = translation.source.displayPath.replacingOccurrences(of: ".\(translation.language).md", with: ".\(recorded.language).md")
        guard let source = variants[recorded.language] else {
            return .invalid(.error(recorded.location, "'translated_from' names the '\(recorded.language)' text, but there is none (\(expected))"))
        }
        let current = source.source.blobID
        guard !recorded.matches(current) else { return .current }
        let shown = String(current.prefix(max(7, recorded.blob.count)))
        return .outdated(.warning(recorded.location,
            "outdated translation: \(source.source.displayPath) has changed since this text was translated from it "
            + "(recorded \(recorded.language):\(recorded.blob), now \(recorded.language):\(shown)); `passerelle translations` shows the changes, "
            + "`passerelle translations mark \(translation.source.displayPath)` records the new version"))
    }

    /// The `#anchor`s of a body's references that name no heading of their target. A fallback page
    /// shows text written for another language: its anchors were checked there.
    package static func anchorFailures(_ result: RenderResult, of job: RenderJob, entries: [EntryID: Entry]) -> [Diagnostic] {
        guard !job.isFallback else { return [] }
        return result.references.compactMap { reference in
            guard let anchor = reference.anchor, let page = entries[reference.id]?.pages[job.language],
                  !page.headingIDs.contains(anchor), page.textLanguage == job.language else { return nil }
            return .error(reference.location, "no heading '#\(anchor)' in '\(reference.id)'" + Suggestion.didYouMean(anchor, in: page.headingIDs))
        }
    }

    /// Renders the body of `job`. `headingIDs` gives the heading ids of an entry's page in a
    /// language: on a fallback page, a link's `#anchor`, written for the target's page in the
    /// text's language, becomes the heading at the same place on the page the link leads to.
    package func render(_ job: RenderJob, renderer: MarkdownRenderer, index: ReferenceIndex,
                        targets: LinkTargets, drafts: Set<EntryID>, assets: Set<String>,
                        imageSizes: [String: ImageDimensions],
                        headingIDs: @escaping (EntryID, LanguageCode) -> [String] = { _, _ in [] }) -> RenderResult {
        final class Collector { var references: [(id: EntryID, anchor: String?, location: SourceLocation)] = [] }
        let collector = Collector()
        let languageIndex = config.languageCodes.firstIndex(of: job.language)!
        let output = renderer.render(job.body, path: job.source.displayPath, firstLine: job.bodyFirstLine, resolve: { request in
            let resolved: Result<EntryID, ReferenceIndex.Failure>
            let written: String
            switch request.target {
            case let .reference(reference):
                resolved = index.resolve(reference)
                written = reference
            case let .file(path):
                resolved = index.resolve(filePath: path, from: job.source.relativePath)
                written = path
            }
            switch resolved {
            case let .success(id):
                if !drafts.isEmpty && drafts.contains(id) {
                    return .failure(.error(request.location, "reference '\(written)' leads to a draft, which this build leaves out (build with --drafts, or publish it)"))
                }
                guard let target = targets.target(id, languageIndex: languageIndex) else {
                    // The target's own file has errors, reported there.
                    return .success(.init(url: "", title: id.rawValue))
                }
                collector.references.append((id, request.anchor, request.location))
                var url = SitePaths.relative(from: job.pagePath, to: target.path)
                if let anchor = request.anchor {
                    url += "#" + (job.isFallback ? EntryPage.heading(anchor, writtenAmong: headingIDs(id, job.source.language), on: headingIDs(id, job.language)) : anchor)
                }
                return .success(.init(url: url, title: target.title))
            case let .failure(failure):
                return .failure(.error(request.location, ReferenceIndex.message(for: failure, reference: written)))
            }
        }, resolveAsset: { url in
            let cut = url.firstIndex { $0 == "?" || $0 == "#" } ?? url.endIndex
            let suffix = String(url[cut...])
            // The path as written (its escapes kept: `%3F` stays a character of the name, not a
            // query) leads to the file; the decoded path names it among the assets.
            let path: String
            if url.hasPrefix("/") {
                path = String(url[url.index(after: url.startIndex)..<cut])
            } else {
                // Relative to the content file, as it also works when the repository is browsed on a forge.
                guard let resolved = ContentPath.resolve(url[..<cut], from: job.source.relativePath) else { return nil }
                path = resolved
            }
            let decoded = path.removingPercentEncoding ?? path
            let asset = decoded.hasPrefix("assets/") ? String(decoded.dropFirst("assets/".count)) : nil
            if !url.hasPrefix("/") { guard let asset, assets.contains(asset) else { return nil } }
            return .init(url: SitePaths.rootPrefix(from: job.pagePath) + path + suffix, size: asset.flatMap { imageSizes[$0] })
        })
        return RenderResult(output: output, references: collector.references)
    }
}
