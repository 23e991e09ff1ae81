import Foundation

/// Formats dates in words for one locale (`16 novembre 2005`, `16–18 November 2005`), in UTC so that
/// the machine's time zone never changes the output.
struct LocalizedDates {
    private let dateFormatter: DateFormatter
    private let intervalFormatter: DateIntervalFormatter
    private let timeFormatter: DateFormatter
    private let calendar: Calendar

    init(locale identifier: String) {
        let locale = Locale(identifier: identifier)
        let utc = TimeZone(identifier: "UTC")!
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utc
        self.calendar = calendar
        func formatter(date: DateFormatter.Style, time: DateFormatter.Style) -> DateFormatter {
            let formatter = DateFormatter()
            formatter.locale = locale
            formatter.calendar = calendar
            formatter.timeZone = utc
            formatter.dateStyle = date
            formatter.timeStyle = time
            return formatter
        }
        dateFormatter = formatter(date: .long, time: .none)
        timeFormatter = formatter(date: .none, time: .short)
        intervalFormatter = DateIntervalFormatter()
        intervalFormatter.locale = locale
        intervalFormatter.calendar = calendar
        intervalFormatter.timeZone = utc
        intervalFormatter.dateStyle = .long
        intervalFormatter.timeStyle = .none
    }

    func date(_ value: CalendarDate) -> Date {
        calendar.date(from: DateComponents(year: value.year, month: value.month, day: value.day, hour: 12))!
    }

    func format(_ value: CalendarDate) -> String { dateFormatter.string(from: date(value)) }

    /// A day or a range of days, and the time of day when there is one.
    func format(start: DateTimeValue, end: DateTimeValue?) -> String {
        var text: String
        if let end, end.date != start.date {
            text = intervalFormatter.string(from: date(start.date), to: date(end.date))
        } else {
            text = format(start.date)
        }
        if let minutes = start.minuteOfDay {
            text += ", " + time(minutes)
            if let endMinutes = end?.minuteOfDay, end?.date == start.date {
                text += "–" + time(endMinutes)
            }
        }
        return text
    }

    /// A time of day, in the locale's short form (`09:30`, `9:30 am`).
    func time(_ minuteOfDay: Int) -> String {
        let moment = calendar.date(from: DateComponents(year: 2000, month: 1, day: 1, hour: minuteOfDay / 60, minute: minuteOfDay % 60))!
        return timeFormatter.string(from: moment)
    }
}
