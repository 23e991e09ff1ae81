import Foundation
import XCTest
@testable import PasserelleCore
@testable import PasserelleIncremental
@testable import PasserellePages
@testable import PasserelleResolve
@testable import PasserelleTemplates

/// SplitMix64: a small seeded generator, so that every fuzz run can be replayed from its seed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random bytes and near-valid content thrown at the loader, the front-matter parser, the Markdown
/// renderer and the reference resolver: every input gives a page or a diagnostic, never a crash.
/// `PASSERELLE_FUZZ_ITERATIONS` and `PASSERELLE_FUZZ_SEED` bound and replay a run.
final class FuzzTests: XCTestCase {
    let iterations = Int(ProcessInfo.processInfo.environment["PASSERELLE_FUZZ_ITERATIONS"] ?? "") ?? 300
    let seed = UInt64(ProcessInfo.processInfo.environment["PASSERELLE_FUZZ_SEED"] ?? "") ?? 2003

    static let keys = FrontMatterParser.commonKeys + FrontMatterParser.eventKeys + ["titel", "wieght", "", "tags:", "- x"]
    static let values = ["x", "\"quoted\"", "'single'", "[a, b]", "{a: b}", "2005-11-16", "2005-02-30", "2005-11-16T09:00", "12",
                         "-3", "true", "null", "~", "[", "]", "{", "\"unclosed", "|\n  block", ">\n  folded", "&anchor x", "*alias",
                         "!!binary aGk=", "[[calendar]]", "../../etc", "%2e%2e", "Africa/Tunis", "yearly", "cancelled", "é😀\u{0}"]
    static let pieces = ["[[", "]]", "|", "#", "calendar", "tunis", "../events/tunis.md", "[t](", ")", "![i](", "*", "_", "`", "\n",
                         "\n\n", "> ", "- ", "1. ", "# ", "<div>", "</div>", "<script>", "|a|b|\n|-|-|\n", "[^1]", "[^1]: n", "\\", "&amp;", "é", "\t"]

    func testRandomBytesGiveAPageOrADiagnostic() {
        var generator = SeededGenerator(state: seed)
        for iteration in 0..<iterations {
            let count = Int.random(in: 0...300, using: &generator)
            var bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            if iteration % 2 == 0 { bytes = Array("---\n".utf8) + bytes }
            let text = String(decoding: bytes, as: UTF8.self)
            let file = SourceFile(displayPath: "f.fr.md", relativePath: "s/f.fr.md", section: "s", slug: "f", language: "fr", isIndex: false, text: text)
            for kind in [SectionConfig.Kind.entry, .event] {
                let parsed = FrontMatterParser.parse(file, kind: kind)
                XCTAssertTrue(parsed.metadata != nil || parsed.diagnostics.hasErrors, "seed \(seed), iteration \(iteration): neither a page nor an error")
            }
        }
    }

    func testNearValidFilesBuildOrFailWithLocatedErrors() throws {
        var generator = SeededGenerator(state: seed &+ 1)
        let site = try FixtureSite("minimal")
        defer { site.remove() }
        let original = try String(contentsOf: site.content.appendingPathComponent("recommendations/calendar.fr.md"), encoding: .utf8)
        for iteration in 0..<max(1, iterations / 5) {
            var lines = ["---", "title: Titre"]
            for _ in 0..<Int.random(in: 0...5, using: &generator) {
                lines.append("\(Self.keys.randomElement(using: &generator)!): \(Self.values.randomElement(using: &generator)!)")
            }
            lines.append(Bool.random(using: &generator) ? "---" : "--")
            var text = lines.joined(separator: "\n") + "\n"
            text += (0..<Int.random(in: 0...30, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            // A few byte-level mutations.
            var scalars = Array(text.unicodeScalars)
            for _ in 0..<Int.random(in: 0...3, using: &generator) where !scalars.isEmpty {
                let position = Int.random(in: 0..<scalars.count, using: &generator)
                switch Int.random(in: 0...2, using: &generator) {
                case 0: scalars.remove(at: position)
                case 1: scalars.insert(["\t", ":", "-", "[", "\"", "\n", "#"].randomElement(using: &generator)!, at: position)
                default: scalars.swapAt(position, Int.random(in: 0..<scalars.count, using: &generator))
                }
            }
            text = String(String.UnicodeScalarView(scalars))
            let kind = Bool.random(using: &generator)
            let path = kind ? "events/tunis.fr.md" : "recommendations/calendar.fr.md"
            try site.write(path, text)
            let report = site.build(output: site.root.appendingPathComponent("out"))
            if !report.succeeded {
                XCTAssertTrue(report.diagnostics.hasErrors, "seed \(seed), iteration \(iteration): failed without an error\n\(text)")
                // Located: a line of the file (whole-file errors, without one, are for links and FIFOs, not text).
                XCTAssertTrue(report.diagnostics.errors.allSatisfy { $0.location.hasLine }, "seed \(seed), iteration \(iteration)")
            }
            try site.write("recommendations/calendar.fr.md", original)
            try site.write("events/tunis.fr.md", "---\ntitle: \"Sommet de Tunis\"\nstart: 2005-11-16\nend: 2005-11-18\n---\n\nLe sommet.\n")
        }
    }

    func testRandomReferencesAndBodiesNeverCrashTheResolver() {
        var generator = SeededGenerator(state: seed &+ 2)
        let index = ReferenceIndex(entryIDs: ["recommendations/calendar", "events/tunis", "projects/tunis"], languages: ["fr", "en"])
        let renderer = MarkdownRenderer(unsafeHTML: false)
        for _ in 0..<iterations {
            let reference = (0..<Int.random(in: 0...6, using: &generator)).map { _ in
                ["calendar", "tunis", "/", "..", "#", ".md", ".fr", "events", "", " ", "é", "\u{0}"].randomElement(using: &generator)!
            }.joined()
            _ = index.resolve(reference)
            _ = index.resolve(filePath: reference, from: "recommendations/calendar.fr.md")
            let body = (0..<Int.random(in: 0...40, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            let output = renderer.render(body[...], path: "p.md", firstLine: 1, resolve: { request in
                if case let .reference(text) = request.target, case let .success(id) = index.resolve(text) {
                    return .success(.init(url: id.rawValue + "/index.html", title: id.rawValue))
                }
                return .failure(.error(request.location, "unresolved"))
            }, resolveAsset: { _ in nil })
            // Every diagnostic points into the body (one line per newline, plus the first).
            let lines = body.split(separator: "\n", omittingEmptySubsequences: false).count
            XCTAssertTrue(output.diagnostics.allSatisfy { $0.location.line <= lines }, "seed \(seed): \(output.diagnostics) for \(body.debugDescription)")
        }
    }
}
