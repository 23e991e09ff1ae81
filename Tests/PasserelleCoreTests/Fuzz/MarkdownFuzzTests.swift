import Foundation
import XCTest
@testable import PasserelleCore
@testable import PasserelleIncremental
@testable import PasserellePages
@testable import PasserelleResolve
@testable import PasserelleTemplates

/// Random Markdown, heavy on brackets, images and emphasis (what once crashed the renderer), rendered
/// by Passerelle and by libcmark-gfm: never a crash, and the same HTML after the documented rewrites.
/// CI runs it under AddressSanitizer as well (`.ci/run`), where a use after free fails at once.
/// `PASSERELLE_FUZZ_ITERATIONS` and `PASSERELLE_FUZZ_SEED` bound and replay a run.
final class MarkdownFuzzTests: XCTestCase {
    let iterations = Int(ProcessInfo.processInfo.environment["PASSERELLE_FUZZ_ITERATIONS"] ?? "") ?? 5_000
    let seed = UInt64(ProcessInfo.processInfo.environment["PASSERELLE_FUZZ_SEED"] ?? "") ?? 2_005

    static let pieces = ["![", "[", "]", "](", "(/u)", ")", "](/i.png)", "][r]", "*", "**", "_", "~~", "`", "<b>", "</b>", "<http://x.y>",
                         "www.x.org", "a", "é", " ", "\n", "\n\n", "# ", "- ", "> ", "| a |\n|---|\n| ", "[^n]", "\n[^n]: note\n",
                         "\n[r]: /r.png \"t\"\n", "\\", "&amp;", "[[x]]", "\"", "'", "javascript:x", "ms-msdt:y"]

    func testRandomMarkdownNeverCrashesAndRendersAsCmarkGFMDoes() {
        var generator = SeededGenerator(state: seed)
        for iteration in 0..<iterations {
            let body = (0..<Int.random(in: 1...40, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            guard let ours = MarkdownConformanceTests.passerelleHTML(body) else { continue }
            let expected = MarkdownConformanceTests.comparable(MarkdownConformanceTests.normalized(reference: MarkdownConformanceTests.referenceHTML(body)))
            let actual = MarkdownConformanceTests.comparable(MarkdownConformanceTests.normalized(passerelle: ours))
            if actual != expected {
                XCTFail("seed \(seed), iteration \(iteration): \(body.debugDescription)\nPasserelle: \(actual)\ncmark-gfm: \(expected)")
                return
            }
        }
    }
}
