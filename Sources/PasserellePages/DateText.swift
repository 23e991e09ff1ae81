import PasserelleModel
import PasserelleTemplates
import Foundation

/// Dates in words for one language: month and weekday names from the ICU locale, phrase patterns
/// ("du {d1} au {d2} {month} {year}") from the theme's UI strings. Never depends on the machine's time zone.
public struct DateText: Sendable {
    public let monthNames: [String]
    public let standaloneMonthNames: [String]
    public let weekdayNames: [String]
    public let shortWeekdayNames: [String]
    private let timeFormatter: DateFormatter
    private let calendar: Calendar
    private let strings: [String: String]
    public let firstWeekday: Int

    public init(locale identifier: String, strings: [String: String]) {
        let locale = Locale(identifier: identifier)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        calendar.locale = locale
        self.calendar = calendar
        let formatter = DateFormatter()
        formatter.locale = locale
        formatter.calendar = calendar
        formatter.timeZone = calendar.timeZone
        monthNames = formatter.monthSymbols
        standaloneMonthNames = formatter.standaloneMonthSymbols
        weekdayNames = formatter.standaloneWeekdaySymbols
        shortWeekdayNames = formatter.shortStandaloneWeekdaySymbols
        formatter.dateStyle = .none
        formatter.timeStyle = .short
        timeFormatter = formatter
        firstWeekday = calendar.firstWeekday
        self.strings = strings
    }

    private func fill(_ key: String, default pattern: String, _ values: KeyValuePairs<String, String>) -> String {
        // One pass over the pattern's bytes: `{name}` with a value is replaced, anything else is kept.
        // (Every day of every calendar page is written this way.)
        var text = strings[key] ?? pattern
        return text.withUTF8 { bytes in
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + 24)
            var index = 0
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "{"), let close = bytes[(index + 1)...].firstIndex(of: UInt8(ascii: "}")),
                   let value = DateText.value(named: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<close]), in: values) {
                    result += value.utf8
                    index = close + 1
                } else {
                    result.append(bytes[index])
                    index += 1
                }
            }
            return String(decoding: result, as: UTF8.self)
        }
    }

    private static func value(named name: UnsafeBufferPointer<UInt8>, in values: KeyValuePairs<String, String>) -> String? {
        for (key, value) in values {
            var key = key
            if key.withUTF8({ $0.elementsEqual(name) }) { return value }
        }
        return nil
    }

    private func dayNumber(_ day: Int) -> String { day == 1 ? (strings["day_first"] ?? "1") : String(day) }

    /// `16 novembre 2005`, `1er décembre 2003`, `16 November 2005`.
    public func day(_ date: CalendarDate) -> String {
        fill("date_single", default: "{d} {month} {year}",
             ["d": dayNumber(date.day), "month": monthNames[date.month - 1], "year": String(date.year)])
    }

    /// A span of days: `du 16 au 18 novembre 2005`, `16–18 November 2005`.
    public func range(_ first: CalendarDate, _ last: CalendarDate) -> String {
        if first == last { return day(first) }
        if first.year == last.year && first.month == last.month {
            return fill("date_range_same_month", default: "{d1}–{d2} {month} {year}",
                        ["d1": dayNumber(first.day), "d2": dayNumber(last.day), "month": monthNames[first.month - 1], "year": String(first.year)])
        }
        if first.year == last.year {
            return fill("date_range_same_year", default: "{d1} {month1} – {d2} {month2} {year}",
                        ["d1": dayNumber(first.day), "month1": monthNames[first.month - 1], "d2": dayNumber(last.day),
                         "month2": monthNames[last.month - 1], "year": String(first.year)])
        }
        return fill("date_range", default: "{date1} – {date2}", ["date1": day(first), "date2": day(last)])
    }

    /// A time of day in the locale's short form (`09:30`).
    public func time(_ minuteOfDay: Int) -> String {
        let moment = calendar.date(from: DateComponents(year: 2000, month: 1, day: 1, hour: minuteOfDay / 60, minute: minuteOfDay % 60))!
        return timeFormatter.string(from: moment)
    }

    /// When an event happens, in words: days, then times, then its yearly recurrence.
    public func event(_ event: EventDetails) -> String {
        var text = range(event.start.date, event.lastDay)
        if let start = event.start.minuteOfDay {
            if let end = event.end?.minuteOfDay, event.end?.date == event.start.date {
                text += ", " + fill("time_range", default: "{t1}–{t2}", ["t1": time(start), "t2": time(end)])
            } else {
                text += ", " + time(start)
                if let end = event.end, let endMinute = end.minuteOfDay { text += " – " + day(end.date) + ", " + time(endMinute) }
            }
        }
        if event.recurrence == .yearly {
            text = fill("yearly_on", default: "every year on {d} {month} (since {since})",
                        ["d": dayNumber(event.start.date.day), "month": monthNames[event.start.date.month - 1],
                         "since": String(event.start.date.year)])
        }
        return text
    }

    /// One occurrence on a calendar: its days and, for timed events, its start time.
    public func occurrence(_ occurrence: EventOccurrence) -> String {
        var text = range(occurrence.first, occurrence.last)
        if let start = occurrence.startMinute { text += ", " + time(start) }
        return text
    }

    /// `Novembre 2005`, `November 2005`.
    public func monthTitle(_ month: YearMonth) -> String {
        let name = standaloneMonthNames[month.month - 1]
        return name.prefix(1).uppercased() + name.dropFirst() + " " + String(month.year)
    }
}
