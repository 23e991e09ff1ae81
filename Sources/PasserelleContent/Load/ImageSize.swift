import PasserelleModel
import PasserelleOutput
import Foundation

/// Reads the pixel size of an image from its header: PNG, GIF, JPEG, WebP, and SVG (width/height or viewBox).
public enum ImageSize {
    public static func read(_ url: URL) -> (width: Int, height: Int)? {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        let ext = url.pathExtension.lowercased()
        let head = (try? handle.read(upToCount: ext == "svg" ? 4096 : 65_536)) ?? Data()
        return parse(Array(head), svg: ext == "svg")
    }

    package static func parse(_ b: [UInt8], svg: Bool) -> (width: Int, height: Int)? {
        func be16(_ i: Int) -> Int { Int(b[i]) << 8 | Int(b[i + 1]) }
        func be32(_ i: Int) -> Int { be16(i) << 16 | be16(i + 2) }
        func le16(_ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 }
        func le24(_ i: Int) -> Int { le16(i) | Int(b[i + 2]) << 16 }
        if svg { return parseSVG(String(decoding: b, as: UTF8.self)) }
        if b.count >= 24, b[0] == 0x89, b[1] == 0x50, b[2] == 0x4E, b[3] == 0x47 { return (be32(16), be32(20)) }
        if b.count >= 10, b[0] == 0x47, b[1] == 0x49, b[2] == 0x46 { return (le16(6), le16(8)) }
        if b.count >= 30, b[0] == 0x52, b[1] == 0x49, b[2] == 0x46, b[3] == 0x46, b[8] == 0x57, b[9] == 0x45 {
            let chunk = String(decoding: b[12..<16], as: UTF8.self)
            switch chunk {
            case "VP8 ": return (le16(26) & 0x3FFF, le16(28) & 0x3FFF)
            case "VP8L":
                let bits = Int(b[21]) | Int(b[22]) << 8 | Int(b[23]) << 16 | Int(b[24]) << 24
                return ((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
            case "VP8X": return (le24(24) + 1, le24(27) + 1)
            default: return nil
            }
        }
        if b.count >= 4, b[0] == 0xFF, b[1] == 0xD8 {
            var i = 2
            while i + 9 < b.count {
                guard b[i] == 0xFF else { i += 1; continue }
                let marker = b[i + 1]
                if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) { i += 2; continue }
                let length = be16(i + 2)
                if (0xC0...0xCF).contains(marker) && marker != 0xC4 && marker != 0xC8 && marker != 0xCC {
                    return (be16(i + 7), be16(i + 5))
                }
                i += 2 + length
            }
        }
        return nil
    }

    package static func parseSVG(_ text: String) -> (width: Int, height: Int)? {
        guard let open = text.range(of: "<svg") else { return nil }
        let tag = text[open.upperBound...].prefix { $0 != ">" }
        func attribute(_ name: String) -> String? {
            guard let start = tag.range(of: " \(name)=") else { return nil }
            let rest = tag[start.upperBound...]
            guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
            return String(rest.dropFirst().prefix { $0 != quote })
        }
        func number(_ text: String?) -> Int? {
            guard let text else { return nil }
            let digits = text.prefix { $0.isNumber || $0 == "." }
            guard !digits.isEmpty, text.dropFirst(digits.count).allSatisfy({ "px".contains($0) }) else { return nil }
            return Double(digits).map { Int($0.rounded()) }
        }
        if let w = number(attribute("width")), let h = number(attribute("height")) { return (w, h) }
        if let box = attribute("viewBox") {
            let parts = box.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
            if parts.count == 4 { return (Int(parts[2].rounded()), Int(parts[3].rounded())) }
        }
        return nil
    }
}

