import PasserelleContent
import PasserelleModel
import PasserellePages
import PasserelleResolve
import PasserelleTemplates
import PasserelleOutput
import CFileTree
import Foundation

/// What the last successful build into an output folder knew, kept in `.passerelle-cache/` so
/// that the next build can redo only what an edit of entry texts changes (`TextEditBuild`).
///
/// It holds the resolved site without the HTML of bodies (a rebuild renders the edited bodies
/// again, and no other page), the diagnostics split by origin, the order of the search records
/// (the records are in the output's `search.json`), and the content hash of every content text.
/// It describes one output tree: the one whose inode it names.
///
/// The plain text and HTML of a body are kept only where a rebuild reads them for a file of
/// another entry, as the page kinds declare (`RenderPlan.quotedBodies`): the entries of the feeds.
/// Elsewhere they are empty. A text edit carries the other records of the search index and the
/// other events of a language's calendar over from the files themselves (`BodyUse.records`,
/// `BodyUse.blocks`): kept here, they were three fifths of a 10,000-entry site's snapshot.
package struct SiteSnapshot: Sendable {
    /// The key of every input but the content texts (`*.md` under `content/`), and of the options.
    package var environment: String
    /// The inode of the output tree this build wrote.
    package var outputInode: UInt64
    /// The content hash of every content text, by its path in the build cache (`content/…`).
    var texts: [String: UInt64]
    var site: Site
    var frontMatterDiagnostics: [String: [Diagnostic]]
    var bodyDiagnostics: [String: [Diagnostic]]
    var otherDiagnostics: [Diagnostic]
    var knownIDs: [EntryID]
    var drafts: [EntryID]
    var imageSizes: [String: ImageDimensions]
    /// The entry of each record of each language's search index, in index order.
    var searchOrder: [LanguageCode: [EntryID]]
    var pagesPerLanguage: [String: Int]
    var filesWritten: Int
    /// Tells this snapshot's file from an earlier one, so that edits saved for one are never applied to another.
    var generation = UInt64.random(in: 1...UInt64.max)
    /// The entry pages (`SiteResolver.bodyKey`) rebuilt since the snapshot file was written: the
    /// next rebuild saves only these, beside the file (`save(to:)`).
    var editedPages: Set<String> = []

    /// The snapshot of a build that just rendered `site`.
    package init(environment: String, outputInode: UInt64, texts: [String: UInt64], site: Site, frontMatterDiagnostics: [String: [Diagnostic]], bodyDiagnostics: [String: [Diagnostic]], otherDiagnostics: [Diagnostic], knownIDs: [EntryID], drafts: [EntryID], imageSizes: [String: ImageDimensions], searchOrder: [LanguageCode: [EntryID]], pagesPerLanguage: [String: Int], filesWritten: Int) {
        self.environment = environment
        self.outputInode = outputInode
        self.texts = texts
        self.site = site
        self.frontMatterDiagnostics = frontMatterDiagnostics
        self.bodyDiagnostics = bodyDiagnostics
        self.otherDiagnostics = otherDiagnostics
        self.knownIDs = knownIDs
        self.drafts = drafts
        self.imageSizes = imageSizes
        self.searchOrder = searchOrder
        self.pagesPerLanguage = pagesPerLanguage
        self.filesWritten = filesWritten
    }

    private static let header = "passerelle-snapshot 7\n"
    private static let editsHeader = "passerelle-snapshot-edits 2\n"
    /// Beyond this many edited pages, a rebuild writes the whole snapshot again.
    static let editLimit = 1_000

    /// Where the edits since the snapshot at `url` are saved.
    static func editsURL(_ url: URL) -> URL { url.appendingPathExtension("edits") }

    // MARK: Writing

    /// The hashes of the files a snapshot was read from or saved to (`BlockHash`; the edits file's
    /// 0 when there is none): what the build cache's seal holds.
    package struct FileHashes: Equatable {
        var snapshot: UInt64
        var edits: UInt64
    }

    /// The hashes of the files this snapshot was read from, or nil for one made by a build.
    package private(set) var fileHashes: FileHashes?

    /// Saves the snapshot at `url`: only the edited pages when there are a few (a large site's
    /// snapshot takes longer to write than a text edit takes to build), else the whole of it.
    /// Returns the hashes of the files as they now are (those of the files it was read from,
    /// for the file it did not write again).
    @discardableResult
    package func save(to url: URL) throws -> FileHashes {
        guard !editedPages.isEmpty, editedPages.count <= SiteSnapshot.editLimit, let previous = fileHashes else {
            var whole = self
            whole.editedPages = []
            whole.generation = UInt64.random(in: 1...UInt64.max)
            unlink(SiteSnapshot.editsURL(url).path)
            return FileHashes(snapshot: try whole.write(to: url), edits: 0)
        }
        var out = ArchiveWriter(capacity: 4 << 20)
        out.string(SiteSnapshot.editsHeader)
        out.uint64(generation)
        out.uint64(outputInode)
        out.dictionary(texts) { $0.uint64($1) }
        out.array(editedPages.sorted()) { out, key in
            let (id, language) = SiteSnapshot.page(key)
            out.string(key)
            let page = site.entry(id)?.pages[language]
            out.text(page?.plainText ?? "")
            out.text(page?.html ?? "")
            out.array(bodyDiagnostics[key] ?? [], SiteSnapshot.write)
        }
        try SiteSnapshot.replace(url: SiteSnapshot.editsURL(url), with: out.bytes)
        return FileHashes(snapshot: previous.snapshot, edits: out.bytes.withUnsafeBytes { BlockHash.of($0) })
    }

    /// The entry id and language of an entry page's `bodyKey`.
    private static func page(_ key: String) -> (id: EntryID, language: LanguageCode) {
        let parts = key.split(separator: ":", maxSplits: 1).last.map { $0.split(separator: ":") } ?? []
        return (EntryID(parts.dropLast().joined(separator: ":")), LanguageCode(parts.last.map(String.init) ?? ""))
    }

    private static func replace(url: URL, with bytes: [UInt8]) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = url.appendingPathExtension("\(getpid())")
        // Written from the buffer itself: a `Data` copy of a large snapshot would add to the build's peak memory.
        var mtime: [Int64] = [0, 0]
        let error = bytes.withUnsafeBytes { passerelle_write_file_at(temporary.path, $0.baseAddress, $0.count, &mtime) }
        guard error == 0, rename(temporary.path, url.path) == 0 else {
            unlink(temporary.path)
            throw CocoaError(.fileWriteUnknown)
        }
    }

    /// Writes the whole snapshot; returns the hash of the file.
    private func write(to url: URL) throws -> UInt64 {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = url.appendingPathExtension("\(getpid())")
        // Streamed to the file a megabyte at a time: held whole, it would add to the build's peak memory.
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown) }
        var hash = BlockHash()
        var out = ArchiveWriter(capacity: 1 << 21) { chunk in
            hash.add(chunk)
            var offset = 0
            while offset < chunk.count {
                let written = Foundation.write(fd, chunk.baseAddress! + offset, chunk.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { return false }
                offset += written
            }
            return true
        }
        out.string(SiteSnapshot.header)
        out.uint64(generation)
        out.string(environment)
        out.uint64(outputInode)
        out.dictionary(texts) { $0.uint64($1) }
        SiteSnapshot.write(&out, site)
        out.dictionary(frontMatterDiagnostics) { $0.array($1, SiteSnapshot.write) }
        out.dictionary(bodyDiagnostics) { $0.array($1, SiteSnapshot.write) }
        out.array(otherDiagnostics, SiteSnapshot.write)
        out.ids(knownIDs)
        out.ids(drafts)
        out.dictionary(imageSizes) { out, size in out.int(size.width); out.int(size.height) }
        out.dictionary(searchOrder) { $0.ids($1) }
        out.dictionary(pagesPerLanguage) { $0.int($1) }
        out.int(filesWritten)
        out.flush()
        guard close(fd) == 0, out.succeeded, rename(temporary.path, url.path) == 0 else {
            unlink(temporary.path)
            throw CocoaError(.fileWriteUnknown)
        }
        return hash.value
    }

    private static func write(_ out: inout ArchiveWriter, _ site: Site) {
        out.array(site.sections) { out, section in
            out.string(section.config.name)
            out.table(section.orderedEntries) { $0.ids($1) }
            out.table(section.intros) { $0.optional($1, write) }
        }
        out.table(site.homeIntros) { $0.optional($1, write) }
        out.strings(site.assets)
        // The bodies a text edit of another entry may show again (a feed).
        let quoted = RenderPlan(site: site).quotedBodies()
        // Entries are encoded in parallel, batch by batch, and streamed in order, without the
        // whole snapshot in memory. Each batch is preceded by its length, so that a text edit
        // rebuild decodes the batches in parallel too.
        let ids = site.entryIDs
        let batches = stride(from: 0, to: ids.count, by: SiteSnapshot.batchSize).map { $0..<min($0 + SiteSnapshot.batchSize, ids.count) }
        out.int(batches.count)
        // The ids written above (the sections' listings: every entry's) are named by their place.
        let written = out.writtenIDs
        for first in stride(from: 0, to: batches.count, by: 16) {
            let parts = Array(batches[first..<min(first + 16, batches.count)]).concurrentMap { range -> [UInt8] in
                var part = ArchiveWriter(capacity: 1 << 19, sharing: written)
                part.int(range.count)
                for id in ids[range] { write(&part, site[id], quoted: quoted) }
                return part.bytes
            }
            for part in parts {
                out.int(part.count)
                out.raw(part)
            }
        }
    }

    /// Entries per batch of the archive.
    private static let batchSize = 256

    private static func write(_ out: inout ArchiveWriter, _ entry: Entry, quoted: (plainText: Set<RenderPlan.EditedBody>, html: Set<RenderPlan.EditedBody>)) {
        let id = entry.id
        out.id(entry.id)
        out.string(entry.section.name)
        out.string(entry.fileSlug)
        out.dictionary(entry.variants) { out, variant in
            out.language(variant.language)
            write(&out, variant.metadata)
            out.int(variant.bodyFirstLine)
            let source = variant.source
            out.string(source.displayPath)
            out.string(source.relativePath)
            out.optional(source.section) { $0.string($1) }
            out.string(source.slug)
            out.language(source.language)
            out.bool(source.isIndex)
        }
        out.table(entry.pages) { out, page in
            out.language(page.language)
            out.language(page.textLanguage)
            out.string(page.slug)
            out.string(page.outputPath)
            out.strings(page.headingIDs)
            let body = RenderPlan.EditedBody(entry: id, language: page.language)
            out.text(quoted.plainText.contains(body) ? page.plainText : "")
            out.text(quoted.html.contains(body) ? page.html : "")
            out.ids(page.related)
            out.ids(page.bodyReferences)
            out.ids(page.backlinks)
            out.dictionary(page.fieldTargets) { $0.ids($1) }
            out.array(page.typedBacklinks) { out, list in
                out.string(list.section)
                out.string(list.field)
                out.ids(list.sources)
            }
            out.optional(page.outdatedFrom) { $0.language($1) }
            out.dictionary(page.relatedAnchors) { $0.string($1) }
        }
    }

    private static func write(_ out: inout ArchiveWriter, _ text: RenderedText) {
        out.optional(text.title) { $0.string($1) }
        out.string(text.html)
        out.language(text.textLanguage)
    }

    private static func write(_ out: inout ArchiveWriter, _ meta: EntryMetadata) {
        out.string(meta.title)
        out.optional(meta.summary) { $0.string($1) }
        out.optional(meta.weight) { $0.int($1) }
        out.optional(meta.category) { $0.string($1) }
        out.strings(meta.tags)
        out.array(meta.related, write)
        out.optional(meta.slug) { $0.string($1) }
        out.array(meta.aliases, write)
        out.bool(meta.draft)
        out.optional(meta.date, write)
        out.optional(meta.updated, write)
        out.optional(meta.location) { $0.string($1) }
        out.optional(meta.url) { $0.string($1) }
        out.optional(meta.event) { out, event in
            write(&out, event.start)
            out.optional(event.end) { write(&$0, $1) }
            out.optional(event.timezone) { $0.string($1) }
            out.string(event.status.rawValue)
            out.optional(event.recurrence) { $0.string($1.rawValue) }
        }
        out.dictionary(meta.fields) { out, value in
            switch value {
            case let .countries(codes): out.int(0); out.strings(codes)
            case let .choice(key): out.int(1); out.string(key)
            case let .year(year): out.int(2); out.int(year)
            case let .text(text): out.int(3); out.string(text)
            case let .references(references): out.int(4); out.array(references, write)
            }
        }
        out.optional(meta.translatedFrom) { out, from in
            out.language(from.language)
            out.string(from.blob)
            write(&out, from.location)
        }
    }

    private static func write(_ out: inout ArchiveWriter, _ value: DateTimeValue) {
        write(&out, value.date)
        out.optional(value.minuteOfDay) { $0.int($1) }
    }

    private static func write(_ out: inout ArchiveWriter, _ date: CalendarDate) {
        out.int(date.year)
        out.int(date.month)
        out.int(date.day)
    }

    private static func write(_ out: inout ArchiveWriter, _ reference: ReferenceText) {
        out.string(reference.text)
        write(&out, reference.location)
    }

    private static func write(_ out: inout ArchiveWriter, _ location: SourceLocation) {
        out.string(location.path)
        out.int(location.line)
        out.int(location.column)
    }

    private static func write(_ out: inout ArchiveWriter, _ diagnostic: Diagnostic) {
        out.bool(diagnostic.severity == .error)
        write(&out, diagnostic.location)
        out.string(diagnostic.message)
    }

}

