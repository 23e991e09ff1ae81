import Foundation
import XCTest
import ZIPFoundation
@testable import PasserelleBundle

/// The zip writer, read back by an independent reader (ZIPFoundation) and by Info-ZIP's unzip.
final class ZipBundleTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("passerelle-zip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: folder)
    }

    private static let day = Date(timeIntervalSince1970: 1_131_926_400)

    private func sample() -> BundleContents {
        let page = Array(String(repeating: "<p>Volontariat et TIC, télécentres communautaires.</p>\n", count: 50).utf8)
        return BundleContents(files: [
            "index.html": page, "fr/index.html": page + Array("fr".utf8), "fr/projets/iave/index.html": Array("<p>IAVE</p>".utf8),
            "assets/pixel.png": [0x89, 0x50, 0x4E, 0x47, 1, 2, 3], "empty.txt": [], "théâtre/é.html": Array("é".utf8),
        ])
    }

    func testEveryFileReadsBackWithItsBytesModeAndDay() throws {
        let url = folder.appendingPathComponent("site.zip")
        try ZipBundle(date: Self.day).write(sample(), to: url)
        let archive = try Archive(url: url, accessMode: .read)
        var names: [String] = []
        for entry in archive {
            names.append(entry.path)
            XCTAssertEqual(entry.fileAttributes[.modificationDate] as? Date, Self.day, entry.path)
            let permissions = (entry.fileAttributes[.posixPermissions] as? NSNumber)?.uint16Value
            if entry.type == .directory {
                XCTAssertEqual(permissions, 0o755, entry.path)
                continue
            }
            XCTAssertEqual(permissions, 0o644, entry.path)
            var data = Data()
            _ = try archive.extract(entry, consumer: { data.append($0) })
            let expected = sample().files.first { $0.path == entry.path }?.bytes
            XCTAssertEqual(data, expected.map { Data($0) }, entry.path)
        }
        // Sorted by bytes, each folder before what it holds.
        XCTAssertEqual(names, ["assets/", "assets/pixel.png", "empty.txt", "fr/", "fr/index.html", "fr/projets/", "fr/projets/iave/",
                               "fr/projets/iave/index.html", "index.html", "théâtre/", "théâtre/é.html"])
        // Text is deflated, images are stored.
        XCTAssertLessThan(try XCTUnwrap(archive["index.html"]).compressedSize, try XCTUnwrap(archive["index.html"]).uncompressedSize)
        XCTAssertEqual(try XCTUnwrap(archive["assets/pixel.png"]).compressedSize, 7)

        let unzip = Process()
        unzip.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        unzip.arguments = ["-tq", url.path]
        unzip.standardOutput = FileHandle.nullDevice
        try unzip.run()
        unzip.waitUntilExit()
        XCTAssertEqual(unzip.terminationStatus, 0, "unzip -t")
    }

    func testTheSameFilesGiveTheSameBytes() throws {
        let first = folder.appendingPathComponent("a.zip"), second = folder.appendingPathComponent("b.zip")
        try ZipBundle(date: Self.day).write(sample(), to: first)
        // The same files handed over in another order.
        try ZipBundle(date: Self.day).write(BundleContents(files: Dictionary(uniqueKeysWithValues: sample().files.reversed().map { ($0.path, $0.bytes) })), to: second)
        XCTAssertEqual(try Data(contentsOf: first), try Data(contentsOf: second))
        try ZipBundle(date: Self.day + 86_400).write(sample(), to: second)
        XCTAssertNotEqual(try Data(contentsOf: first), try Data(contentsOf: second), "another day, other times")
    }

    func testMoreThan65535EntriesGetZip64Records() throws {
        var files: [String: [UInt8]] = [:]
        for index in 0..<70_000 { files["f/\(index).txt"] = Array("\(index)".utf8) }
        let url = folder.appendingPathComponent("many.zip")
        try ZipBundle(date: Self.day).write(BundleContents(files: files), to: url)
        let bytes = try Data(contentsOf: url)
        XCTAssertNotNil(bytes.range(of: Data([0x50, 0x4B, 0x06, 0x06])), "ZIP64 end of central directory record")
        let archive = try Archive(url: url, accessMode: .read)
        XCTAssertEqual(Array(archive).count, 70_001)
        var data = Data()
        _ = try archive.extract(try XCTUnwrap(archive["f/69999.txt"]), consumer: { data.append($0) })
        XCTAssertEqual(String(decoding: data, as: UTF8.self), "69999")
    }

    func testDOSTimesAreTheUTCDay() {
        XCTAssertEqual(ZipBundle.dosDateTime(Date(timeIntervalSince1970: 1_131_926_400)).date, UInt16(25 << 9 | 11 << 5 | 14))
        XCTAssertEqual(ZipBundle.dosDateTime(Date(timeIntervalSince1970: 1_131_926_400)).time, 0)
        XCTAssertEqual(ZipBundle.dosDateTime(Date(timeIntervalSince1970: 1_131_926_400 + 3_723)).time, UInt16(1 << 11 | 2 << 5 | 1))
        XCTAssertEqual(ZipBundle.dosDateTime(Date(timeIntervalSince1970: 0)).date, UInt16(0 << 9 | 1 << 5 | 1), "before 1980: 1980-01-01")
    }
}
