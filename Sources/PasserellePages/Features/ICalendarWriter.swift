import PasserelleModel
import PasserelleTemplates
import Foundation

/// Writes events as iCalendar (RFC 5545): CRLF lines folded at 75 octets, escaped text,
/// all-day events with exclusive `DTEND;VALUE=DATE`, timed events with `TZID` and a `VTIMEZONE`.
public struct ICalendarWriter: Sendable {
    /// One event as the writer needs it.
    public struct Event: Sendable {
        public var uid: String
        public var summary: String
        /// The event's text (its summary, body and site), as bytes: the body's plain text is
        /// kept as bytes, and is escaped and folded from them without becoming a string.
        public var description: UTF8Text
        public var location: String?
        public var url: String
        public var details: EventDetails
        public init(uid: String, summary: String, description: UTF8Text, location: String?, url: String, details: EventDetails) {
            self.uid = uid
            self.summary = summary
            self.description = description
            self.location = location
            self.url = url
            self.details = details
        }
    }

    public let productID: String
    public let calendarName: String
    public let language: LanguageCode
    /// `DTSTAMP`: the build's clock.
    public let stamp: Date

    public init(productID: String, calendarName: String, language: LanguageCode, stamp: Date) {
        self.productID = productID
        self.calendarName = calendarName
        self.language = language
        self.stamp = stamp
    }

    public func calendar(_ events: [Event]) -> String { String(decoding: calendar(events, blocks: events.map(eventBlock)), as: UTF8.self) }

    /// The calendar of `events` whose `VEVENT`s are already written (`eventBlock`), in the same
    /// order: a build writes each event twice (its own file and its language's), and writes it once.
    func calendar(_ events: [Event], blocks: [[UInt8]]) -> [UInt8] { calendar(details: events.map(\.details), blocks: blocks) }

