import CBrotli
import CZlibDeflate
import Foundation
import XCTest
@testable import PasserelleCore
@testable import PasserelleOutput

/// `build --precompress`: a `.gz` and a `.br` beside each text file of at least 1 KB, when
/// smaller; decompressed, each is its file; same input, same bytes; text edits keep them in step.
final class PrecompressionTests: XCTestCase {
    static func gunzip(_ data: Data) -> Data? {
        var stream = z_stream()
        guard inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var output = Data()
        var input = [UInt8](data)
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var status: Int32 = Z_OK
        input.withUnsafeMutableBufferPointer { input in
            stream.next_in = input.baseAddress
            stream.avail_in = uInt(input.count)
            repeat {
                buffer.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = uInt(out.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    output.append(out.baseAddress!, count: out.count - Int(stream.avail_out))
                }
            } while status == Z_OK
        }
        return status == Z_STREAM_END && stream.avail_in == 0 ? output : nil
    }

    static func unbrotli(_ data: Data) -> Data? {
        var size = 16 * 1024 * 1024
        var output = [UInt8](repeating: 0, count: size)
        let result = data.withUnsafeBytes { input in
            output.withUnsafeMutableBufferPointer { out in
                BrotliDecoderDecompress(input.count, input.baseAddress?.assumingMemoryBound(to: UInt8.self), &size, out.baseAddress)
            }
        }
        return result == BROTLI_DECODER_RESULT_SUCCESS ? Data(output[..<size]) : nil
    }

    /// Every text file of 1 KB or more has both copies, each decompressing to it; no other file has one.
    private func assertEachFileHasItsCopies(_ files: [String: Data], line: UInt = #line) {
        for (path, data) in files where !path.hasPrefix(".") && !path.hasSuffix(".gz") && !path.hasSuffix(".br") {
            let expected = Precompression.applies(to: path) && data.count >= Precompression.minimumSize
            XCTAssertEqual(files[path + ".gz"] != nil, expected, path, line: line)
            XCTAssertEqual(files[path + ".br"] != nil, expected, path, line: line)
            if let gzip = files[path + ".gz"] { XCTAssertEqual(Self.gunzip(gzip), data, path, line: line) }
            if let brotli = files[path + ".br"] { XCTAssertEqual(Self.unbrotli(brotli), data, path, line: line) }
        }
        for path in files.keys where path.hasSuffix(".gz") || path.hasSuffix(".br") {
            XCTAssertNotNil(files[String(path.dropLast(3))], "\(path) has no file", line: line)
        }
    }

    func testCompressedCopiesRoundTripAndAreOnlyMadeWhenTheyHelp() throws {
        let text = Array(String(repeating: "<p>Télécentres communautaires, volontariat et TIC.</p>\n", count: 40).utf8)
        let made = text.withUnsafeBytes { Precompression.companions(of: "fr/index.html", $0) }
        XCTAssertEqual(made.map(\.path), ["fr/index.html.gz", "fr/index.html.br"])
        XCTAssertEqual(Self.gunzip(Data(made[0].bytes)), Data(text))
        XCTAssertEqual(Self.unbrotli(Data(made[1].bytes)), Data(text))
        // The gzip header names no file and no time: ID, deflate, no flags, time 0, best, Unix.
        XCTAssertEqual(Array(made[0].bytes.prefix(10)), [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 2, 3])

        let short = Array(text.prefix(Precompression.minimumSize - 1))
        XCTAssertTrue(short.withUnsafeBytes { Precompression.companions(of: "fr/index.html", $0) }.isEmpty, "under 1 KB")
        XCTAssertTrue(text.withUnsafeBytes { Precompression.companions(of: "assets/photo.png", $0) }.isEmpty, "not a text type")
        XCTAssertTrue(text.withUnsafeBytes { Precompression.companions(of: "fr/html", $0) }.isEmpty, "no extension")
        // Bytes that do not compress get no copy: it would not be smaller.
        var generator = SeededGenerator(state: 7)
        let noise = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        XCTAssertTrue(noise.withUnsafeBytes { Precompression.companions(of: "data.json", $0) }.isEmpty)
        for type in ["html", "css", "js", "json", "xml", "ics", "svg"] {
            XCTAssertEqual(text.withUnsafeBytes { Precompression.companions(of: "a/b.\(type)", $0) }.count, 2, type)
        }
    }

