/// A text kept as its UTF-8 bytes: a body's plain text, which the search index reads byte by
/// byte, and its HTML, which pages show as it is. Made from valid UTF-8 (a `String`, bytes
/// written from one, cmark-gfm's output), it is never validated again, as a `String` made of the
/// bytes would be.
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
        var forward = bytes.makeIterator(), forwardParser = Unicode.UTF8.ForwardParser()
        while case let .valid(scalar) = forwardParser.parseScalar(from: &forward), Unicode.UTF8.decode(scalar).properties.isWhitespace {
            start += scalar.count
        }
        var backward = bytes[start...].reversed().makeIterator(), backwardParser = Unicode.UTF8.ReverseParser()
        while case let .valid(scalar) = backwardParser.parseScalar(from: &backward), Unicode.UTF8.decode(scalar).properties.isWhitespace {
            end -= scalar.count
        }
        return start == 0 && end == bytes.count ? self : UTF8Text(validUTF8: Array(bytes[start..<end]))
    }
}
