import Foundation

/// Formats dates in words for one locale (`16 novembre 2005`, `16–18 November 2005`), in UTC so that
/// the machine's time zone never changes the output.
struct LocalizedDates {
    private let dateFormatter: DateFormatter
    private let intervalFormatter: DateIntervalFormatter
    private let timeFormatter: DateFormatter
    private var calendar = Calendar(identifier: .gregorian)

    init(locale identifier: String) {
        let locale = Locale(identifier: identifier)
        let utc = TimeZone(identifier: "UTC")!
        calendar.timeZone = utc
        dateFormatter = DateFormatter()
        dateFormatter.locale = locale
        dateFormatter.calendar = calendar
        dateFormatter.timeZone = utc
        dateFormatter.dateStyle = .long
        dateFormatter.timeStyle = .none
        intervalFormatter = DateIntervalFormatter()
        intervalFormatter.locale = locale
        intervalFormatter.calendar = calendar
        intervalFormatter.timeZone = utc
        intervalFormatter.dateStyle = .long
        intervalFormatter.timeStyle = .none
        timeFormatter = DateFormatter()
        timeFormatter.locale = locale
        timeFormatter.calendar = calendar
        timeFormatter.timeZone = utc
        timeFormatter.dateStyle = .none
        timeFormatter.timeStyle = .short
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
            let time = calendar.date(from: DateComponents(year: 2000, month: 1, day: 1, hour: minutes / 60, minute: minutes % 60))!
            text += ", " + timeFormatter.string(from: time)
            if let endMinutes = end?.minuteOfDay, end?.date == start.date {
                let endTime = calendar.date(from: DateComponents(year: 2000, month: 1, day: 1, hour: endMinutes / 60, minute: endMinutes % 60))!
                text += "–" + timeFormatter.string(from: endTime)
            }
        }
        return text
    }
}
