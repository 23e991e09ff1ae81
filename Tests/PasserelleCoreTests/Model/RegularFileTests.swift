import Foundation
import XCTest
@testable import PasserelleModel

final class RegularFileTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = try FixtureSite.temporaryFolder("regular")
    }

    override func tearDown() { try? FileManager.default.removeItem(at: folder) }

    func code(_ path: String) -> Int32? {
        if case let .failure(error) = RegularFile.read(path: path) { return error.code }
        return nil
    }

    func testAFileIsReadWhole() throws {
        let file = folder.appendingPathComponent("a.md")
        let bytes = Data((0..<200_000).map { UInt8($0 % 251) })
        try bytes.write(to: file)
        XCTAssertEqual(try RegularFile.read(path: file.path).get(), bytes)
        try Data().write(to: file)
        XCTAssertEqual(try RegularFile.read(path: file.path).get(), Data(), "an empty file is empty, not an error")
        for size in [1, 4_095, 4_096, 4_097, 65_536] {
            let bytes = Data((0..<size).map { UInt8($0 % 253) })
            try bytes.write(to: file)
            XCTAssertEqual(try RegularFile.read(path: file.path).get(), bytes, "\(size) bytes")
        }
    }

    func testAFileIsReadToItsEndWhateverSizeItsStatusGives() throws {
        // procfs gives a size of 0, sysfs one of 4,096 bytes for a few bytes: both read to their end.
        for path in ["/proc/self/mounts", "/sys/devices/system/cpu/online"] {
            let read = try RegularFile.read(path: path).get()
            XCTAssertFalse(read.isEmpty, path)
            XCTAssertEqual(read.last, UInt8(ascii: "\n"), "\(path): read to its end")
        }
    }

    func testLinksFoldersFIFOsAndMissingFilesAreRefusedWithoutWaiting() throws {
        let target = folder.appendingPathComponent("target.md")
        try Data("x".utf8).write(to: target)
        let link = folder.appendingPathComponent("link.md")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        XCTAssertEqual(code(link.path), ELOOP)
        XCTAssertEqual(code(folder.path), EISDIR)
        let fifo = folder.appendingPathComponent("fifo.md")
        XCTAssertEqual(mkfifo(fifo.path, 0o644), 0)
        XCTAssertEqual(code(fifo.path), ENODEV, "no writer, and still no wait")
        XCTAssertEqual(code(folder.appendingPathComponent("missing.md").path), ENOENT)
        XCTAssertEqual(code("/dev/null"), ENODEV)
        XCTAssertTrue(RegularFile.ReadError(code: ENODEV).message.contains("FIFO"))
    }
}
