import Foundation

/// Whether a local time exists in a zone, and where.
public enum LocalTime {
    /// The instants (UTC seconds) at which the clocks of `zone` show `value`: one, none (in a gap
    /// when the clocks go forward) or two (when they go back), earliest first.
    public static func instants(of value: DateTimeValue, in zone: TimeZone) -> [Int] {
        let local = value.date.daysSinceEpoch * 86_400 + (value.minuteOfDay ?? 0) * 60
        let offsets = Set([-1, 0, 1].map { zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local + $0 * 86_400))) })
        return offsets.map { local - $0 }
            .filter { zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval($0))) == local - $0 }
            .sorted()
    }
}
