import PasserelleModel
import PasserelleTemplates
/// One happening of an event: the days it covers (a yearly event has one per year).
public struct EventOccurrence: Hashable, Sendable {
    public let entryID: EntryID
    public let first: CalendarDate
    public let last: CalendarDate
    /// The event's start and end times of day, if it is timed.
    public let startMinute: Int?
    public let endMinute: Int?

    public func covers(_ day: CalendarDate) -> Bool { first <= day && day <= last }
}

/// The events of one language laid out in time: occurrences, the months and years that have any,
/// and which events are upcoming on the build's day.
public struct EventCalendar: Sendable {
    /// Every occurrence, by first day, then time, then entry id.
    public let occurrences: [EventOccurrence]
    /// Recurring events are expanded up to the end of this year.
    public let horizonYear: Int
    public let today: CalendarDate
    /// For each event, its first occurrence that has not ended by today (recurrences looked up past the horizon).
    public let nextOccurrences: [EventOccurrence]

    /// Builds the calendar of the events shown to readers of `language`, from all event sections
    /// or only `sectionName`'s.
    public init(site: Site, language: LanguageCode, sectionName: String? = nil) {
        today = CalendarDate(site.buildDate)
        let events: [(EntryID, EventDetails)] = site.entries.values
            .filter { $0.section.kind == .event && (sectionName == nil || $0.section.name == sectionName) }
            .compactMap { entry in
                entry.variant(for: language, order: site.languageCodes).metadata.event.map { (entry.id, $0) }
            }
        let lastFixedYear = events.filter { $0.1.recurrence == nil }.map(\.1.lastDay.year).max() ?? today.year
        horizonYear = max(lastFixedYear, today.year)
        var all: [EventOccurrence] = []
        var next: [EventOccurrence] = []
        let today = self.today
        for (id, event) in events {
            all += EventCalendar.occurrences(of: event, id: id, through: horizonYear)
            // Eight years always hold a 29 February.
            let reach = event.recurrence == .yearly ? max(horizonYear, today.year) + 8 : horizonYear
            if let upcoming = EventCalendar.occurrences(of: event, id: id, through: reach).first(where: { $0.last >= today }) {
                next.append(upcoming)
            }
        }
        occurrences = all.sorted(by: EventCalendar.chronological)
        nextOccurrences = next.sorted(by: EventCalendar.chronological)
        var dated = Set<Int>()
        for (_, event) in events where event.recurrence == nil { dated.formUnion(event.start.date.year...event.lastDay.year) }
        datedYears = dated.sorted()
    }

    /// The years in which a dated (not recurring) event falls: those the events listing links to.
    /// (Every year of `years` has its page; a year that holds only yearly events is not listed.)
    public let datedYears: [Int]

    /// By first day, then start time (untimed first), then entry id: the order of a tuple of the
    /// three, compared field by field so that the id, a string, is neither copied into a tuple
    /// nor compared unless the rest ties (a sort of tens of thousands of occurrences).
    static func chronological(_ a: EventOccurrence, _ b: EventOccurrence) -> Bool {
        if a.first != b.first { return a.first < b.first }
        let aMinute = a.startMinute ?? -1, bMinute = b.startMinute ?? -1
        if aMinute != bMinute { return aMinute < bMinute }
        return a.entryID < b.entryID
    }

    /// The occurrences of one event up to the end of `horizonYear`.
    static func occurrences(of event: EventDetails, id: EntryID, through horizonYear: Int) -> [EventOccurrence] {
        let first = event.start.date, last = event.lastDay
        let make = { (a: CalendarDate, b: CalendarDate) in
            EventOccurrence(entryID: id, first: a, last: b, startMinute: event.start.minuteOfDay, endMinute: event.end?.minuteOfDay)
        }
        guard event.recurrence == .yearly else { return [make(first, last)] }
        let length = last.daysSinceEpoch - first.daysSinceEpoch
        guard first.year <= horizonYear else { return [make(first, last)] }
        return (first.year...horizonYear).compactMap { year in
            first.inYear(year).map { make($0, $0.adding(days: length)) }
        }
    }

    /// Months that have at least one event day, in order.
    public var months: [YearMonth] {
        var set = Set<YearMonth>()
        for occurrence in occurrences {
            var month = YearMonth(occurrence.first)
            while month <= YearMonth(occurrence.last) {
                set.insert(month)
                month = month.next
            }
        }
        return set.sorted()
    }

    public var years: [Int] { Array(Set(months.map(\.year))).sorted() }

    public func occurrences(in month: YearMonth) -> [EventOccurrence] {
        occurrences.filter { $0.first <= month.lastDay && $0.last >= month.firstDay }
    }

    public func occurrences(on day: CalendarDate) -> [EventOccurrence] {
        occurrences.filter { $0.covers(day) }
    }

    /// Entry ids of events with an occurrence that has not ended by today, soonest first.
    public var upcoming: [EntryID] { nextOccurrences.map(\.entryID) }

    /// Entry ids of events that are over, grouped by the year of their (last) occurrence, latest year first.
    public var pastByYear: [(year: Int, ids: [EntryID])] {
        let upcomingIDs = Set(upcoming)
        var latest: [EntryID: EventOccurrence] = [:]
        for occurrence in occurrences where !upcomingIDs.contains(occurrence.entryID) {
            latest[occurrence.entryID] = occurrence
        }
        return Dictionary(grouping: latest.values, by: { $0.first.year }).sorted { $0.key > $1.key }.map { year, occurrences in
            (year, occurrences.sorted { ($0.first, $0.entryID) < ($1.first, $1.entryID) }.map(\.entryID))
        }
    }

    /// The weeks of a month grid, each of seven days (nil outside the month), weeks starting on `firstWeekday`
    /// (1 = Sunday, 2 = Monday).
    public static func weeks(of month: YearMonth, firstWeekday: Int) -> [[CalendarDate?]] {
        let first = month.firstDay
        let lead = (first.weekday - firstWeekday + 7) % 7
        var cells: [CalendarDate?] = Array(repeating: nil, count: lead)
        for day in 1...CalendarDate.daysIn(month: month.month, year: month.year) {
            cells.append(CalendarDate(year: month.year, month: month.month, day: day))
        }
        while cells.count % 7 != 0 { cells.append(nil) }
        return stride(from: 0, to: cells.count, by: 7).map { Array(cells[$0..<$0 + 7]) }
    }
}
