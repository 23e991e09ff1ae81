import PasserelleContent
import PasserelleIncremental
import PasserelleModel
import PasserellePages
import PasserelleResolve
import PasserelleTemplates
import PasserelleOutput
import CFileTree
import Foundation

/// The whole pipeline: load → parse and resolve → render → write.
public struct Build: Sendable {
    /// What a build is asked to do.
    public typealias Options = BuildOptions
    /// What a build did.
    public typealias Report = BuildReport

    public let options: Options
    /// Where the output goes instead of `options.output` (`serve`).
    private let memory: MemoryOutput?
    /// Given the resolved site of a full build, before it is rendered (bundles read its settings).
    private let siteObserver: (@Sendable (Site) -> Void)?

    public init(options: Options) {
        self.options = options
        memory = nil
        siteObserver = nil
    }

    /// A build whose output is kept in `memory` (`serve`, `bundle`): nothing is written to
    /// `options.output`. `observer`, if any, is given the resolved site of a full build.
    public init(options: Options, into memory: MemoryOutput, observingSite observer: (@Sendable (Site) -> Void)? = nil) {
        self.options = options
        self.memory = memory
        siteObserver = observer
    }

    /// The content read and resolved: what a build and `passerelle translations` start from.
    struct Read: Sendable {
        var loaded: ContentLoader.Result?
        var config: SiteConfig?
        var resolution: SiteResolver.Resolution?
    }

    /// Loads the content folder and resolves it into a site, adding the diagnostics to `report`
    /// (ordered, warnings errors when `strict`); the site is nil when the content has errors.
    /// `walked`: the content folder as the build cache's listing walked it.
    func read(_ options: Options, hashesFiles: Bool, walked: SourceTree? = nil, report: inout Report, clock: inout PhaseClock) -> Read {
        var read = Read()
        options.progress?("reading \(display(options.content))")
        var loader = ContentLoader(contentDirectory: options.content, displayRoot: display(options.content))
        loader.hashesFiles = hashesFiles
        var loaded = loader.load(walked: walked)
        read.loaded = loaded
        report.diagnostics += loaded.diagnostics
        clock.lap("load")
        guard var config = loaded.config else { return read }
        if let baseURL = options.baseURL { config = config.with(baseURL: baseURL) }
        read.config = config
        options.progress?("parsing and resolving \(loaded.files.count) files")
        report.languages = config.languageCodes.map(\.rawValue)
        let resolver = SiteResolver(config: config, options: .init(includeDrafts: options.includeDrafts, buildDate: options.buildDate, showsTimings: options.showsTimings))
        let retired = Retired()
        let resolution = resolver.resolution(files: loaded.files, assets: loaded.assets, imageSizes: loaded.imageSizes, retired: retired)
        read.resolution = resolution
        // The texts are parsed and rendered: freed now, not at the end (the site keeps what it
        // needs), with what the resolver made on the way, on another thread while the build goes on.
        read.loaded?.files = []
        retired.retire(&loaded.files)
        retired.releaseInBackground()
        report.diagnostics = (report.diagnostics + resolution.diagnostics).ordered(strict: options.strict)
        clock.lap("parse and resolve")
        return read
    }

