import PasserelleModel
import PasserelleTemplates
import Foundation

/// Calendar output of the page renderer: month grids, year views, the events listing, and iCalendar files.
extension PageRenderer {
    /// The calendar jobs of one language: pages and `.ics` files.
    func renderCalendars(_ language: String) -> [Page] {
        var pages: [Page] = []
        let eventSections = site.sections.filter { $0.config.kind == .event }
        guard !eventSections.isEmpty else { return pages }
        for section in eventSections {
            let calendar = EventCalendar(site: site, language: language, sectionName: section.config.name)
            let months = calendar.months
            for (index, month) in months.enumerated() {
                pages.append(renderMonth(month, section: section, calendar: calendar, language: language,
                                         previous: index > 0 ? months[index - 1] : nil,
                                         next: index + 1 < months.count ? months[index + 1] : nil))
            }
            let years = calendar.years
            for (index, year) in years.enumerated() {
                pages.append(renderYear(year, section: section, calendar: calendar, language: language,
                                        previous: index > 0 ? years[index - 1] : nil,
                                        next: index + 1 < years.count ? years[index + 1] : nil))
            }
        }
        // Each event is written once, for its own file and for its language's.
        var events: [String: (event: ICalendarWriter.Event, block: [UInt8])] = [:]
        let writer = icalWriter(language, name: "")
        for section in eventSections {
            for id in section.orderedEntries[language] ?? [] {
                guard let entry = site.entries[id], let event = icalEvent(entry, language: language) else { continue }
                let block = writer.eventBlock(event)
                events[id] = (event, block)
                pages.append(eventCalendarFile(entry, language, event: event, block: block))
            }
        }
        pages.append(languageCalendarFile(language, events: events))
        return pages
    }

    /// The `.ics` file of one event, beside its page (nil when the entry is not an event).
    package func eventCalendarFile(_ entry: Entry, _ language: String) -> Page? {
        guard let event = icalEvent(entry, language: language) else { return nil }
        return eventCalendarFile(entry, language, event: event, block: icalWriter(language, name: "").eventBlock(event))
    }

    private func eventCalendarFile(_ entry: Entry, _ language: String, event: ICalendarWriter.Event, block: [UInt8]) -> Page {
        let page = entry.pages[language]!
        return Page(path: SitePaths.eventCalendar(pagePath: page.outputPath, slug: page.slug),
                    content: icalWriter(language, name: event.summary).calendar([event], blocks: [block]))
    }

    /// The `.ics` file of every event of a language; `events` are those already written, by entry id.
    package func languageCalendarFile(_ language: String, events known: [String: (event: ICalendarWriter.Event, block: [UInt8])] = [:]) -> Page {
        let eventSections = site.sections.filter { $0.config.kind == .event }
        let writer = icalWriter(language, name: "")
        let all = eventSections
            .flatMap { $0.orderedEntries[language] ?? [] }
            .compactMap { id -> (id: String, event: ICalendarWriter.Event, block: [UInt8])? in
                if let done = known[id] { return (id, done.event, done.block) }
                guard let event = icalEvent(site.entries[id]!, language: language) else { return nil }
                return (id, event, writer.eventBlock(event))
            }
            .sorted { a, b in (a.event.details.start, a.id) < (b.event.details.start, b.id) }
        let name = site.config.title(in: language) + " – " + eventSections.map { $0.config.title(in: language) }.joined(separator: ", ")
        return Page(path: SitePaths.languageCalendar(language),
                    content: icalWriter(language, name: name).calendar(all.map(\.event), blocks: all.map(\.block)))
    }

    private func icalWriter(_ language: String, name: String) -> ICalendarWriter {
        ICalendarWriter(productID: "-//Passerelle//\(site.config.title(in: language))//\(language.uppercased())",
                        calendarName: name, language: language, stamp: site.buildDate)
    }

    func icalEvent(_ entry: Entry, language: String) -> ICalendarWriter.Event? {
        let page = entry.pages[language]!
        let meta = entry.variants[page.textLanguage]!.metadata
        guard let details = meta.event else { return nil }
        let host = URL(string: site.config.baseURL)?.host ?? "passerelle"
        // The event's own site (`url`) ends the description: `URL` is the page's, one per event (RFC 5545 §3.8.4.6).
        let description = [meta.summary, page.plainText.isEmpty ? nil : page.plainText, meta.url]
            .compactMap { $0 }.joined(separator: "\n\n")
        return ICalendarWriter.Event(
            uid: entry.id.replacingOccurrences(of: "/", with: ".") + "-\(language)@\(host)",
            summary: meta.title, description: description, location: meta.location,
            url: SitePaths.absolute(page.outputPath, baseURL: site.config.baseURL), details: details)
    }

    /// An occurrence as listed on calendar pages.
    private func occurrenceItem(_ occurrence: EventOccurrence, language: String, from path: String) -> TemplateRecord {
        let entry = site.entries[occurrence.entryID]!
        var item = entryLink(entry, language: language, from: path)
        item["when"] = dateText[language]!.occurrence(occurrence)
        item["firstISO"] = occurrence.first.iso
        if let event = entry.variant(for: language, order: site.languageCodes).metadata.event {
            item["cancelled"] = event.status == .cancelled
            if event.status != .confirmed { item["statusLabel"] = theme.strings[language]?["status_\(event.status.rawValue)"] ?? event.status.rawValue }
            if let minute = occurrence.startMinute { item["time"] = dateText[language]!.time(minute) }
        }
        if let location = entry.variant(for: language, order: site.languageCodes).metadata.location { item["location"] = location }
        return item
    }

