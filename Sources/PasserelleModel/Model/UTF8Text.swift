/// A text kept as its UTF-8 bytes: a body's plain text, which the search index and the calendars
/// read byte by byte. Made from valid UTF-8 (a `String`, or bytes written from one), it is never
/// validated again; a `String` of each body was, and that validation was a twentieth of a build.
public struct UTF8Text: Sendable, Equatable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let bytes: [UInt8]

    public init(_ string: String) { bytes = Array(string.utf8) }
    public init(stringLiteral value: String) { self.init(value) }

    /// `bytes` must be valid UTF-8 (if they are not, `string` repairs them, as `String(decoding:as:)` does).
    package init(validUTF8 bytes: [UInt8]) { self.bytes = bytes }

    public var string: String { String(decoding: bytes, as: UTF8.self) }
    public var description: String { string }
    public var isEmpty: Bool { bytes.isEmpty }

    /// The text without the whitespace (Unicode's `White_Space`) at its start and end.
    public var trimmingWhitespace: UTF8Text {
        // Most texts start and end with a visible ASCII character: nothing to trim, nothing to copy.
        if let first = bytes.first, let last = bytes.last, first > 0x20 && first < 0x80 && last > 0x20 && last < 0x80 { return self }
        var start = 0, end = bytes.count
        while start < end, let (scalar, length) = UTF8Text.scalar(in: bytes, at: start), scalar.properties.isWhitespace { start += length }
        while end > start {
            var lead = end - 1
            while lead > start && bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
            guard let (scalar, _) = UTF8Text.scalar(in: bytes, at: lead), scalar.properties.isWhitespace else { break }
            end = lead
        }
        return start == 0 && end == bytes.count ? self : UTF8Text(validUTF8: Array(bytes[start..<end]))
    }

    /// The scalar whose first byte is at `index`, and its length; nil where the bytes are not UTF-8.
    private static func scalar(in bytes: [UInt8], at index: Int) -> (Unicode.Scalar, Int)? {
        let lead = bytes[index]
        let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard index + length <= bytes.count else { return nil }
        guard length > 1 else { return (Unicode.Scalar(lead), 1) }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return Unicode.Scalar(value).map { ($0, length) }
    }
}
