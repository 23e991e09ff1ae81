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
        let ids = site.sections.filter { $0.config.kind == .event }.flatMap { $0.orderedEntries[job.language] }
            .filter { EventICalendarFile.isEvent($0, in: site, language: job.language) }
        return .quoted(Set(ids), html: false)
    }

    package func render(_ job: PageJob, _ renderer: PageRenderer, pages: [PageRenderer.Page]) -> [PageRenderer.Page] {
        let site = renderer.site, language = job.language
        let eventSections = site.sections.filter { $0.config.kind == .event }
        let all = eventSections
            .flatMap { $0.orderedEntries[language] }
            .compactMap { id -> (id: EntryID, event: ICalendarWriter.Event, block: [UInt8])? in
                renderer.icalBlock(site[id], language: language, taking: true).map { (id, $0.0, $0.1) }
            }
            .sorted { a, b in (a.event.details.start, a.id) < (b.event.details.start, b.id) }
        let name = site.config.title(in: language) + " – " + eventSections.map { $0.config.title(in: language) }.joined(separator: ", ")
        return [PageRenderer.Page(path: SitePaths.languageCalendar(language),
                                  content: renderer.icalWriter(language, name: name).calendar(all.map(\.event), blocks: all.map(\.block)))]
    }
}
