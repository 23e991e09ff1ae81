import Foundation

/// Reads space-separated fields from one line of UTF-8 bytes: decimal and hexadecimal numbers
/// and a final text field. The cache and manifest files are read with it, byte by byte, because
/// splitting tens of thousands of lines into `Substring`s took most of a no-change rebuild.
package struct FieldScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position: Int
    /// Where the line ends (its line break, or the end of the bytes).
    package let end: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) {
        self.bytes = bytes
        position = start
        self.end = end
    }

    /// Calls `body` with a scanner for each line of `bytes` (without its line break).
    package static func forEachLine(in bytes: UnsafeBufferPointer<UInt8>, _ body: (inout FieldScanner) throws -> Void) rethrows {
        var start = 0
        while start < bytes.count {
            var stop = start
            while stop < bytes.count, bytes[stop] != 0x0A { stop += 1 }
            var scanner = FieldScanner(bytes, from: start, to: stop)
            try body(&scanner)
            start = stop + 1
        }
    }

    package var isEmpty: Bool { position >= end }

    /// Whether the line starts with `prefix` (consumed when it does).
    package mutating func skip(_ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard end - position >= count else { return false }
        for index in 0..<count where bytes[position + index] != prefix.utf8Start[index] { return false }
        position += count
        return true
    }

    /// A decimal integer (optionally negative) followed by a space or the end of the line.
    package mutating func integer() -> Int64? {
        var negative = false
        if position < end, bytes[position] == UInt8(ascii: "-") { negative = true; position += 1 }
        var value: Int64 = 0, digits = 0
        while position < end, bytes[position] != 0x20 {
            let digit = bytes[position] &- 0x30
            guard digit < 10 else { return nil }
            value = value &* 10 &+ Int64(digit)
            digits += 1
            position += 1
        }
        if position < end { position += 1 }
        return digits > 0 ? (negative ? -value : value) : nil
    }

    /// A hexadecimal number followed by a space or the end of the line.
    package mutating func hexadecimal() -> UInt64? {
        var value: UInt64 = 0, digits = 0
        while position < end, bytes[position] != 0x20 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: return nil
            }
            value = value << 4 | UInt64(digit)
            digits += 1
            position += 1
        }
        if position < end { position += 1 }
        return digits > 0 && digits <= 16 ? value : nil
    }

    /// Whether the rest of the line is one of `texts`, without making a string of it.
    @inlinable package func restIsAny<Texts: Sequence<String>>(of texts: Texts) -> Bool {
        let rest = UnsafeBufferPointer(rebasing: bytes[position..<end])
        return texts.contains { text in
            var text = text
            return text.withUTF8 { $0.count == rest.count && ($0.count == 0 || memcmp($0.baseAddress!, rest.baseAddress!, rest.count) == 0) }
        }
    }

    /// The rest of the line's bytes (valid as long as the bytes scanned are).
    package mutating func restBytes() -> UnsafeBufferPointer<UInt8> {
        defer { position = end }
        return UnsafeBufferPointer(rebasing: bytes[position..<end])
    }

    /// The rest of the line.
    package mutating func rest() -> String {
        defer { position = end }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<end]), as: UTF8.self)
    }
}

package extension Array where Element == UInt8 {
    /// Appends a number and a space, as `FieldScanner` reads them back, without a temporary string.
    /// Decimal and hexadecimal (the manifest's and the build record's 100,000 fields per build)
    /// are written with constant divisors into a buffer on the stack, and appended at once.
    @inlinable package mutating func appendField<N: BinaryInteger>(_ value: N, radix: N = 10) {
        if value < 0 { append(UInt8(ascii: "-")) }
        if (radix == 10 || radix == 16), let magnitude = UInt64(exactly: value.magnitude) {
            appendDigits(magnitude, hexadecimal: radix == 16)
        } else {
            var magnitude = value.magnitude
            let start = count
            repeat {
                let digit = UInt8(magnitude % radix.magnitude)
                append(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10)
                magnitude /= radix.magnitude
            } while magnitude > 0
            self[start...].reverse() // Written least significant digit first.
        }
        append(UInt8(ascii: " "))
    }

    /// The digits of `value`, most significant first, in lower case.
    @inlinable package mutating func appendDigits(_ value: UInt64, hexadecimal: Bool) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var position = digits.count, rest = value
            repeat {
                position -= 1
                let digit: UInt8
                if hexadecimal {
                    digit = UInt8(truncatingIfNeeded: rest & 0xF)
                    rest >>= 4
                } else {
                    digit = UInt8(truncatingIfNeeded: rest % 10)
                    rest /= 10
                }
                digits[position] = digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10
            } while rest > 0
            append(contentsOf: UnsafeBufferPointer(rebasing: digits[position...]))
        }
    }
}
