import XCTest
@testable import PasserelleCore
@testable import PasserelleIncremental
@testable import PasserellePages
@testable import PasserelleResolve
@testable import PasserelleTemplates

final class ContentHashTests: XCTestCase {
    func testBlockHashIsTheSameHoweverTheBytesAreCut() {
        var generator = SeededGenerator(state: 42)
        let bytes = (0..<(3 * BlockHash.blockSize + 12_345)).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let whole = bytes.withUnsafeBytes { BlockHash.of($0) }
        for _ in 0..<5 {
            var hash = BlockHash(), offset = 0
            while offset < bytes.count {
                let count = min(bytes.count - offset, Int.random(in: 1...(2 * BlockHash.blockSize), using: &generator))
                bytes[offset..<offset + count].withUnsafeBytes { hash.add($0) }
                offset += count
            }
            XCTAssertEqual(hash.value, whole, "seed 42")
        }
        var flipped = bytes
        flipped[BlockHash.blockSize + 7] ^= 1
        XCTAssertNotEqual(flipped.withUnsafeBytes { BlockHash.of($0) }, whole)
        XCTAssertNotEqual(bytes.dropLast().withUnsafeBytes { BlockHash.of($0) }, whole, "the length counts")
    }

    func testEveryBitAndPlaceOfTheWordsCounts() {
        var generator = SystemRandomNumberGenerator()
        for count in [31, 32, 33, 40, 64, 100, 4_096] {
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let whole = bytes.withUnsafeBytes { ContentHash.of($0) }
            for index in [0, 7, 8, 15, 16, 24, 31, count - 1] where index < count {
                var flipped = bytes
                flipped[index] ^= 0x10
                XCTAssertNotEqual(flipped.withUnsafeBytes { ContentHash.of($0) }, whole, "byte \(index) of \(count)")
            }
            // Two words that trade places, read by different lanes.
            var swapped = bytes
            swapped.withUnsafeMutableBytes { raw in
                let (first, second) = (raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
                raw.storeBytes(of: second, toByteOffset: 0, as: UInt64.self)
                raw.storeBytes(of: first, toByteOffset: 8, as: UInt64.self)
            }
            if swapped != bytes { XCTAssertNotEqual(swapped.withUnsafeBytes { ContentHash.of($0) }, whole, "words swapped in \(count)") }
        }
    }

    func testContentHashSeedsAreIndependent() {
        XCTAssertNotEqual(ContentHash.of("abc"), ContentHash.of("abc", seed: 1))
        XCTAssertEqual(ContentHash.of("abc"), ContentHash.of("abc"))
    }
}
