import Foundation
import XCTest
@testable import PasserelleCore
@testable import PasserelleIncremental
@testable import PasserellePages
@testable import PasserelleResolve
@testable import PasserelleTemplates

/// The same input gives byte-identical output, wherever and however it is built.
final class DeterminismTests: XCTestCase {
    func testSameOutputFromTwoCheckoutPathsAndAnyFileCreationOrder() throws {
        let first = try FixtureSite("bilingual")
        defer { first.remove() }
        // The second copy is made file by file in reverse order, so the folder lists them differently.
        let second = try FixtureSite("bilingual")
        defer { second.remove() }
        let files = FixtureSite.snapshot(first.content)
        try FileManager.default.removeItem(at: second.content)
        for path in files.keys.sorted().reversed() {
            let url = second.content.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try files[path]!.write(to: url)
        }
        XCTAssertNotEqual(first.root.path, second.root.path)
        XCTAssertTrue(first.build().succeeded)
        XCTAssertTrue(second.build().succeeded)
        let a = FixtureSite.snapshot(first.output), b = FixtureSite.snapshot(second.output)
        XCTAssertGreaterThan(a.count, 30)
        XCTAssertEqual(a.keys.sorted(), b.keys.sorted())
        for key in a.keys { XCTAssertEqual(a[key], b[key], key) }
    }

    func testSameOutputWhateverTheLocaleAndTimeZone() throws {
        let site = try FixtureSite("calendar")
        defer { site.remove() }
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("themes"), withIntermediateDirectories: true)
        try FixtureSite.copy(site.theme, to: site.root.appendingPathComponent("themes/default"))
        var outputs: [[String: Data]] = []
        for (index, environment) in [["LANG": "C", "LC_ALL": "C", "TZ": "UTC"],
                                     ["LANG": "fr_FR.UTF-8", "LC_ALL": "fr_FR.UTF-8", "TZ": "Pacific/Kiritimati"],
                                     ["LANG": "en_US.UTF-8", "LC_ALL": "en_US.UTF-8", "TZ": "America/Los_Angeles"]].enumerated() {
            let result = try PasserelleProcess.run(["build", "--output", "out\(index)"], in: site.root, environment: environment)
            XCTAssertEqual(result.status, 0, result.stderr)
            outputs.append(FixtureSite.snapshot(site.root.appendingPathComponent("out\(index)")))
        }
        XCTAssertGreaterThan(outputs[0].count, 20)
        for other in outputs.dropFirst() {
            XCTAssertEqual(other.keys.sorted(), outputs[0].keys.sorted())
            for key in other.keys { XCTAssertEqual(other[key], outputs[0][key], key) }
        }
    }
}
