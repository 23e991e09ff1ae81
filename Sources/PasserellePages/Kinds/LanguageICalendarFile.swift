import PasserelleModel
import PasserelleTemplates
import Foundation

/// `calendar.ics` of a language: every event of its event sections, to subscribe to.
package struct LanguageICalendarFile: PageKind {
    package var name: String { "language iCalendar file" }

    package func jobs(in site: Site) -> [PageJob] {
        guard site.sections.contains(where: { $0.config.kind == .event }) else { return [] }
        return site.languageCodes.map { PageJob(language: $0) }
    }

    package func bodies(of job: PageJob, in site: Site) -> BodyUse {
        .blocks(Set(LanguageICalendarFile.events(in: site, language: job.language)))
    }

    /// The events of the calendar of `language`, in the event sections' listing order.
    static func events(in site: Site, language: LanguageCode) -> [EntryID] {
        site.sections.filter { $0.config.kind == .event }.flatMap { $0.orderedEntries[language] }
            .filter { EventICalendarFile.isEvent($0, in: site, language: language) }
    }

    /// The `VEVENT` blocks of `file`, the calendar of `language` the last build wrote, for a text
    /// edit to carry over (`PageRenderer.carriedEventBlocks`); nil unless it holds one per event.
    package static func carriedBlocks(of file: [UInt8], in site: Site, language: LanguageCode) -> [[UInt8]]? {
        guard let blocks = ICalendarWriter.eventBlocks(in: file), blocks.count == events(in: site, language: language).count else { return nil }
        return blocks
    }

    /// The calendar's order: by start, then entry id. The events are read where they are, not
    /// copied into tuples to compare (an event holds its whole description: a sort of thousands
    /// of them made tens of thousands of copies).
    static func startsBefore(_ a: EntryID, _ aEvent: ICalendarWriter.Event, _ b: EntryID, _ bEvent: ICalendarWriter.Event) -> Bool {
        let aStart = aEvent.details.start, bStart = bEvent.details.start
        return aStart != bStart ? aStart < bStart : a < b
    }

    package func render(_ job: PageJob, _ renderer: PageRenderer, pages: [PageRenderer.Page]) -> [PageRenderer.Page] {
        let site = renderer.site, language = job.language
        let eventSections = site.sections.filter { $0.config.kind == .event }
        let ids = LanguageICalendarFile.events(in: site, language: language)
        let details: [EventDetails], blocks: [[UInt8]]
        if let carried = renderer.carried, let written = carried.eventBlocks[language] {
            // A text edit keeps every front matter: the events and their order are the last
            // build's, whose blocks it carries over but for those of the edited bodies.
            let events = ids.compactMap { id in renderer.icalEvent(site[id], language: language).map { (id: id, event: $0) } }
                .sorted { Self.startsBefore($0.id, $0.event, $1.id, $1.event) }
            details = events.map(\.event.details)
            blocks = zip(events, written).map { event, block in
                carried.edited.contains(.init(entry: event.id, language: language))
                    ? renderer.icalBlock(site[event.id], language: language, taking: true)?.block ?? [] : block
            }
        } else {
            let made = ids.compactMap { id in renderer.icalBlock(site[id], language: language, taking: true).map { (id: id, made: $0) } }
                .sorted { Self.startsBefore($0.id, $0.made.event, $1.id, $1.made.event) }
            details = made.map(\.made.event.details)
            blocks = made.map(\.made.block)
        }
        let name = site.config.title(in: language) + " – " + eventSections.map { $0.config.title(in: language) }.joined(separator: ", ")
        return [PageRenderer.Page(path: SitePaths.languageCalendar(language),
                                  content: renderer.icalWriter(language, name: name).calendar(details: details, blocks: blocks))]
    }
}