extension SiteSnapshot {
    // MARK: Reading

    /// The snapshot at `url`, with the edits saved beside it, for a site of `config` built on
    /// `buildDate`; nil when it is missing, unreadable, or names a section that `config` does not have.
    /// The snapshot in `url`; nil when it cannot be read, or was made under another environment
    /// than `environment` (found from its first bytes, without reading the rest).
    package init?(contentsOf url: URL, config: SiteConfig, buildDate: Date, environment expected: String? = nil) {
        guard let data = try? Data(contentsOf: url, options: .alwaysMapped) else { return nil }
        let read: SiteSnapshot? = data.withUnsafeBytes { raw in
            var input = ArchiveReader(raw, of: data)
            return try? SiteSnapshot(reading: &input, config: config, buildDate: buildDate, environment: expected)
        }
        guard var read else { return nil }
        // Hashed as it was read (its pages are in memory now): the seal says whether it is the one saved.
        read.fileHashes = FileHashes(snapshot: data.withUnsafeBytes { BlockHash.of($0) }, edits: 0)
        if let edits = try? Data(contentsOf: SiteSnapshot.editsURL(url)) {
            read.fileHashes?.edits = edits.withUnsafeBytes { BlockHash.of($0) }
            let applied: Bool = edits.withUnsafeBytes { raw in
                var input = ArchiveReader(raw)
                return (try? read.apply(edits: &input)) != nil
            }
            guard applied else { return nil }
        }
        self = read
    }

