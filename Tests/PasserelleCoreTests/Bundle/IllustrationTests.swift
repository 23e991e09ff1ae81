import CZlibDeflate
import Foundation
import XCTest
@testable import PasserelleBundle

/// The 48×48 PNG of a ZIM: the theme's colours, a well-formed PNG whose pixels are those colours.
final class IllustrationTests: XCTestCase {
    func testColoursComeFromTheFirstRootRule() {
        let css = ":root { --fg: #1b1b1b; --bg: #fdfdfb; --accent: #0b5394; }\n@media (prefers-color-scheme: dark) { :root { --bg: #161616; --accent: #8ab8f0; } }"
        let colours = Illustration.colours(fromStyleSheet: css)
        XCTAssertEqual(colours.accent, [0x0B, 0x53, 0x94])
        XCTAssertEqual(colours.background, [0xFD, 0xFD, 0xFB])
        XCTAssertEqual(Illustration.colours(fromStyleSheet: ":root{--accent:#abc}").accent, [0xAA, 0xBB, 0xCC])
        XCTAssertEqual(Illustration.colours(fromStyleSheet: "body { color: red }").background, [0xFF, 0xFF, 0xFF], "defaults")
    }

    func testThePNGIsWellFormedAndDrawnInBothColours() throws {
        let png = Illustration.png(accent: [10, 20, 30], background: [250, 250, 250])
        XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        // Chunks: length, type, data, CRC over type and data.
        var offset = 8, types: [String] = [], idat: [UInt8] = []
        while offset < png.count {
            let length = Int(png[offset]) << 24 | Int(png[offset + 1]) << 16 | Int(png[offset + 2]) << 8 | Int(png[offset + 3])
            let typed = Array(png[(offset + 4)..<(offset + 8 + length)])
            let crc = UInt32(png[offset + 8 + length]) << 24 | UInt32(png[offset + 9 + length]) << 16 | UInt32(png[offset + 10 + length]) << 8 | UInt32(png[offset + 11 + length])
            XCTAssertEqual(UInt32(typed.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }), crc)
            let type = String(decoding: typed.prefix(4), as: UTF8.self)
            types.append(type)
            if type == "IDAT" { idat += typed.dropFirst(4) }
            offset += 12 + length
        }
        XCTAssertEqual(types, ["IHDR", "IDAT", "IEND"])
        var size = uLong(48 * (1 + 48 * 3))
        var pixels = [UInt8](repeating: 0, count: Int(size))
        XCTAssertEqual(uncompress(&pixels, &size, idat, uLong(idat.count)), Z_OK)
        XCTAssertEqual(Int(size), 48 * 145)
        let colours = Set(stride(from: 0, to: pixels.count, by: 145).flatMap { row in
            stride(from: row + 1, to: row + 145, by: 3).map { Array(pixels[$0..<($0 + 3)]) }
        })
        XCTAssertEqual(colours, [[10, 20, 30], [250, 250, 250]])
    }
}
