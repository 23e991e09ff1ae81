import Foundation

/// A day of the proleptic Gregorian calendar, without time zone: `2005-11-16`.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CalendarDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(iso text: Substring) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public var iso: String {
        String(format4: year) + "-" + String(format2: month) + "-" + String(format2: day)
    }

    public var description: String { iso }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}

/// A date, optionally with a local time of day: `2005-11-16` or `2005-11-16T09:00`.
public struct DateTimeValue: Hashable, Comparable, Sendable {
    public let date: CalendarDate
    /// Minutes after midnight, or nil for a whole day.
    public let minuteOfDay: Int?

    public init(date: CalendarDate, minuteOfDay: Int?) {
        self.date = date
        self.minuteOfDay = minuteOfDay
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM` or `YYYY-MM-DD HH:MM[:SS]`; seconds and a trailing `Z` are accepted.
    public init?(iso text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.count >= 10 else { return nil }
        let datePart = trimmed.prefix(10)
        guard let date = CalendarDate(iso: datePart) else { return nil }
        var rest = trimmed.dropFirst(10)
        if rest.isEmpty { self.date = date; minuteOfDay = nil; return }
        guard rest.first == "T" || rest.first == " " else { return nil }
        rest = rest.dropFirst()
        if rest.hasSuffix("Z") { rest = rest.dropLast() }
        let pieces = rest.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(pieces.count), pieces.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isNumber) }),
              let h = Int(pieces[0]), let m = Int(pieces[1]), h < 24, m < 60,
              pieces.count == 2 || Int(pieces[2])! < 60 else { return nil }
        self.date = date
        minuteOfDay = h * 60 + m
    }

    public var isAllDay: Bool { minuteOfDay == nil }

    /// `2005-11-16` or `2005-11-16T09:00`.
    public var iso: String {
        guard let minutes = minuteOfDay else { return date.iso }
        return date.iso + "T" + String(format2: minutes / 60) + ":" + String(format2: minutes % 60)
    }

    public static func < (a: DateTimeValue, b: DateTimeValue) -> Bool {
        (a.date, a.minuteOfDay ?? -1) < (b.date, b.minuteOfDay ?? -1)
    }
}

package extension String {
    init(format2 value: Int) { self = value < 10 ? "0\(value)" : "\(value)" }
    init(format4 value: Int) {
        let digits = String(value)
        self = String(repeating: "0", count: Swift.max(0, 4 - digits.count)) + digits
    }
}

package extension CalendarDate {
    /// Days since 1970-01-01 (negative before), by Howard Hinnant's civil-from-days algorithm.
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public init(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)!
    }

    public func adding(days: Int) -> CalendarDate { CalendarDate(daysSinceEpoch: daysSinceEpoch + days) }

    /// 1 = Sunday … 7 = Saturday, as Foundation's `Calendar.firstWeekday` counts.
    public var weekday: Int { ((daysSinceEpoch % 7 + 7) % 7 + 4) % 7 + 1 }

    /// The first day of this date's month.
    public var firstOfMonth: CalendarDate { CalendarDate(year: year, month: month, day: 1)! }

    /// The UTC day of a moment.
    public init(_ date: Date) {
        self.init(daysSinceEpoch: Int((date.timeIntervalSince1970 / 86_400).rounded(.down)))
    }

    /// This month and day in another year, or nil when it does not exist there (29 February).
    public func inYear(_ other: Int) -> CalendarDate? { CalendarDate(year: other, month: month, day: day) }
}

/// A month of a year: `2005-11`.
public struct YearMonth: Hashable, Comparable, Sendable {
    public let year: Int
    public let month: Int

    public init(year: Int, month: Int) { self.year = year; self.month = month }
    public init(_ date: CalendarDate) { self.init(year: date.year, month: date.month) }

    public var next: YearMonth { month == 12 ? YearMonth(year: year + 1, month: 1) : YearMonth(year: year, month: month + 1) }
    public var firstDay: CalendarDate { CalendarDate(year: year, month: month, day: 1)! }
    public var lastDay: CalendarDate { CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year))! }
    public var iso: String { String(format4: year) + "-" + String(format2: month) }

    public static func < (a: YearMonth, b: YearMonth) -> Bool { (a.year, a.month) < (b.year, b.month) }
}