    /// Applies the edits saved by `save(to:)` (for this generation only).
    private mutating func apply(edits input: inout ArchiveReader) throws {
        guard try input.string() == SiteSnapshot.editsHeader, try input.uint64() == generation else { throw ArchiveReader.Corrupt() }
        outputInode = try input.uint64()
        texts = try input.dictionary { try $0.uint64() }
        var entries = site.entries
        for _ in 0..<(try input.count()) {
            let key = try input.string()
            let (id, language) = SiteSnapshot.page(key)
            guard var entry = entries[id], site.languageCodes.contains(language) else { throw ArchiveReader.Corrupt() }
            entry.pages[language].plainText = UTF8Text(try input.string())
            entry.pages[language].html = UTF8Text(try input.string())
            entries[id] = entry
            let diagnostics = try input.array(SiteSnapshot.readDiagnostic)
            bodyDiagnostics[key] = diagnostics.isEmpty ? nil : diagnostics
            editedPages.insert(key)
        }
        guard input.isAtEnd else { throw ArchiveReader.Corrupt() }
        site = Site(config: site.config, sections: site.sections, entries: entries, entryIDs: site.entryIDs, homeIntros: site.homeIntros,
                    assets: site.assets, buildDate: site.buildDate)
    }

    private init(reading input: inout ArchiveReader, config: SiteConfig, buildDate: Date, environment expected: String?) throws {
        guard try input.string() == SiteSnapshot.header else { throw ArchiveReader.Corrupt() }
        generation = try input.uint64()
        environment = try input.string()
        if let expected, environment != expected { throw ArchiveReader.Corrupt() }
        outputInode = try input.uint64()
        texts = try input.dictionary { try $0.uint64() }
        site = try SiteSnapshot.readSite(&input, config: config, buildDate: buildDate)
        frontMatterDiagnostics = try input.dictionary { try $0.array(SiteSnapshot.readDiagnostic) }
        bodyDiagnostics = try input.dictionary { try $0.array(SiteSnapshot.readDiagnostic) }
        otherDiagnostics = try input.array(SiteSnapshot.readDiagnostic)
        knownIDs = try input.ids()
        drafts = try input.ids()
        imageSizes = try input.dictionary { ImageDimensions(width: try $0.int(), height: try $0.int()) }
        searchOrder = try input.dictionary { try $0.ids() }
        pagesPerLanguage = try input.dictionary { try $0.int() }
        filesWritten = try input.int()
        guard input.isAtEnd else { throw ArchiveReader.Corrupt() }
    }

