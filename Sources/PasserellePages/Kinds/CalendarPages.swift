import PasserelleModel
import PasserelleTemplates
import Foundation

/// The calendar pages of a language: a month grid for every month from the first event's to the
/// last's, and a page for every year, per event section.
package struct CalendarPages: PageKind {
    package var name: String { "calendar year and month" }
    package var templates: [String] { ["calendar-month", "calendar-year"] }
    package var keys: [String] {
        ["weekdays", "short", "name", "weeks", "days", "isDay", "day", "iso", "label", "isToday", "events", "hasEvents",
         "continues", "cancelled", "statusLabel", "time", "location", "firstISO", "list", "caption", "yearURL", "yearLabel",
         "eventsURL", "eventsTitle", "icsURL", "previous", "next", "year", "months"]
    }

    package func jobs(in site: Site) -> [PageJob] {
        guard site.sections.contains(where: { $0.config.kind == .event }) else { return [] }
        return site.languageCodes.map { PageJob(language: $0, isLong: true) }
    }

    package func render(_ job: PageJob, _ renderer: PageRenderer, pages: [PageRenderer.Page]) -> [PageRenderer.Page] {
        let language = job.language
        var pages: [PageRenderer.Page] = []
        for section in renderer.site.sections where section.config.kind == .event {
            let calendar = EventCalendar(site: renderer.site, language: language, sectionName: section.config.name)
            let months = calendar.months
            for (index, month) in months.enumerated() {
                pages.append(renderer.renderMonth(month, section: section, calendar: calendar, language: language,
                                                  previous: index > 0 ? months[index - 1] : nil,
                                                  next: index + 1 < months.count ? months[index + 1] : nil))
            }
            let years = calendar.years
            for (index, year) in years.enumerated() {
                pages.append(renderer.renderYear(year, section: section, calendar: calendar, language: language,
                                                 previous: index > 0 ? years[index - 1] : nil,
                                                 next: index + 1 < years.count ? years[index + 1] : nil))
            }
        }
        return pages
    }
}

extension PageRenderer {

    /// An occurrence as listed on calendar pages.
    private func occurrenceItem(_ occurrence: EventOccurrence, language: LanguageCode, from path: String) -> TemplateRecord {
        let entry = site[occurrence.entryID]
        var item = entryLink(entry, language: language, from: path)
        item["when"] = .text(dateText[language].occurrence(occurrence))
        item["firstISO"] = .text(occurrence.first.iso)
        if let event = entry.variant(for: language, order: site.languageCodes).metadata.event {
            item["cancelled"] = .bool(event.status == .cancelled)
            if event.status != .confirmed { item["statusLabel"] = .text(theme.strings(language)["status_\(event.status.rawValue)"] ?? event.status.rawValue) }
            if let minute = occurrence.startMinute { item["time"] = .text(dateText[language].time(minute)) }
        }
        if let location = entry.variant(for: language, order: site.languageCodes).metadata.location { item["location"] = .text(location) }
        return item
    }

    func renderMonth(_ month: YearMonth, section: Section, calendar: EventCalendar, language: LanguageCode,
                     previous: YearMonth?, next: YearMonth?) -> Page {
        let path = SitePaths.calendarMonth(section.config, language, month)
        let dates = dateText[language]
        let title = dates.monthTitle(month)
        var context = chrome(language: language, path: path, title: title) { SitePaths.calendarMonth(section.config, $0, month) }
        let order = (0..<7).map { (dates.firstWeekday - 1 + $0) % 7 }
        context["weekdays"] = .records(order.map { ["name": .text(dates.weekdayNames[$0]), "short": .text(dates.shortWeekdayNames[$0])] })
        let occurrences = calendar.occurrences(in: month)
        context["weeks"] = .records(EventCalendar.weeks(of: month, firstWeekday: dates.firstWeekday).map { week -> TemplateRecord in
            ["days": .records(week.map { day -> TemplateRecord in
                guard let day else { return ["isDay": false] }
                let events = occurrences.filter { $0.covers(day) }.map { occurrence -> TemplateRecord in
                    var item = occurrenceItem(occurrence, language: language, from: path)
                    item["continues"] = .bool(occurrence.first < day)
                    return item
                }
                return ["isDay": true, "day": .number(day.day), "iso": .text(day.iso), "label": .text(dates.day(day)), "isToday": .bool(day == calendar.today),
                        "events": .records(events), "hasEvents": .bool(!events.isEmpty)]
            })]
        })
        context["list"] = .records(occurrences.map { occurrenceItem($0, language: language, from: path) })
        context["caption"] = .text(title)
        context["yearURL"] = .text(SitePaths.relative(from: path, to: SitePaths.calendarYear(section.config, language, month.year)))
        context["yearLabel"] = .text(String(month.year))
        context["eventsURL"] = .text(SitePaths.relative(from: path, to: SitePaths.section(section.config, language)))
        context["eventsTitle"] = .text(section.config.title(in: language))
        context["icsURL"] = .text(SitePaths.relative(from: path, to: SitePaths.languageCalendar(language)))
        if let previous {
            context["previous"] = .table(["url": SitePaths.relative(from: path, to: SitePaths.calendarMonth(section.config, language, previous)),
                                   "label": dates.monthTitle(previous)])
        }
        if let next {
            context["next"] = .table(["url": SitePaths.relative(from: path, to: SitePaths.calendarMonth(section.config, language, next)),
                               "label": dates.monthTitle(next)])
        }
        return page("calendar-month", context, path: path) { SitePaths.calendarMonth(section.config, $0, month) }
    }

