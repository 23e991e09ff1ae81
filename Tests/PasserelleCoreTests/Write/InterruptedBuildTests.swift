import Foundation
import XCTest
@testable import PasserelleCore
@testable import PasserelleIncremental
@testable import PasserellePages
@testable import PasserelleResolve
@testable import PasserelleTemplates

/// A build killed with SIGKILL at any moment leaves either the old or the new output, never a mix,
/// and the next build clears what the killed one left behind.
final class InterruptedBuildTests: XCTestCase {
    func testKilledBuildsLeaveTheOldOrTheNewOutput() throws {
        let site = try FixtureSite("minimal")
        defer { site.remove() }
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("themes"), withIntermediateDirectories: true)
        try FixtureSite.copy(site.theme, to: site.root.appendingPathComponent("themes/default"))
        // Enough pages that a build takes a while to write.
        for index in 0..<150 {
            try site.write("recommendations/r\(index).fr.md", "---\ntitle: \"Recommandation \(index)\"\nweight: \(index + 2)\n---\n\nTexte [[tunis]].\n")
            try site.write("recommendations/r\(index).en.md", "---\ntitle: \"Recommendation \(index)\"\nweight: \(index + 2)\n---\n\nText [[tunis]].\n")
        }
        XCTAssertEqual(try PasserelleProcess.run(["build"], in: site.root).status, 0)
        let old = FixtureSite.snapshot(site.output)
        // The new version differs in every page (the site title is on each).
        let yaml = try String(contentsOf: site.content.appendingPathComponent("site.yaml"), encoding: .utf8)
        try site.write("site.yaml", yaml.replacingOccurrences(of: "\"Minimal\"", with: "\"Minimal 2\""))
        let reference = site.root.appendingPathComponent("reference")
        XCTAssertEqual(try PasserelleProcess.run(["build", "--output", "reference"], in: site.root).status, 0)
        let new = FixtureSite.snapshot(reference)
        XCTAssertNotEqual(old, new)

        var outcomes: [String: Int] = [:]
        // Seeded: the kill delays of a failing run can be replayed (the machine's timing still varies).
        let seed: UInt64 = 2_003
        var generator = SeededGenerator(state: seed)
        for attempt in 0..<12 {
            let process = try PasserelleProcess.start(["build"], in: site.root)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let delay = attempt == 0 ? 0 : Double.random(in: 0...0.8, using: &generator)
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = FixtureSite.snapshot(site.output)
            if now == old { outcomes["old", default: 0] += 1 } else if now == new { outcomes["new", default: 0] += 1 } else {
                XCTFail("seed \(seed), attempt \(attempt), killed after \(delay) s: output/ is neither the old nor the new build")
            }
            // Back to the old output for the next attempt, through a normal build of the old content.
            if now == new {
                try site.write("site.yaml", yaml)
                XCTAssertEqual(try PasserelleProcess.run(["build"], in: site.root).status, 0)
                try site.write("site.yaml", yaml.replacingOccurrences(of: "\"Minimal\"", with: "\"Minimal 2\""))
            }
        }
        // Whatever a killed build left beside the output is removed by the next one.
        XCTAssertEqual(try PasserelleProcess.run(["build"], in: site.root).status, 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.contains(".passerelle-") && $0 != ".passerelle-cache" }
        XCTAssertEqual(leftovers, [])
        XCTAssertEqual(FixtureSite.snapshot(site.output), new)
        print("killed builds: \(outcomes)")
    }
}