    private static func readSite(_ input: inout ArchiveReader, config: SiteConfig, buildDate: Date) throws -> Site {
        @Sendable func section(_ name: String) throws -> SectionConfig {
            guard let section = config.section(named: name) else { throw ArchiveReader.Corrupt() }
            return section
        }
        let languages = config.languageCodes
        let sections = try input.array { input in
            Section(config: try section(try input.string()), orderedEntries: try input.table(languages: languages) { try $0.ids() },
                    intros: try input.table(languages: languages) { try $0.optional(readRenderedText) })
        }
        let homeIntros = try input.table(languages: languages) { try $0.optional(readRenderedText) }
        let assets = try input.strings()
        let batches = try (0..<(try input.count())).map { _ in try input.part() }
        let read = input.readIDs
        let decoded = batches.concurrentMap { batch in
            Result<[Entry], any Error> { () throws -> [Entry] in
                try batch.withUnsafeBytes { raw in
                    var input = ArchiveReader(raw, sharing: read)
                    let entries = try input.array { try readEntry(&$0, section: section, languages: languages) }
                    guard input.isAtEnd else { throw ArchiveReader.Corrupt() }
                    return entries
                }
            }
        }
        let entries = try decoded.flatMap { try $0.get() }
        // Written in the order of `entryIDs`: read back in it.
        return Site(config: config, sections: sections, entries: Dictionary(uniqueKeysWithValues: entries.map { ($0.id, $0) }),
                    entryIDs: entries.map(\.id), homeIntros: homeIntros, assets: assets, buildDate: buildDate)
    }

