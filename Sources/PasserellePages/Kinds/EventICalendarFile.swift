import PasserelleModel
import PasserelleTemplates
import Foundation

/// The `.ics` file of every event in every language, beside its page: one event to add to a calendar.
package struct EventICalendarFile: PageKind {
    package var name: String { "event iCalendar file" }

    package func jobs(in site: Site) -> [PageJob] {
        site.languageCodes.flatMap { language in
            site.sections.filter { $0.config.kind == .event }.flatMap { section in
                section.orderedEntries[language].filter { Self.isEvent($0, in: site, language: language) }
            }.map { PageJob(language: language, subject: .entry($0)) }
        }
    }

    package func jobs(showing edits: [LanguageCode: Set<EntryID>], in site: Site) -> [PageJob] {
        site.languageCodes.flatMap { language in
            (edits[language] ?? []).filter { Self.isEvent($0, in: site, language: language) }.sorted().map { PageJob(language: language, subject: .entry($0)) }
        }
    }

    /// Whether the entry `id` is an event of an event section in `language`: it has a calendar file there.
    static func isEvent(_ id: EntryID, in site: Site, language: LanguageCode) -> Bool {
        guard let entry = site.entry(id), entry.section.kind == .event else { return false }
        let page = entry.pages[language]
        return entry.variants[page.textLanguage]?.metadata.event != nil
    }

    package func bodies(of job: PageJob, in site: Site) -> BodyUse {
        guard case let .entry(id) = job.subject else { return .none }
        return .own(id)
    }

    package func render(_ job: PageJob, _ renderer: PageRenderer, pages: [PageRenderer.Page]) -> [PageRenderer.Page] {
        guard case let .entry(id) = job.subject, let entry = renderer.site.entry(id),
              let made = renderer.icalBlock(entry, language: job.language) else { return [] }
        let page = entry.pages[job.language]
        return [PageRenderer.Page(path: SitePaths.eventCalendar(pagePath: page.outputPath, slug: page.slug),
                                  content: renderer.icalWriter(job.language, name: made.event.summary).calendar(details: [made.event.details], blocks: [made.block]))]
    }
}

/// An event in one language with its written `VEVENT` block: made for the event's own file,
/// used again by its language's. A class: shared through the memo by one reference, not copied
/// with its description (the memo is generic, so a copy of a tuple went through the runtime).
final class ICalendarEventBlock: Sendable {
    let event: ICalendarWriter.Event
    let block: [UInt8]

    init(event: ICalendarWriter.Event, block: [UInt8]) {
        self.event = event
        self.block = block
    }
}

extension PageRenderer {
    /// The event of `entry` in `language` and its `VEVENT` block, made once for its own file and
    /// its language's (`taking`: for the language's, the last to use it, which frees it).
    func icalBlock(_ entry: Entry, language: LanguageCode, taking: Bool = false) -> ICalendarEventBlock? {
        let key = entry.id.rawValue + "\n" + language.rawValue
        // The closures are made where they are passed (not kept in a constant, which would copy
        // the renderer into a context for every event).
        return taking ? icalBlocks.take(key) { icalEventBlock(entry, language: language) }
            : icalBlocks.value(for: key) { icalEventBlock(entry, language: language) }
    }

    private func icalEventBlock(_ entry: Entry, language: LanguageCode) -> ICalendarEventBlock? {
        icalEvent(entry, language: language).map { ICalendarEventBlock(event: $0, block: icalWriter(language, name: "").eventBlock($0)) }
    }

    func icalWriter(_ language: LanguageCode, name: String) -> ICalendarWriter {
        ICalendarWriter(productID: "-//Passerelle//\(site.config.title(in: language))//\(language.rawValue.uppercased())",
                        calendarName: name, language: language, stamp: site.buildDate)
    }

    func icalEvent(_ entry: Entry, language: LanguageCode) -> ICalendarWriter.Event? {
        let page = entry.pages[language]
        let meta = entry.shownText(in: language).metadata
        guard let details = meta.event else { return nil }
        // The event's own site (`url`) ends the description: `URL` is the page's, one per event (RFC 5545 §3.8.4.6).
        // Joined as bytes: the plain text is kept as bytes, and would be checked and copied as a string.
        var description: [UInt8] = [], parts = 0
        description.reserveCapacity(page.plainText.bytes.count + (meta.summary?.utf8.count ?? 0) + (meta.url?.utf8.count ?? 0) + 4)
        func append<Part: Collection<UInt8>>(_ part: Part?) {
            guard let part else { return }
            if parts > 0 { description += [0x0A, 0x0A] }
            description += part
            parts += 1
        }
        append(meta.summary?.utf8)
        append(page.plainText.isEmpty ? nil : page.plainText.bytes)
        append(meta.url?.utf8)
        return ICalendarWriter.Event(
            uid: String(decoding: entry.id.rawValue.utf8.map { $0 == UInt8(ascii: "/") ? UInt8(ascii: ".") : $0 }, as: UTF8.self)
                + "-\(language)@\(eventUIDHost)",
            summary: meta.title, description: UTF8Text(validUTF8: description), location: meta.location,
            url: SitePaths.absolute(page.outputPath, baseURL: site.config.baseURL), details: details)
    }
}