    func testABuildWritesEachCopyBesideItsFileAndTheSameBytesTwice() throws {
        let site = try FixtureSite("bilingual", theme: FixtureSite.defaultTheme)
        defer { site.remove() }
        XCTAssertTrue(site.build(precompress: true).succeeded)
        let files = FixtureSite.snapshot(site.output)
        let copies = files.keys.filter { $0.hasSuffix(".gz") || $0.hasSuffix(".br") }
        XCTAssertFalse(copies.isEmpty)
        assertEachFileHasItsCopies(files)
        XCTAssertNotNil(files["theme/style.css.gz"], "theme files too")
        XCTAssertNotNil(files["fr/index.html.br"])

        let again = site.root.appendingPathComponent("again")
        var options = Build.Options(content: site.content, output: again, theme: site.theme.path)
        options.workingDirectory = site.root
        options.buildDate = Date(timeIntervalSince1970: 1_132_000_000)
        options.precompress = true
        options.useBuildCache = false
        XCTAssertTrue(Build(options: options).run().succeeded)
        let second = FixtureSite.snapshot(again)
        for path in copies { XCTAssertEqual(second[path], files[path], path) }

        // Without the flag, the next build is a full one and leaves no copy behind.
        XCTAssertTrue(site.build().succeeded)
        XCTAssertTrue(FixtureSite.snapshot(site.output).keys.allSatisfy { !$0.hasSuffix(".gz") && !$0.hasSuffix(".br") })
    }

    func testATextEditRewritesTheCopiesOfTheFilesItChanges() throws {
        let site = try FixtureSite("bilingual", theme: FixtureSite.defaultTheme)
        defer { site.remove() }
        XCTAssertTrue(site.build(precompress: true).succeeded)
        let path = "recommendations/education.fr.md"
        try site.write(path, try site.read(path, in: site.content) + "\nUne phrase **ajoutée** pour les traducteurs.\n")
        let report = site.build(precompress: true)
        XCTAssertTrue(report.succeeded)
        XCTAssertEqual(report.textsRebuilt, 1, report.fullBuildReason ?? "")
        let files = FixtureSite.snapshot(site.output)
        let page = try XCTUnwrap(files["fr/recommandations/education/index.html"])
        XCTAssertTrue(String(decoding: page, as: UTF8.self).contains("<strong>ajoutée</strong>"))
        XCTAssertEqual(Self.gunzip(try XCTUnwrap(files["fr/recommandations/education/index.html.gz"])), page)
        XCTAssertEqual(Self.unbrotli(try XCTUnwrap(files["fr/recommandations/education/index.html.br"])), page)
        assertEachFileHasItsCopies(files)
    }

    func testAReplacementThatWouldLeaveAStaleCopyAsksForAFullBuild() throws {
        let replaced = Locked<[String]>([])
        struct Recording: OutputSink {
            let replaced: Locked<[String]>
            func write(_ path: String, _ content: OutputWriter.FileContent) { replaced.withLock { $0.append(path) } }
            func finish() throws {}
            func discard() {}
        }
        let sink = PrecompressingOutput(Recording(replaced: replaced)) { paths in paths.intersection(["a.html.gz", "a.html.br"]) }
        sink.write("a.html", .text("short"))
        XCTAssertThrowsError(try sink.finish()) { error in
            XCTAssertEqual((error as? PrecompressingOutput.StaleCopy)?.path, "a.html.br")
        }
        let fresh = PrecompressingOutput(Recording(replaced: replaced)) { _ in [] }
        fresh.write("b.html", .text("short"))
        XCTAssertNoThrow(try fresh.finish())
    }
}
