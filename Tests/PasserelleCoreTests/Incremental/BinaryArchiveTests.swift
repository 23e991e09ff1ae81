import Foundation
import XCTest
@testable import PasserelleIncremental
@testable import PasserelleModel

final class BinaryArchiveTests: XCTestCase {
    func read<T>(_ bytes: [UInt8], _ body: (inout ArchiveReader) throws -> T) throws -> T {
        try bytes.withUnsafeBytes { raw in
            var input = ArchiveReader(raw)
            let value = try body(&input)
            XCTAssertTrue(input.isAtEnd, "everything written is read")
            return value
        }
    }

    func testEveryKindOfValueReadsBackAsWritten() throws {
        var out = ArchiveWriter()
        let numbers = [0, 1, 127, 128, 300, Int.max, -1, Int.min]
        out.array(numbers) { $0.int($1) }
        out.uint64(0xDEAD_BEEF_0000_0001)
        out.bool(true)
        out.string("Éducation — 教育 🌍")
        out.optional(nil as String?) { $0.string($1) }
        out.optional("là") { $0.string($1) }
        out.ids(["a/b", "c/d"])
        out.language("fr")
        out.dictionary(["en": 2, "fr": 1] as [LanguageCode: Int]) { $0.int($1) }
        out.table(LanguageTable(languages: ["fr", "en"], values: ["un", "one"])) { $0.string($1) }
        try read(out.bytes) { input in
            XCTAssertEqual(try input.array { try $0.int() }, numbers)
            XCTAssertEqual(try input.uint64(), 0xDEAD_BEEF_0000_0001)
            XCTAssertEqual(try input.bool(), true)
            XCTAssertEqual(try input.string(), "Éducation — 教育 🌍")
            XCTAssertNil(try input.optional { try $0.string() })
            XCTAssertEqual(try input.optional { try $0.string() }, "là")
            XCTAssertEqual(try input.ids(), ["a/b", "c/d"])
            XCTAssertEqual(try input.language(), "fr")
            let dictionary: [LanguageCode: Int] = try input.dictionary { try $0.int() }
            XCTAssertEqual(dictionary, ["en": 2, "fr": 1])
            let table = try input.table(languages: ["fr", "en"]) { try $0.string() }
            XCTAssertEqual(table["en"], "one")
        }
    }

    /// An id is written as text once, then by its place; a part's writer and reader share the
    /// places of the ids written before the part.
    func testIDsAreWrittenOnceThenByTheirPlaceAlsoInParts() throws {
        let a = EntryID("s/a"), b = EntryID("s/b"), c = EntryID("t/c")
        var out = ArchiveWriter()
        out.ids([a, b, a])
        var part = ArchiveWriter(sharing: out.writtenIDs)
        part.ids([b, c, c, a])
        out.int(part.bytes.count)
        out.raw(part.bytes)
        out.id(c)
        let text = String(decoding: part.bytes, as: UTF8.self)
        XCTAssertEqual(text.components(separatedBy: "t/c").count, 2, "c's text once in the part")
        XCTAssertFalse(text.contains("s/a") || text.contains("s/b"), "the ids written before it, by their place")
        try out.bytes.withUnsafeBytes { raw in
            var input = ArchiveReader(raw)
            XCTAssertEqual(try input.ids(), [a, b, a])
            let bytes = try input.part()
            try bytes.withUnsafeBytes { partRaw in
                var inner = ArchiveReader(partRaw, sharing: input.readIDs)
                XCTAssertEqual(try inner.ids(), [b, c, c, a])
                XCTAssertTrue(inner.isAtEnd)
            }
            XCTAssertEqual(try input.id(), c, "the part's ids are its own: c is written again outside it")
            XCTAssertTrue(input.isAtEnd)
        }
        // A place no id was read at is a corrupt archive, not a crash.
        var bad = ArchiveWriter()
        bad.int(5)
        XCTAssertThrowsError(try read(bad.bytes) { try $0.id() })
    }

    func testDictionariesAreWrittenInKeyOrder() {
        var a = ArchiveWriter(), b = ArchiveWriter()
        var first: [String: Int] = [:], second: [String: Int] = [:]
        for key in ["z", "a", "m", "b"] { first[key] = key.count }
        for key in ["b", "m", "a", "z"] { second[key] = key.count }
        a.dictionary(first) { $0.int($1) }
        b.dictionary(second) { $0.int($1) }
        XCTAssertEqual(a.bytes, b.bytes, "the same model, the same bytes")
    }

    func testTruncatedOrForeignBytesThrowInsteadOfReadingPastTheEnd() {
        var out = ArchiveWriter()
        out.string("a text long enough to cut")
        out.array([1, 2, 3]) { $0.int($1) }
        let bytes = out.bytes
        for length in 0..<bytes.count {
            XCTAssertThrowsError(try read(Array(bytes.prefix(length))) { input in
                _ = try input.string()
                _ = try input.array { try $0.int() }
            }, "cut at \(length) of \(bytes.count)")
        }
        // A length larger than what follows.
        XCTAssertThrowsError(try read([0xFF, 0xFF, 0xFF, 0x7F, 0x41]) { try $0.string() })
        // A table of another length than the site has languages.
        var table = ArchiveWriter()
        table.table(LanguageTable(languages: ["fr"], values: [1])) { $0.int($1) }
        XCTAssertThrowsError(try read(table.bytes) { try $0.table(languages: ["fr", "en"]) { try $0.int() } })
    }

    func testALargeArchiveGoesToItsSinkInPieces() throws {
        var received: [UInt8] = []
        var pieces = 0
        var out = ArchiveWriter(capacity: 1024) { chunk in
            received.append(contentsOf: chunk)
            pieces += 1
            return true
        }
        let text = String(repeating: "x", count: 4096)
        for _ in 0..<600 { out.string(text) }
        out.flush()
        XCTAssertTrue(out.succeeded)
        XCTAssertGreaterThan(pieces, 1)
        try read(received) { input in
            for _ in 0..<600 { XCTAssertEqual(try input.string(), text) }
        }
    }
}