    func renderYear(_ year: Int, section: Section, calendar: EventCalendar, language: LanguageCode,
                    previous: Int?, next: Int?) -> Page {
        let path = SitePaths.calendarYear(section.config, language, year)
        let dates = dateText[language]
        var context = chrome(language: language, path: path, title: "\(section.config.title(in: language)) \(year)") {
            SitePaths.calendarYear(section.config, $0, year)
        }
        context["year"] = .text(String(year))
        context["months"] = .records(calendar.months.filter { $0.year == year }.map { month -> TemplateRecord in
            ["title": .text(dates.monthTitle(month)), "iso": .text(month.iso),
             "url": .text(SitePaths.relative(from: path, to: SitePaths.calendarMonth(section.config, language, month))),
             "events": .records(calendar.occurrences(in: month).map { occurrenceItem($0, language: language, from: path) })]
        })
        context["eventsURL"] = .text(SitePaths.relative(from: path, to: SitePaths.section(section.config, language)))
        context["eventsTitle"] = .text(section.config.title(in: language))
        context["icsURL"] = .text(SitePaths.relative(from: path, to: SitePaths.languageCalendar(language)))
        if let previous {
            context["previous"] = .table(["url": SitePaths.relative(from: path, to: SitePaths.calendarYear(section.config, language, previous)), "label": String(previous)])
        }
        if let next {
            context["next"] = .table(["url": SitePaths.relative(from: path, to: SitePaths.calendarYear(section.config, language, next)), "label": String(next)])
        }
        return page("calendar-year", context, path: path) { SitePaths.calendarYear(section.config, $0, year) }
    }

    /// The listing of an event section: upcoming events first (soonest first), then past ones by year,
    /// with links to the calendar's years and to the subscription feed.
    func eventListing(_ section: Section, language: LanguageCode, path: String) -> TemplateRecord {
        let calendar = EventCalendar(site: site, language: language, sectionName: section.config.name)
        let t = theme.strings(language)
        var groups: [TemplateRecord] = []
        let upcoming = calendar.upcoming
        let nextOccurrence = Dictionary(uniqueKeysWithValues: calendar.nextOccurrences.map { ($0.entryID, $0) })
        if !upcoming.isEmpty {
            groups.append(["category": .text(t["upcoming"] ?? "Upcoming"), "entries": .records(upcoming.map { id -> TemplateRecord in
                var link = entryLink(site[id], language: language, from: path)
                if let occurrence = nextOccurrence[id] { link["when"] = .text(dateText[language].occurrence(occurrence)) }
                return link
            })])
        }
        for (year, ids) in calendar.pastByYear {
            groups.append(["category": .text((t["past_year"] ?? "{year}").replacingOccurrences(of: "{year}", with: String(year))),
                           "entries": .records(ids.map { entryLink(site[$0], language: language, from: path) })])
        }
        return [
            "groups": .records(groups),
            "empty": .bool(groups.isEmpty),
            "calendarYears": .records(calendar.datedYears.map { ["year": .text(String($0)), "url": .text(SitePaths.relative(from: path, to: SitePaths.calendarYear(section.config, language, $0)))] }),
            "hasCalendar": .bool(!calendar.years.isEmpty),
            "icsURL": .text(SitePaths.relative(from: path, to: SitePaths.languageCalendar(language))),
        ]
    }
}
