import CZlibDeflate
import Foundation

/// The 48×48 PNG that stands for a site in Kiwix's library, drawn in its theme's colours: a
/// footbridge (a passerelle) in the background colour on the accent colour.
public enum Illustration {
    /// The first `--accent` and `--bg` colours of a theme's style sheet (`#0b5394`), or defaults.
    public static func colours(fromStyleSheet css: String) -> (accent: [UInt8], background: [UInt8]) {
        func colour(_ name: String) -> [UInt8]? {
            guard let range = css.range(of: "--\(name):") else { return nil }
            let value = css[range.upperBound...].drop { $0 == " " }.prefix { $0 != ";" && $0 != "}" }.trimmingCharacters(in: .whitespaces)
            guard value.hasPrefix("#") else { return nil }
            var hex = String(value.dropFirst())
            if hex.count == 3 { hex = hex.map { "\($0)\($0)" }.joined() }
            guard hex.count == 6, let number = UInt32(hex, radix: 16) else { return nil }
            return [UInt8(number >> 16 & 0xFF), UInt8(number >> 8 & 0xFF), UInt8(number & 0xFF)]
        }
        return (colour("accent") ?? [0x0B, 0x53, 0x94], colour("bg") ?? [0xFF, 0xFF, 0xFF])
    }

    /// The picture, `size` pixels square, as PNG bytes.
    public static func png(accent: [UInt8], background: [UInt8], size: Int = 48) -> [UInt8] {
        let scale = Double(size) / 48
        var pixels: [UInt8] = []
        pixels.reserveCapacity((size * 3 + 1) * size)
        for y in 0..<size {
            pixels.append(0) // filter: none
            for x in 0..<size {
                let px = (Double(x) + 0.5) / scale, py = (Double(y) + 0.5) / scale
                // The arch: a ring's upper half; the deck: a band across; the piers: two posts.
                let distance = ((px - 24) * (px - 24) + (py - 36) * (py - 36)).squareRoot()
                let arch = py <= 36 && distance >= 15 && distance <= 19
                let deck = py >= 26 && py <= 29 && px >= 5 && px <= 43
                let pier = py >= 29 && py <= 40 && ((px >= 7 && px <= 10) || (px >= 38 && px <= 41))
                pixels += arch || deck || pier ? background : accent
            }
        }
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        func chunk(_ type: String, _ data: [UInt8]) {
            let typed = Array(type.utf8) + data
            png += bigEndian(UInt32(data.count)) + typed
            png += bigEndian(UInt32(typed.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }))
        }
        chunk("IHDR", bigEndian(UInt32(size)) + bigEndian(UInt32(size)) + [8, 2, 0, 0, 0])
        var compressedSize = compressBound(uLong(pixels.count))
        var compressed = [UInt8](repeating: 0, count: Int(compressedSize))
        _ = compress2(&compressed, &compressedSize, pixels, uLong(pixels.count), 9)
        chunk("IDAT", Array(compressed[..<Int(compressedSize)]))
        chunk("IEND", [])
        return png
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }
}