    /// What is left to translate in the content (`passerelle translations`): read and resolved as
    /// a build would, nothing rendered; nil, with the report's errors, when the content has errors.
    public func translationStatus() -> (TranslationStatus?, Report) {
        var report = Report(), clock = PhaseClock(enabled: options.showsTimings)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: options.content.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            report.usageError = "content folder '\(display(options.content))' not found"
            return (nil, report)
        }
        let read = self.read(options, hashesFiles: false, report: &report, clock: &clock)
        keep(read)
        guard let site = read.resolution?.site, !report.diagnostics.hasErrors else { return (nil, report) }
        let content = options.content
        return (TranslationStatus(site: site, commitDays: GitHistory.lastCommitDays(in: content),
                                  recordedText: { GitHistory.blobText($0, in: content) }), report)
    }

    /// Hands `value` to the options' keeper, when there is one (see `ValueKeeper`).
    private func keep(_ value: any Sendable) {
        options.keeper?.keep(value)
    }

    /// How many `.html` pages each of the site's languages has (by the folder they are in),
    /// counted on the paths' bytes: a build has tens of thousands, and this runs after the last.
    static func htmlPagesPerLanguage(_ pages: [PageRenderer.Page], config: SiteConfig) -> [String: Int] {
        var counts = Dictionary(uniqueKeysWithValues: config.languageCodes.map { ($0.rawValue, 0) })
        for page in pages {
            guard page.path.utf8HasSuffix(".html"), let slash = page.path.utf8.firstIndex(of: UInt8(ascii: "/")) else { continue }
            let language = String(page.path[..<slash])
            if counts[language] != nil { counts[language]! += 1 }
        }
        return counts.filter { $0.value > 0 }
    }

    public func run() -> Report {
        var clock = PhaseClock(enabled: options.showsTimings)
        defer { clock.lap("write") }
        var report = Report()
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: options.content.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            report.usageError = "content folder '\(display(options.content))' not found"
            return report
        }
        // The output depends on the build's day, not its second: two builds of a day give the same bytes.
        var options = self.options
        options.buildDate = Date(timeIntervalSince1970: (options.buildDate.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400)

        // One build at a time writes an output folder, from its first look at it to its last
        // write: a second one waits for the first (up to `lockWait`), then goes on from what it left.
        var target: (any OutputTarget)? = memory
        if memory == nil, !options.dryRun {
            let writer = OutputWriter(output: options.output, force: options.force)
            do {
                try writer.checkOwnership(content: options.content)
                target = FolderOutput(writer: writer, content: options.content, lock: try writer.lock(wait: options.lockWait),
                                      precompresses: options.precompress)
            } catch {
                report.usageError = "\(error)"
                return report
            }
        }
        defer { target = nil }

        // Nothing changed since the last build into this output folder: its report stands.
        let cache = options.dryRun || !options.useBuildCache ? nil : BuildCache(folder: options.cacheFolder ?? options.content.deletingLastPathComponent().appendingPathComponent(".passerelle-cache"), output: options.output)
        let inputs = cacheInputs()
        // Without a record or a snapshot of the last build, this build is a full one: its inputs
        // are listed now and fingerprinted at the end, with the hashes of the bytes the loader
        // read, instead of being read twice.
        let listing = cache?.isEmpty == true ? cache?.listInputs(inputs) : nil
        // The output as the last build left it (nil when it was changed since, or has no manifest),
        // checked beside the fingerprint: both are mostly waiting on tens of thousands of stats.
        let intactOutput = cache == nil || listing != nil ? nil : BackgroundValue { [target] in target?.intactManifest() }
        // The last build's snapshot is read as soon as the listing shows an input whose size or
        // time changed, beside the rest of the fingerprint and the output check; it is used if the
        // fingerprint then says the environment is the same. (A rebuild with nothing changed
        // never reads it.)
        var earlySnapshot: BackgroundValue<(SiteConfig, SiteSnapshot)?>?
        let readSnapshot = { [options, displayRoot = display(options.content), tree = target?.currentTree() ?? 0] (cache: BuildCache) in
            BackgroundValue { Build.readSnapshot(cache: cache, options: options, displayRoot: displayRoot, tree: tree) }
        }
        let fingerprint = listing == nil ? cache.map { cache in
            cache.fingerprint(inputs: inputs, settings: cacheSettings(options)) { earlySnapshot = readSnapshot(cache) }
        } : nil
        clock.lap("fingerprint")
        let current = intactOutput?.value
        // The output as it is: the record and the snapshot are trusted only for the output they were made for.
        let currentIdentity = current.flatMap { target?.identity(manifest: $0) }
        // Something changed in an output left as the last build wrote it: the last build's
        // snapshot is read (if it is not yet) while the record is dropped. (Not for an output
        // changed by hand: a full build follows.)
        let snapshot = cache.flatMap { cache in
            fingerprint.flatMap { fingerprint in
                cache.report(for: fingerprint, output: currentIdentity) == nil && current != nil ? earlySnapshot ?? readSnapshot(cache) : nil
            }
        }
        if let cache, let fingerprint, let cached = cache.report(for: fingerprint, output: currentIdentity) {
            return cached
        }
        cache?.forget()
        clock.lap("cache check")

        // Only entry texts changed: render what they change, carry the rest over.
        var fullBuildReason: String?
        // (Not with offline bundles, which hold every page and are made whole, nor with a page
        // budget, whose warnings are about every page.)
        if !options.offlineBundles, let cache, let fingerprint, let current, let currentIdentity, let target, let (config, snapshot) = snapshot?.value, config.pageBudget == nil,
           snapshot.environment == fingerprint.environment, cache.snapshotIsSealed(snapshot.fileHashes, for: currentIdentity) {
            let outcome = textEdit(snapshot: snapshot, config: config, fingerprint: fingerprint, output: current, options: options,
                                   target: target)
            switch outcome {
            case let .built(report, snapshot)?:
                keep(outcome)
                clock.lap("text edit")
                let written = target.identity()
                // The build record is written beside the snapshot's edits (each as long as the
                // other), and forgotten with the snapshot if that cannot be saved.
                let recorded = snapshot == nil ? nil : written.map { written in
                    BackgroundValue { [report] in cache.remember(fingerprint, report: report, output: written) }
                }
                let hashes = written == nil ? nil : try? snapshot?.save(to: cache.snapshot)
                clock.lap("snapshot")
                recorded?.value
                if let written, let hashes {
                    cache.sealSnapshot(hashes, for: written)
                } else {
                    cache.forget()
                    cache.forgetSnapshot()
                }
                clock.lap("build record")
                return report
            case let .needsFullBuild(reason)?:
                fullBuildReason = reason
                clock.note("full build: \(reason)")
            case nil: break
            }
        }
        cache?.forgetSnapshot()
        report.fullBuildReason = fullBuildReason

        // `git log` over the content's history runs beside the build (a second or more in a large
        // checkout); the translation status page needs it at the end.
        let commitDays = BackgroundValue { [content = options.content] in GitHistory.lastCommitDays(in: content) }
        let read = self.read(options, hashesFiles: listing != nil, walked: listing?.trees["content"], report: &report, clock: &clock)
        defer { keep(read) }
        guard let loaded = read.loaded, let config = read.config, let resolution = read.resolution else { return finish(report) }

        let themeURL = resolveTheme(options.theme ?? config.theme)
        let (theme, themeDiagnostics) = ThemeLoader(directory: themeURL, displayRoot: display(themeURL), requirements: PageKinds.themeRequirements)
            .load(languages: config.languageCodes.map(\.rawValue))
        report.diagnostics = (report.diagnostics + themeDiagnostics).ordered(strict: options.strict)
        guard let site = resolution.site, let theme, !report.diagnostics.hasErrors else { return finish(report) }
        siteObserver?(site)

        // Files are written as they are rendered, into a tree that becomes the output only once
        // all is well. A check renders every page too (templates can fail), but keeps none of them.
        var written: (sink: any OutputSink, tree: UInt64)?
        do {
            // An entry page per entry and language, and an event's calendar file beside its page.
            let events = site.entries.values.reduce(0) { $0 + ($1.section.kind == .event ? 1 : 0) }
            written = try target?.fullBuild(theme: themeURL, expectedFiles: (site.entries.count + events) * config.languages.count)
        } catch {
            report.usageError = "\(error)"
            return report
        }
        let output = written?.sink ?? DiscardingOutput()
        // Copied from their real paths, as listed: nothing from outside the content or the theme.
        var copies: [(String, String)] = theme.staticFiles.map { ("theme/\($0.path)", $0.source) }
        copies += zip(loaded.assets, loaded.assetSources).map { ("assets/\($0)", $1) }
        // The bundles first, so that every page can link them with their sizes.
        var bundles: [(download: OfflineDownload, data: Data)] = []
        if options.offlineBundles, target != nil {
            options.progress?("making the offline bundles")
            do {
                bundles = try OfflineBundles.make(site: site, theme: theme, copies: copies, commitDays: { commitDays.value })
            } catch {
                output.discard()
                report.usageError = "\(error)"
                return report
            }
            clock.lap("offline bundles")
        }
        let renderer = PageRenderer(site: site, theme: theme, commitDays: { commitDays.value },
                                    recordedText: { [content = options.content] in GitHistory.blobText($0, in: content) }, downloads: bundles.map(\.download))
        defer { keep(renderer) }
        options.progress?("rendering \(site.entries.count) entries in \(config.languages.count) languages")
        let budget = config.pageBudget.map(PageBudgetCheck.init)
        let pages = RenderPlan(site: site).render(with: renderer) { page in
            budget?.measure(page.path, page.bytes)
            output.write(page.path, .bytes(page.bytes))
        }
        clock.lap("render")
        report.diagnostics += RenderPlan.collisions(pages: pages, aliases: renderer.aliasRedirects(), siteFile: display(options.content.appendingPathComponent("site.yaml")))
        report.diagnostics += budget?.diagnostics(strict: options.strict) ?? []
        guard !report.diagnostics.hasErrors else {
            output.discard()
            return finish(report)
        }
        report.pagesPerLanguage = Build.htmlPagesPerLanguage(pages, config: config)
        guard let target, let tree = written?.tree else {
            report.succeeded = true
            return report
        }
        options.progress?("writing \(pages.count + copies.count) files")
        report.filesWritten = pages.count + copies.count + bundles.count
        // The fingerprint and the snapshot of this build are made while the output is swapped in,
        // for the tree being swapped in (its inode): the swap waits on the file system, mostly.
        let themes = inputs[1].1.standardizedFileURL.path
        let recordable = themeURL.standardizedFileURL.path.hasPrefix(themes + "/") || themeURL.standardizedFileURL.path == themes
        let memory = BackgroundValue { [options, report, settings = cacheSettings(options), inode = tree,
                                        diagnosticCount = report.diagnostics.count, known = fingerprint]
                                        () -> (fingerprint: BuildCache.Fingerprint, snapshot: SiteSnapshot.FileHashes?)? in
            var clock = PhaseClock(enabled: options.showsTimings)
            var fingerprint = known
            // Remembered only when the fingerprint covered every input: a theme named by a path in
            // site.yaml, outside the themes folder, was not part of it.
            guard let cache, recordable else { return nil }
            if let listing {
                let hashes = Dictionary(uniqueKeysWithValues: loaded.fileHashes.map { ("content/" + $0.key, $0.value) })
                fingerprint = cache.fingerprint(listing: listing, settings: settings, prehashed: hashes)
            }
            guard let fingerprint else { return nil }
            // Only a build whose diagnostics all come from the content has a snapshot: loading and
            // theme diagnostics are not redone by a text edit rebuild.
            var hashes: SiteSnapshot.FileHashes?
            if diagnosticCount == resolution.diagnostics.count {
                let snapshot = SiteSnapshot(
                    environment: fingerprint.environment, outputInode: inode,
                    texts: fingerprint.textHashes, site: site,
                    frontMatterDiagnostics: resolution.frontMatterDiagnostics, bodyDiagnostics: resolution.bodyDiagnostics,
                    otherDiagnostics: resolution.otherDiagnostics, knownIDs: resolution.knownIDs, drafts: resolution.drafts,
                    imageSizes: loaded.imageSizes, searchOrder: renderer.searchFragments.all.mapValues(\.entryIDs),
                    pagesPerLanguage: report.pagesPerLanguage, filesWritten: report.filesWritten)
                clock.lap("  snapshot model (beside the swap)")
                hashes = try? snapshot.save(to: cache.snapshot)
                keep(snapshot)
                clock.lap("  snapshot file (beside the swap)")
            }
            return (fingerprint, hashes)
        }
        do {
            for bundle in bundles { output.write(bundle.download.path, .data(bundle.data)) }
            for (destination, source) in copies {
                output.write(destination, .data(try Build.copiedFile(source)))
            }
            try output.finish()
        } catch {
            output.discard()
            _ = memory.value
            cache?.forgetSnapshot()
            report.filesWritten = 0
            report.usageError = "\(error)"
            return report
        }
        clock.lap("output swapped in")
        report.succeeded = true
        // The output is final: the record and the snapshot are bound to it.
        if let cache, let made = memory.value, let written = target.identity() {
            if let hashes = made.snapshot { cache.sealSnapshot(hashes, for: written) }
            cache.remember(made.fingerprint, report: report, output: written)
        }
        clock.lap("snapshot")
        return report
    }

    /// Site settings and the last build's snapshot, when that snapshot was made for this very
    /// output tree (`tree`: `OutputTarget.currentTree`). (Whether it was made under the same environment is for the caller to check
    /// against the fingerprint: the read starts before the fingerprint is known.)
    private static func readSnapshot(cache: BuildCache, options: Options, displayRoot: String, tree: UInt64) -> (SiteConfig, SiteSnapshot)? {
        var clock = PhaseClock(enabled: options.showsTimings)
        let loader = ContentLoader(contentDirectory: options.content, displayRoot: displayRoot)
        guard var config = loader.loadConfig().0 else { return nil }
        if let baseURL = options.baseURL { config = config.with(baseURL: baseURL) }
        guard let snapshot = SiteSnapshot(contentsOf: cache.snapshot, config: config, buildDate: options.buildDate),
              snapshot.outputInode == tree else { return nil }
        clock.lap("  snapshot read (beside the fingerprint)")
        return (config, snapshot)
    }

    private func textEdit(snapshot: SiteSnapshot, config: SiteConfig, fingerprint: BuildCache.Fingerprint, output: Data,
                          options: Options, target: any OutputTarget) -> TextEditBuild.Outcome? {
        var clock = PhaseClock(enabled: options.showsTimings)
        defer { clock.lap("  text edit rebuild") }
        let themeURL = resolveTheme(options.theme ?? config.theme)
        let (theme, themeDiagnostics) = ThemeLoader(directory: themeURL, displayRoot: display(themeURL), requirements: PageKinds.themeRequirements).load(languages: config.languageCodes.map(\.rawValue))
        guard let theme, themeDiagnostics.isEmpty else { return nil }
        clock.lap("  theme")
        let build = TextEditBuild(options: options, snapshot: snapshot, config: config, theme: theme, fingerprint: fingerprint, output: output,
                                  displayRoot: display(options.content), target: target)
        return build.run()
    }

    /// The folders whose files are inputs of a build: the content, and the theme (the themes
    /// folder beside the content, or the theme given by path).
    private func cacheInputs() -> [(String, URL)] {
        var inputs = [("content", options.content)]
        inputs.append(("themes", options.theme.map(resolveTheme) ?? options.content.deletingLastPathComponent().appendingPathComponent("themes")))
        return inputs
    }

    /// Everything besides input files that a build's output depends on.
    private func cacheSettings(_ options: Options) -> String {
        var tool = "passerelle"
        var size: Int64 = 0
        var mtime: [Int64] = [0, 0]
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        if passerelle_file_status(executable, &size, &mtime) == 0 { tool += " \(executable) \(size) \(mtime[0]).\(mtime[1])" }
        return [tool, options.content.standardizedFileURL.path, options.output.standardizedFileURL.path,
                options.theme.map { resolveTheme($0).path } ?? "", "\(options.includeDrafts)", "\(options.strict)", options.baseURL ?? "", "precompress \(options.precompress)", "offline bundles \(options.offlineBundles)",
                "\(options.buildDate.timeIntervalSince1970)", options.workingDirectory.standardizedFileURL.path,
                GitHistory.state(around: options.content)].joined(separator: "\n")
    }

    /// A theme or content file the output holds as it is, read from its real path.
    static func copiedFile(_ source: String) throws -> Data {
        switch SourceTree.read(path: source) {
        case let .success(data): return data
        case let .failure(error): throw OutputWriter.Failure.io("\(source) \(error.message)")
        }
    }

    private func finish(_ report: Report) -> Report {
        var report = report
        report.succeeded = false
        return report
    }

    private func resolveTheme(_ nameOrPath: String) -> URL {
        if nameOrPath.contains("/") || nameOrPath.hasPrefix(".") {
            return URL(fileURLWithPath: nameOrPath, relativeTo: options.workingDirectory).standardizedFileURL
        }
        return options.content.deletingLastPathComponent().appendingPathComponent("themes/\(nameOrPath)").standardizedFileURL
    }

    /// The theme folder a build of `config` uses.
    public func themeDirectory(for config: SiteConfig) -> URL { resolveTheme(options.theme ?? config.theme) }

    /// A path relative to the working directory when it is inside it.
    func display(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let base = options.workingDirectory.standardizedFileURL.path
        if path == base { return "." }
        if path.hasPrefix(base + "/") { return String(path.dropFirst(base.count + 1)) }
        return path
    }
}
