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

    /// Parses exactly `YYYY-MM-DD`: ten ASCII bytes, read as bytes.
    public init?(iso text: Substring) {
        var text = text
        guard let date = text.withUTF8({ CalendarDate.parse(iso: $0) }) else { return nil }
        self = date
    }

    /// `YYYY-MM-DD` as the whole of `bytes`.
    static func parse(iso bytes: UnsafeBufferPointer<UInt8>) -> CalendarDate? {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = number(bytes, 0..<4), let month = number(bytes, 5..<7), let day = number(bytes, 8..<10) else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// The ASCII digits at `range` of `bytes` as a number; nil if one is not a digit.
    static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var value = 0
        for index in range {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
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
        // Written as bytes (a year is 1 to 9999: four digits).
        String(unsafeUninitializedCapacity: 10) { buffer in
            CalendarDate.write(year, digits: 4, into: buffer, at: 0)
            buffer[4] = UInt8(ascii: "-")
            CalendarDate.write(month, digits: 2, into: buffer, at: 5)
            buffer[7] = UInt8(ascii: "-")
            CalendarDate.write(day, digits: 2, into: buffer, at: 8)
            return 10
        }
    }

    /// Writes `value` (0 up to `digits` nines) with leading zeros at `start` of `buffer`.
    static func write(_ value: Int, digits: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int) {
        var rest = value
        for index in stride(from: start + digits - 1, through: start, by: -1) {
            buffer[index] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
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
        // ASCII text (what front matter holds) on the bytes; any other through the characters.
        var text = text
        if let parsed = text.withUTF8({ DateTimeValue.parse(asciiISO: $0) }) {
            guard let value = parsed else { return nil }
            self = value
            return
        }
        self.init(isoCharacters: text)
    }

    /// `init(iso:)` of ASCII `bytes`: nil when they are not ASCII (the caller reads the characters),
    /// else what parsing the characters gives: space and tab trimmed, then exactly `YYYY-MM-DD`,
    /// with `T` or a space and `HH:MM` or `HH:MM:SS` after it, and a `Z` after that or not.
    static func parse(asciiISO bytes: UnsafeBufferPointer<UInt8>) -> DateTimeValue?? {
        guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
        let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        var start = 0, end = bytes.count
        while start < end, isBlank(bytes[start]) { start += 1 }
        while end > start, isBlank(bytes[end - 1]) { end -= 1 }
        guard end - start >= 10, let date = CalendarDate.parse(iso: UnsafeBufferPointer(rebasing: bytes[start..<(start + 10)])) else {
            return .some(nil)
        }
        if end - start == 10 { return DateTimeValue(date: date, minuteOfDay: nil) }
        guard bytes[start + 10] == UInt8(ascii: "T") || bytes[start + 10] == UInt8(ascii: " ") else { return .some(nil) }
        var time = UnsafeBufferPointer(rebasing: bytes[(start + 11)..<end])
        if time.last == UInt8(ascii: "Z") { time = UnsafeBufferPointer(rebasing: time.dropLast()) }
        guard time.count == 5 || time.count == 8, time[2] == UInt8(ascii: ":"), time.count == 5 || time[5] == UInt8(ascii: ":"),
              let hours = CalendarDate.number(time, 0..<2), let minutes = CalendarDate.number(time, 3..<5), hours < 24, minutes < 60,
              time.count == 5 || (CalendarDate.number(time, 6..<8).map { $0 < 60 } ?? false) else { return .some(nil) }
        return DateTimeValue(date: date, minuteOfDay: hours * 60 + minutes)
    }

    /// `init(iso:)` through the characters: the rule the byte parsing above keeps to.
    init?(isoCharacters text: String) {
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