    /// `calendar(_:blocks:)` from the events' details alone: what it reads of them (an event,
    /// its description a whole body, need not be copied to be read).
    func calendar(details: [EventDetails], blocks: [[UInt8]]) -> [UInt8] {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + escape(productID), "CALSCALE:GREGORIAN",
                     "METHOD:PUBLISH", "X-WR-CALNAME:" + escape(calendarName)]
        let zones = Set(details.filter { !$0.start.isAllDay }.compactMap(\.timezone)).sorted()
        for zone in zones {
            let inZone = details.filter { $0.timezone == zone }
            var years = inZone.flatMap { [$0.start.date.year, $0.lastDay.year] }
            // A yearly event recurs for ever: its zone's definition must hold for every instance (RFC 5545 §3.6.5).
            let recurs = inZone.contains { $0.recurrence == .yearly }
            if recurs { years.append(CalendarDate(stamp).year) }
            lines += ICalendarWriter.timezone(zone, years: (years.min() ?? 1970)...(years.max() ?? 1970), recurring: recurs)
        }
        var output: [UInt8] = []
        output.reserveCapacity(blocks.reduce(1024) { $0 + $1.count })
        for line in lines { ICalendarWriter.appendFolded(line, to: &output) }
        for block in blocks { output += block }
        ICalendarWriter.appendFolded("END:VCALENDAR", to: &output)
        return output
    }

    /// The `VEVENT` blocks of a calendar `calendar(_:blocks:)` wrote, in order, each from its
    /// `BEGIN:VEVENT` line to its `END:VEVENT` line and CRLF; nil when it is not such a calendar.
    /// (A line that begins so is a component's: text values are escaped, folded lines begin with a space.)
    static func eventBlocks(in calendar: [UInt8]) -> [[UInt8]]? {
        let begin = Array("BEGIN:VEVENT\r\n".utf8), end = Array("END:VEVENT\r\n".utf8)
        var blocks: [[UInt8]] = []
        var start: Int?
        var line = 0
        return calendar.withUnsafeBufferPointer { bytes -> [[UInt8]]? in
            func lineIs(_ text: [UInt8]) -> Bool {
                line + text.count <= bytes.count && text.indices.allSatisfy { bytes[line + $0] == text[$0] }
            }
            while line < bytes.count {
                if lineIs(begin) {
                    guard start == nil else { return nil }
                    start = line
                } else if lineIs(end) {
                    guard let first = start else { return nil }
                    blocks.append(Array(bytes[first..<(line + end.count)]))
                    start = nil
                }
                // The next line.
                guard let feed = bytes[line...].firstIndex(of: 0x0A) else { break }
                line = feed + 1
            }
            return start == nil ? blocks : nil
        }
    }

    /// The folded, CRLF-ended lines of one `VEVENT`, written as bytes: a description holds the
    /// whole text of its event, and is escaped and folded in place, not made into strings.
    func eventBlock(_ event: Event) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(event.description.bytes.count + 512)
        var scratch: [UInt8] = []
        for line in vevent(event) { line.appendFolded(to: &output, scratch: &scratch) }
        return output
    }

    /// One content line before it is folded: `name` with its parameters, then its value,
    /// escaped when it is TEXT (RFC 5545 §3.1, §3.3.11).
    struct ContentLine: Equatable {
        let name: String
        let value: Value
        let isText: Bool

        /// A short value as a string; a description as the bytes it was made of.
        enum Value: Equatable {
            case string(String)
            case bytes(UTF8Text)
        }

        init(_ name: String, _ value: String, text: Bool = false) {
            self.name = name
            self.value = .string(value)
            isText = text
        }

        init(_ name: String, bytes value: UTF8Text, text: Bool = false) {
            self.name = name
            self.value = .bytes(value)
            isText = text
        }

        /// The line as written, unfolded.
        var text: String {
            let value = switch value { case let .string(text): text; case let .bytes(bytes): bytes.string }
            return name + ":" + (isText ? ICalendarWriter.escaped(value) : value)
        }

        /// Appends the line folded, and a CRLF; `scratch` holds it unfolded meanwhile.
        func appendFolded(to output: inout [UInt8], scratch: inout [UInt8]) {
            scratch.removeAll(keepingCapacity: true)
            scratch.append(contentsOf: name.utf8)
            scratch.append(UInt8(ascii: ":"))
            let append = { [isText] (bytes: UnsafeBufferPointer<UInt8>, scratch: inout [UInt8]) in
                if isText { ICalendarWriter.appendEscaped(bytes, to: &scratch) } else { scratch.append(contentsOf: bytes) }
            }
            switch value {
            case var .string(text): text.withUTF8 { append($0, &scratch) }
            case let .bytes(text): text.bytes.withUnsafeBufferPointer { append($0, &scratch) }
            }
            scratch.withUnsafeBufferPointer { ICalendarWriter.appendFolded($0, to: &output) }
        }
    }

    func vevent(_ event: Event) -> [ContentLine] {
        let details = event.details
        var lines = [ContentLine("BEGIN", "VEVENT"), ContentLine("UID", event.uid, text: true),
                     ContentLine("DTSTAMP", ICalendarWriter.utcStamp(stamp))]
        if details.start.isAllDay {
            lines.append(ContentLine("DTSTART;VALUE=DATE", ICalendarWriter.basic(details.start.date)))
            lines.append(ContentLine("DTEND;VALUE=DATE", ICalendarWriter.basic(details.lastDay.adding(days: 1))))
        } else {
            let zone = details.timezone.map { ";TZID=" + $0 } ?? ""
            let end = details.end ?? details.start
            lines.append(ContentLine("DTSTART" + zone, ICalendarWriter.basic(details.start)))
            if details.end != nil { lines.append(ContentLine("DTEND" + zone, ICalendarWriter.basic(end))) }
        }
        if details.recurrence == .yearly { lines.append(ContentLine("RRULE", "FREQ=YEARLY")) }
        lines.append(ContentLine("STATUS", details.status.rawValue.uppercased()))
        lines.append(ContentLine("SUMMARY;LANGUAGE=\(language)", event.summary, text: true))
        if !event.description.isEmpty { lines.append(ContentLine("DESCRIPTION;LANGUAGE=\(language)", bytes: event.description, text: true)) }
        if let location = event.location { lines.append(ContentLine("LOCATION;LANGUAGE=\(language)", location, text: true)) }
        lines.append(ContentLine("URL;VALUE=URI", event.url))
        lines.append(ContentLine("END", "VEVENT"))
        return lines
    }

    /// TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, newline.
    public func escape(_ text: String) -> String { ICalendarWriter.escaped(text) }

    static func escaped(_ text: String) -> String {
        // Most text needs no escaping and is returned as it is.
        text.escapingBytes(kept: isKept, escapeByte)
    }

    /// `escape` of UTF-8 `bytes`, appended to `output`.
    static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        // The kept bytes told through a table: a description is its event's whole text.
        keptBytes.withUnsafeBufferPointer { kept in
            ByteEscaping.append(bytes, kept: { kept[Int($0)] }, escapeByte, to: &output)
        }
    }

    /// `isKept` of every byte value.
    private static let keptBytes: [Bool] = (0...255).map { isKept(UInt8($0)) }

    /// A byte written as it is.
    @inline(__always)
    private static func isKept(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte != 0x5C && byte != 0x3B && byte != 0x2C && byte != 0x7F && byte != 0xC2
    }

    /// Writes the escaped form of the byte at `index` (not kept), and moves past it.
    private static func escapeByte(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int, _ result: inout [UInt8]) {
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\\"), UInt8(ascii: ";"), UInt8(ascii: ","): result.append(UInt8(ascii: "\\")); result.append(byte)
        case UInt8(ascii: "\n"): result.append(UInt8(ascii: "\\")); result.append(UInt8(ascii: "n"))
        case UInt8(ascii: "\t"): result.append(byte)
        case 0..<0x20, 0x7F: break // other control characters, CR included
        case 0xC2 where index < bytes.count && (0x80...0x9F).contains(bytes[index]): index += 1 // C1 controls
        default: result.append(byte)
        }
    }

    /// Folds a content line into pieces of at most 75 octets, never inside a UTF-8 sequence (RFC 5545 §3.1).
    public static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var output: [UInt8] = []
        appendFolded(line, to: &output)
        return String(decoding: output.dropLast(2), as: UTF8.self)
    }

    /// Appends `line` folded, and a CRLF.
    static func appendFolded(_ line: String, to output: inout [UInt8]) {
        var line = line
        line.withUTF8 { appendFolded($0, to: &output) }
    }

    /// Appends the UTF-8 line `bytes` folded, and a CRLF.
    static func appendFolded(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var start = 0
        var limit = 75
        while start < bytes.count {
            var end = min(start + limit, bytes.count)
            // Step back over continuation bytes (10xxxxxx) so that a character is never split.
            while end < bytes.count && end > start && bytes[end] & 0xC0 == 0x80 { end -= 1 }
            if start > 0 { // continuation lines start with a space
                output.append(0x0D)
                output.append(0x0A)
                output.append(0x20)
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
            start = end
            limit = 74
        }
        output.append(0x0D)
        output.append(0x0A)
    }

    static func basic(_ date: CalendarDate) -> String { String(format4: date.year) + String(format2: date.month) + String(format2: date.day) }

    static func basic(_ value: DateTimeValue) -> String {
        let minutes = value.minuteOfDay ?? 0
        return basic(value.date) + "T" + String(format2: minutes / 60) + String(format2: minutes % 60) + "00"
    }

    static func utcStamp(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let day = CalendarDate(daysSinceEpoch: Int((Double(seconds) / 86_400).rounded(.down)))
        let rest = seconds - day.daysSinceEpoch * 86_400
        return basic(day) + "T" + String(format2: rest / 3600) + String(format2: rest / 60 % 60) + String(format2: rest % 60) + "Z"
    }

    /// A `VTIMEZONE` for `identifier`, from the system's time zone data: one observance per offset
    /// change in the years of the events (and the year before), or a single one when the offset
    /// never changes; names as tzdata gives them. When `recurring`, the observances of the last
    /// year carry the yearly rule that tzdata keeps to after it (`RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU`),
    /// so that the definition covers every later instance of a yearly event.
    static func timezone(_ identifier: String, years: ClosedRange<Int>, recurring: Bool = false) -> [String] {
        guard let zone = TimeZone(identifier: identifier) else { return [] }
        let names = ZoneInfo(identifier)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        func startOfYear(_ year: Int) -> Date { calendar.date(from: DateComponents(year: year, month: 1, day: 1))! }
        func transitions(from: Date, to: Date) -> [Date] {
            var found: [Date] = [], cursor = from
            while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next < to, found.count < 400 {
                found.append(next)
                cursor = next
            }
            return found
        }
        var lines = ["BEGIN:VTIMEZONE", "TZID:" + identifier]
        let all = transitions(from: startOfYear(years.lowerBound - 1), to: startOfYear(years.upperBound + 1))
        func offset(_ seconds: Int) -> String {
            let sign = seconds < 0 ? "-" : "+"
            let value = abs(seconds)
            return sign + String(format2: value / 3600) + String(format2: value / 60 % 60)
        }
        func local(_ date: Date, offsetSeconds: Int) -> String {
            utcStamp(date.addingTimeInterval(TimeInterval(offsetSeconds))).dropLast().description
        }
        func name(_ date: Date) -> String { names?.abbreviation(at: date) ?? zone.abbreviation(for: date) ?? identifier }
        /// The yearly rule of a transition, read in local time before it: month, weekday, which one.
        func rule(_ transition: Date) -> (month: Int, weekday: Int, ordinal: Int, time: String) {
            let before = zone.secondsFromGMT(for: transition.addingTimeInterval(-1))
            let shifted = transition.addingTimeInterval(TimeInterval(before))
            let parts = calendar.dateComponents([.month, .day, .weekday], from: shifted)
            let days = calendar.range(of: .day, in: .month, for: shifted)!.count
            let ordinal = parts.day! + 7 > days ? -1 : (parts.day! - 1) / 7 + 1
            return (parts.month!, parts.weekday!, ordinal, String(local(transition, offsetSeconds: before).suffix(6)))
        }
        // The rules of the last year's transitions, if the next two years keep them.
        var rules: [Date: String] = [:]
        if recurring {
            let last = all.filter { calendar.component(.year, from: $0) == years.upperBound }
            let later = transitions(from: startOfYear(years.upperBound + 1), to: startOfYear(years.upperBound + 3))
            let keep = !last.isEmpty && later.count == 2 * last.count
                && later.map { rule($0) == rule(last[later.firstIndex(of: $0)! % last.count]) }.allSatisfy { $0 }
            if keep {
                let days = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"]
                for transition in last {
                    let r = rule(transition)
                    rules[transition] = "RRULE:FREQ=YEARLY;BYMONTH=\(r.month);BYDAY=\(r.ordinal)\(days[r.weekday - 1])"
                }
            }
        }
        if all.isEmpty {
            let from = startOfYear(years.lowerBound - 1)
            let current = zone.secondsFromGMT(for: from)
            lines += ["BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:" + offset(current),
                      "TZOFFSETTO:" + offset(current), "TZNAME:" + name(from), "END:STANDARD"]
        } else {
            for transition in all {
                let before = zone.secondsFromGMT(for: transition.addingTimeInterval(-1))
                let after = zone.secondsFromGMT(for: transition)
                let kind = zone.isDaylightSavingTime(for: transition) ? "DAYLIGHT" : "STANDARD"
                lines += ["BEGIN:\(kind)", "DTSTART:" + local(transition, offsetSeconds: before)]
                if let rule = rules[transition] { lines.append(rule) }
                lines += ["TZOFFSETFROM:" + offset(before), "TZOFFSETTO:" + offset(after), "TZNAME:" + name(transition), "END:\(kind)"]
            }
        }
        lines.append("END:VTIMEZONE")
        return lines
    }
}

extension ICalendarWriter {
    /// `2005-11-14T20:26:40Z`.
    static func rfc3339(_ date: Date) -> String {
        let stamp = utcStamp(date)
        let d = stamp.prefix(8), t = stamp.dropFirst(9).prefix(6)
        return "\(d.prefix(4))-\(d.dropFirst(4).prefix(2))-\(d.suffix(2))T\(t.prefix(2)):\(t.dropFirst(2).prefix(2)):\(t.suffix(2))Z"
    }
}