    func renderMonth(_ month: YearMonth, section: Section, calendar: EventCalendar, language: String,
                     previous: YearMonth?, next: YearMonth?) -> Page {
        let path = SitePaths.calendarMonth(section.config, language, month)
        let dates = dateText[language]!
        let title = dates.monthTitle(month)
        var context = chrome(language: language, path: path, title: title) { SitePaths.calendarMonth(section.config, $0, month) }
        let order = (0..<7).map { (dates.firstWeekday - 1 + $0) % 7 }
        context["weekdays"] = order.map { ["name": dates.weekdayNames[$0], "short": dates.shortWeekdayNames[$0]] }
        let occurrences = calendar.occurrences(in: month)
        context["weeks"] = EventCalendar.weeks(of: month, firstWeekday: dates.firstWeekday).map { week -> TemplateRecord in
            ["days": week.map { day -> TemplateRecord in
                guard let day else { return ["isDay": false] }
                let events = occurrences.filter { $0.covers(day) }.map { occurrence -> TemplateRecord in
                    var item = occurrenceItem(occurrence, language: language, from: path)
                    item["continues"] = occurrence.first < day
                    return item
                }
                return ["isDay": true, "day": day.day, "iso": day.iso, "label": dates.day(day), "isToday": day == calendar.today,
                        "events": events, "hasEvents": !events.isEmpty]
            }]
        }
        context["list"] = occurrences.map { occurrenceItem($0, language: language, from: path) }
        context["caption"] = title
        context["yearURL"] = SitePaths.relative(from: path, to: SitePaths.calendarYear(section.config, language, month.year))
        context["yearLabel"] = String(month.year)
        context["eventsURL"] = SitePaths.relative(from: path, to: SitePaths.section(section.config, language))
        context["eventsTitle"] = section.config.title(in: language)
        context["icsURL"] = SitePaths.relative(from: path, to: SitePaths.languageCalendar(language))
        if let previous {
            context["previous"] = ["url": SitePaths.relative(from: path, to: SitePaths.calendarMonth(section.config, language, previous)),
                                   "label": dates.monthTitle(previous)]
        }
        if let next {
            context["next"] = ["url": SitePaths.relative(from: path, to: SitePaths.calendarMonth(section.config, language, next)),
                               "label": dates.monthTitle(next)]
        }
        return page("calendar-month", context, path: path) { SitePaths.calendarMonth(section.config, $0, month) }
    }

    func renderYear(_ year: Int, section: Section, calendar: EventCalendar, language: String,
                    previous: Int?, next: Int?) -> Page {
        let path = SitePaths.calendarYear(section.config, language, year)
        let dates = dateText[language]!
        var context = chrome(language: language, path: path, title: "\(section.config.title(in: language)) \(year)") {
            SitePaths.calendarYear(section.config, $0, year)
        }
        context["year"] = String(year)
        context["months"] = calendar.months.filter { $0.year == year }.map { month -> TemplateRecord in
            ["title": dates.monthTitle(month), "iso": month.iso,
             "url": SitePaths.relative(from: path, to: SitePaths.calendarMonth(section.config, language, month)),
             "events": calendar.occurrences(in: month).map { occurrenceItem($0, language: language, from: path) }]
        }
        context["eventsURL"] = SitePaths.relative(from: path, to: SitePaths.section(section.config, language))
        context["eventsTitle"] = section.config.title(in: language)
        context["icsURL"] = SitePaths.relative(from: path, to: SitePaths.languageCalendar(language))
        if let previous {
            context["previous"] = ["url": SitePaths.relative(from: path, to: SitePaths.calendarYear(section.config, language, previous)), "label": String(previous)]
        }
        if let next {
            context["next"] = ["url": SitePaths.relative(from: path, to: SitePaths.calendarYear(section.config, language, next)), "label": String(next)]
        }
        return page("calendar-year", context, path: path) { SitePaths.calendarYear(section.config, $0, year) }
    }

    /// The listing of an event section: upcoming events first (soonest first), then past ones by year,
    /// with links to the calendar's years and to the subscription feed.
    func eventListing(_ section: Section, language: String, path: String) -> TemplateRecord {
        let calendar = EventCalendar(site: site, language: language, sectionName: section.config.name)
        let t = theme.strings[language] ?? [:]
        var groups: [TemplateRecord] = []
        let upcoming = calendar.upcoming
        let nextOccurrence = Dictionary(uniqueKeysWithValues: calendar.nextOccurrences.map { ($0.entryID, $0) })
        if !upcoming.isEmpty {
            groups.append(["category": t["upcoming"] ?? "Upcoming", "entries": upcoming.map { id -> TemplateRecord in
                var link = entryLink(site.entries[id]!, language: language, from: path)
                if let occurrence = nextOccurrence[id] { link["when"] = dateText[language]!.occurrence(occurrence) }
                return link
            }])
        }
        for (year, ids) in calendar.pastByYear {
            groups.append(["category": (t["past_year"] ?? "{year}").replacingOccurrences(of: "{year}", with: String(year)),
                           "entries": ids.map { entryLink(site.entries[$0]!, language: language, from: path) }])
        }
        return [
            "groups": groups,
            "empty": groups.isEmpty,
            "calendarYears": calendar.datedYears.map { ["year": String($0), "url": SitePaths.relative(from: path, to: SitePaths.calendarYear(section.config, language, $0))] },
            "hasCalendar": !calendar.years.isEmpty,
            "icsURL": SitePaths.relative(from: path, to: SitePaths.languageCalendar(language)),
        ]
    }
}
