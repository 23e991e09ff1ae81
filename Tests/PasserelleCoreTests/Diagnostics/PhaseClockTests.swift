import Foundation
import XCTest
@testable import PasserelleModel

final class PhaseClockTests: XCTestCase {
    /// What `body` writes to standard error.
    func standardError(_ body: () -> Void) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("stderr-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        let descriptor = open(file.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let saved = dup(2)
        dup2(descriptor, 2)
        body()
        dup2(saved, 2)
        close(saved)
        close(descriptor)
        return try String(contentsOf: file, encoding: .utf8)
    }

    func testAnEnabledClockPrintsEachPhaseWithWallAndCPUTimeAndPeakMemory() throws {
        let printed = try standardError {
            var clock = PhaseClock(enabled: true)
            clock.note("full build: the theme changed")
            clock.lap("front matter")
        }
        let lines = printed.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 2, printed)
        XCTAssertEqual(lines.first, "timing: full build: the theme changed")
        let lap = lines.last ?? ""
        XCTAssertTrue(lap.hasPrefix("timing: front matter "), lap)
        XCTAssertNotNil(lap.range(of: #"^timing: front matter \d+ ms \(cpu \d+ ms, peak \d+ MB\)$"#, options: .regularExpression), lap)
    }

    func testADisabledClockPrintsNothing() throws {
        let printed = try standardError {
            var clock = PhaseClock(enabled: false)
            clock.note("nothing")
            clock.lap("nothing")
        }
        XCTAssertEqual(printed, "")
    }
}