    private static func readEntry(_ input: inout ArchiveReader, section: (String) throws -> SectionConfig, languages: [LanguageCode]) throws -> Entry {
        let id = try input.id()
        let entrySection = try section(try input.string())
        let fileSlug = try input.string()
        let variants: [LanguageCode: EntryVariant] = try input.dictionary { input -> EntryVariant in
            let language = try input.language()
            let metadata = try readMetadata(&input)
            let bodyFirstLine = try input.int()
            let source = SourceFile(displayPath: try input.string(), relativePath: try input.string(),
                                    section: try input.optional { try $0.string() }, slug: try input.string(),
                                    language: try input.language(), isIndex: try input.bool(), text: "", likelyID: id)
            return EntryVariant(language: language, metadata: metadata, body: "", bodyFirstLine: bodyFirstLine, source: source)
        }
        let pages = try input.table(languages: languages) { input in
            let (language, textLanguage, slug, outputPath) = (try input.language(), try input.language(), try input.string(), try input.string())
            let (headingIDs, plainText, html) = (try input.strings(), try input.string(), try input.string())
            guard variants[textLanguage] != nil else { throw ArchiveReader.Corrupt() }
            var page = EntryPage(language: language, textLanguage: textLanguage, slug: slug, outputPath: outputPath, html: UTF8Text(html),
                                 headingIDs: headingIDs, plainText: UTF8Text(plainText),
                                 related: try input.ids(), bodyReferences: try input.ids(), backlinks: try input.ids())
            let fieldTargets: [String: [EntryID]] = try input.dictionary { try $0.ids() }
            if !fieldTargets.isEmpty { page.fieldTargets = fieldTargets }
            let typedBacklinks = try input.array { TypedBacklinks(section: try $0.string(), field: try $0.string(), sources: try $0.ids()) }
            if !typedBacklinks.isEmpty { page.typedBacklinks = typedBacklinks }
            if let outdated = try input.optional({ try $0.language() }) { page.outdatedFrom = outdated }
            let anchors: [EntryID: String] = try input.dictionary { try $0.string() }
            if !anchors.isEmpty { page.relatedAnchors = anchors }
            return page
        }
        return Entry(id: id, section: entrySection, fileSlug: fileSlug, variants: variants, pages: pages)
    }

