import PasserelleModel
import PasserelleTemplates
import Foundation

/// What the system's time zone data (tzdata's TZif files) says of one zone: its offsets, daylight
/// flags and abbreviations (`CEST`, `+01`) at any instant. Foundation names many zones' parts
/// `GMT+1`, where tzdata says `CET` or `CEST`: calendars show the name, so it comes from tzdata.
public struct ZoneInfo: Sendable {
    public let identifier: String
    /// Transition instants (UTC seconds), ascending, each with the index of the type it starts.
    private let transitions: [(at: Int64, type: Int)]
    /// Local time types: offset from UTC in seconds, daylight saving, abbreviation.
    private let types: [(offset: Int, isDaylight: Bool, abbreviation: String)]
    /// The POSIX TZ rule for instants after the last transition (`CET-1CEST,M3.5.0,M10.5.0/3`): its two names.
    private let ruleNames: (standard: String, daylight: String?)?

    /// The zone named `identifier` from `/usr/share/zoneinfo` (or `folder`), nil when it has no TZif file there.
    public init?(_ identifier: String, folder: String = "/usr/share/zoneinfo") {
        guard !identifier.contains(".."), let data = FileManager.default.contents(atPath: folder + "/" + identifier),
              let parsed = ZoneInfo.parse([UInt8](data)) else { return nil }
        self.identifier = identifier
        (transitions, types, ruleNames) = parsed
    }

    /// The abbreviation in force at `instant`, as tzdata writes it.
    public func abbreviation(at instant: Date) -> String? {
        let seconds = Int64(instant.timeIntervalSince1970.rounded(.down))
        if let last = transitions.last, seconds >= last.at, let ruleNames, let zone = TimeZone(identifier: identifier) {
            // Past the table: the footer's rule, whose daylight part Foundation knows.
            return zone.isDaylightSavingTime(for: instant) ? (ruleNames.daylight ?? ruleNames.standard) : ruleNames.standard
        }
        var low = 0, high = transitions.count
        while low < high {
            let middle = (low + high) / 2
            if transitions[middle].at <= seconds { low = middle + 1 } else { high = middle }
        }
        let type = low == 0 ? (types.firstIndex { !$0.isDaylight } ?? 0) : transitions[low - 1].type
        return type < types.count ? types[type].abbreviation : nil
    }

    private static func parse(_ bytes: [UInt8]) -> ([(at: Int64, type: Int)], [(offset: Int, isDaylight: Bool, abbreviation: String)], (standard: String, daylight: String?)?)? {
        func int32(_ at: Int) -> Int64 {
            Int64(Int32(bitPattern: UInt32(bytes[at]) << 24 | UInt32(bytes[at + 1]) << 16 | UInt32(bytes[at + 2]) << 8 | UInt32(bytes[at + 3])))
        }
        func int64(_ at: Int) -> Int64 { int32(at) << 32 | (int32(at + 4) & 0xFFFF_FFFF) }
        guard bytes.count >= 44, bytes[0..<4].elementsEqual("TZif".utf8) else { return nil }
        /// The counts of the header at `start`: isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt.
        func counts(_ start: Int) -> [Int]? {
            guard start + 44 <= bytes.count else { return nil }
            return (0..<6).map { Int(int32(start + 20 + 4 * $0)) }
        }
        guard var header = counts(0) else { return nil }
        var start = 0, timeSize = 4
        if bytes[4] >= 0x32 { // Version 2 or later: skip the 32-bit block, read the 64-bit one.
            let v1 = 44 + header[3] * 4 + header[3] + header[4] * 6 + header[5] + header[2] * 8 + header[1] + header[0]
            guard let second = counts(v1) else { return nil }
            header = second
            start = v1
            timeSize = 8
        }
        let (isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt) = (header[0], header[1], header[2], header[3], header[4], header[5])
        var cursor = start + 44
        let end = cursor + timecnt * timeSize + timecnt + typecnt * 6 + charcnt + leapcnt * (timeSize + 4) + isstdcnt + isutcnt
        guard typecnt > 0, end <= bytes.count else { return nil }
        var times: [Int64] = []
        for index in 0..<timecnt { times.append(timeSize == 8 ? int64(cursor + 8 * index) : int32(cursor + 4 * index)) }
        cursor += timecnt * timeSize
        let indices = (0..<timecnt).map { Int(bytes[cursor + $0]) }
        cursor += timecnt
        var rawTypes: [(Int, Bool, Int)] = []
        for index in 0..<typecnt {
            let at = cursor + 6 * index
            rawTypes.append((Int(int32(at)), bytes[at + 4] != 0, Int(bytes[at + 5])))
        }
        cursor += typecnt * 6
        let characters = Array(bytes[cursor..<cursor + charcnt])
        func name(_ index: Int) -> String {
            guard index < characters.count else { return "" }
            return String(decoding: characters[index...].prefix { $0 != 0 }, as: UTF8.self)
        }
        let types = rawTypes.map { (offset: $0.0, isDaylight: $0.1, abbreviation: name($0.2)) }
        let transitions = zip(times, indices).map { (at: $0, type: $1) }
        // The footer (version 2+): "\n" TZ "\n".
        var rule: (String, String?)?
        if timeSize == 8, end < bytes.count, bytes[end] == 0x0A, let close = bytes[(end + 1)...].firstIndex(of: 0x0A) {
            rule = ruleNames(String(decoding: bytes[(end + 1)..<close], as: UTF8.self))
        }
        return (transitions, types, rule)
    }

    /// The standard and daylight names of a POSIX TZ string (`<+01>-1`, `CET-1CEST,M3.5.0,…`).
    private static func ruleNames(_ rule: String) -> (String, String?)? {
        var rest = Substring(rule)
        func name() -> String? {
            if rest.hasPrefix("<") {
                guard let close = rest.firstIndex(of: ">") else { return nil }
                defer { rest = rest[rest.index(after: close)...] }
                return String(rest[rest.index(after: rest.startIndex)..<close])
            }
            let letters = rest.prefix { $0.isLetter }
            guard letters.count >= 3 else { return nil }
            rest = rest.dropFirst(letters.count)
            return String(letters)
        }
        guard let standard = name() else { return nil }
        rest = rest.drop { $0.isNumber || $0 == "+" || $0 == "-" || $0 == ":" }
        guard !rest.isEmpty, !rest.hasPrefix(",") else { return (standard, nil) }
        return (standard, name())
    }
}

