import Foundation

/// Whether a local time exists in a zone, and where.
public enum LocalTime {
    /// The instants (UTC seconds) at which the clocks of `zone` show `value`: one, none (in a gap
    /// when the clocks go forward) or two (when they go back), earliest first.
    public static func instants(of value: DateTimeValue, in zone: TimeZone) -> [Int] {
        let local = seconds(of: value)
        let offsets = Set([-1, 0, 1].map { zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local + $0 * 86_400))) })
        return offsets.map { local - $0 }
            .filter { zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval($0))) == local - $0 }
            .sorted()
    }

    /// The instant calendars take for `value` in `zone` (RFC 5545 §3.3.5): when it occurs twice, the
    /// first; in a gap, the time read with the offset in force before the gap (so it falls after it).
    public static func instant(of value: DateTimeValue, in zone: TimeZone) -> Int {
        let local = seconds(of: value)
        return instants(of: value, in: zone).first
            ?? local - zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local - 86_400)))
    }

    /// `value` as seconds since 1970-01-01T00:00 on the same clock (no zone applied).
    public static func seconds(of value: DateTimeValue) -> Int {
        value.date.daysSinceEpoch * 86_400 + (value.minuteOfDay ?? 0) * 60
    }
}