    private static func readRenderedText(_ input: inout ArchiveReader) throws -> RenderedText {
        RenderedText(title: try input.optional { try $0.string() }, html: try input.string(), textLanguage: try input.language())
    }

    private static func readMetadata(_ input: inout ArchiveReader) throws -> EntryMetadata {
        var meta = EntryMetadata()
        meta.title = try input.string()
        meta.summary = try input.optional { try $0.string() }
        meta.weight = try input.optional { try $0.int() }
        meta.category = try input.optional { try $0.string() }
        meta.tags = try input.strings()
        meta.related = try input.array(readReference)
        meta.slug = try input.optional { try $0.string() }
        meta.aliases = try input.array(readReference)
        meta.draft = try input.bool()
        meta.date = try input.optional(readDate)
        meta.updated = try input.optional(readDate)
        meta.location = try input.optional { try $0.string() }
        meta.url = try input.optional { try $0.string() }
        meta.event = try input.optional { input in
            let start = try readDateTime(&input)
            let end = try input.optional(readDateTime)
            let timezone = try input.optional { try $0.string() }
            guard let status = EventDetails.Status(rawValue: try input.string()) else { throw ArchiveReader.Corrupt() }
            let recurrence = try input.optional { input -> EventDetails.Recurrence in
                guard let value = EventDetails.Recurrence(rawValue: try input.string()) else { throw ArchiveReader.Corrupt() }
                return value
            }
            return EventDetails(start: start, end: end, timezone: timezone, status: status, recurrence: recurrence)
        }
        meta.fields = try input.dictionary { input -> FieldValue in
            switch try input.int() {
            case 0: return .countries(try input.strings())
            case 1: return .choice(try input.string())
            case 2: return .year(try input.int())
            case 3: return .text(try input.string())
            case 4: return .references(try input.array(readReference))
            default: throw ArchiveReader.Corrupt()
            }
        }
        meta.translatedFrom = try input.optional { input in
            TranslatedFrom(language: try input.language(), blob: try input.string(), location: try readLocation(&input))
        }
        return meta
    }

    private static func readDateTime(_ input: inout ArchiveReader) throws -> DateTimeValue {
        DateTimeValue(date: try readDate(&input), minuteOfDay: try input.optional { try $0.int() })
    }

    private static func readDate(_ input: inout ArchiveReader) throws -> CalendarDate {
        guard let date = CalendarDate(year: try input.int(), month: try input.int(), day: try input.int()) else { throw ArchiveReader.Corrupt() }
        return date
    }

    private static func readReference(_ input: inout ArchiveReader) throws -> ReferenceText {
        ReferenceText(text: try input.string(), location: try readLocation(&input))
    }

    private static func readLocation(_ input: inout ArchiveReader) throws -> SourceLocation {
        SourceLocation.recorded(path: try input.string(), line: try input.int(), column: try input.int())
    }

    private static func readDiagnostic(_ input: inout ArchiveReader) throws -> Diagnostic {
        let severity: Diagnostic.Severity = try input.bool() ? .error : .warning
        return Diagnostic(severity, try readLocation(&input), try input.string())
    }
}
