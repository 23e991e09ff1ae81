import Foundation
import XCTest
@testable import PasserelleContent

/// The flat parser reads what it reads exactly as Yams does (values, styles and marks), and
/// leaves everything else to Yams.
final class FlatYAMLParserTests: XCTestCase {
    /// Yams' tree of `text`, which must parse.
    private func composed(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> YAMLNode? {
        let document = YAMLDocument(composing: text, path: "a.md")
        XCTAssertEqual(document.diagnostics, [], text, file: file, line: line)
        return document.root
    }

    func testReadsTheFlatFormAsYamsDoes() throws {
        let texts = [
            "title: Un titre\n",
            "title: \"Zèbre: « quoted » # not a comment\"\nweight: 12\n",
            "title: 'single \"quotes\" and a # too'\nsummary:   spaced   out   \n",
            "title: x\nrelated: [action-plan/act-001155, events/eve-000614]\n",
            "title: x\ntags: []\naliases: [ \"a, b\" , 'c' ,d ]\n",
            "# a comment first\n\ntitle: après l’été\n\n# between\nurl: https://example.org/a?b=c#d\n",
            "title: x\ntags:\n  - un\n  - \"deux\"\n  - 'trois'\nweight: -3\n",
            "title: x\ntags:\n- one\n- two\n",
            "title: a [b] {c}, d\nstart: 2005-11-16T09:00\nend: ---\nnote: ...\n",
            "title: 😀 émoji\nlocation: Tunis, Tunisia\n",
            "title: ratio 1:2 and a#b\n",
            "title: \"\"\n",
            "title: x",
        ]
        for text in texts {
            let flat = try XCTUnwrap(FlatYAMLParser.parse(text), text)
            XCTAssertEqual(flat, composed(text), text)
        }
    }

    func testLeavesEverythingElseToYams() {
        let texts = [
            "", "# only a comment\n", "title:\n", "title: x\nsummary:\nweight: 2\n",
            "title: {fr: Titre, en: Title}\n", "title:\n  fr: Titre\n", "title: \"a \\\"b\\\"\"\n", "title: 'it''s'\n",
            "title: a\n  continued\n", "title: \"two\n  lines\"\n", "title: x # comment\n", "title: \"x\" # comment\n",
            "title: &a x\nsummary: *a\n", "title: !!str x\n", "title: |\n  block\n", "title: >\n  folded\n",
            "title: a\ntitle: b\n", "title:\tx\n", "title: a\u{85}b\n", "title: a\u{2028}b\n", "\u{FEFF}title: x\n",
            "title: a\u{7}b\n", "title:x\n", "\"title\": x\n", "2003: x\n", "- a\n- b\n", "title: x\n- a\n",
            "title: x\ntags:\n  - a\n    - b\n", "title: x\ntags:\n  - a\n - b\n", "tags: [a, [b]]\n", "tags: [a, ]\n",
            "tags: [a, b] trailing\n", "tags: [a: b]\n", "tags: [unclosed\n", "title: - x\n", "title: ? x\n", "title: @x\n",
            "title: `x`\n", "title: %x\n", "title: a: b\n", "title: ends with:\n", "---\ntitle: x\n", "title: x\r\n",
            "tags:\n  -\n", "tags:\n  - a: b\n",
        ]
        for text in texts {
            XCTAssertNil(FlatYAMLParser.parse(text), text)
        }
    }

    /// Every front matter of the isv2003 site and of the test fixtures reads the same through
    /// either parser, and the flat one reads nearly all of them.
    func testTheSitesFrontMatterReadsAsYamsReadsIt() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        var read = 0, total = 0
        for folder in ["content", "Tests/PasserelleCoreTests/Fixtures"] {
            let files = FileManager.default.enumerator(at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil)!
            for case let url as URL in files where url.pathExtension == "md" {
                let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
                guard lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") else { continue }
                let yaml = lines[1..<end].joined(separator: "\n")
                total += 1
                guard let flat = FlatYAMLParser.parse(yaml) else { continue }
                read += 1
                XCTAssertEqual(flat, composed(yaml), url.path)
            }
        }
        XCTAssertGreaterThan(total, 100)
        XCTAssertGreaterThan(read, total * 9 / 10, "the flat parser reads \(read) of \(total) front matters")
    }

    /// Random lines of keys, values and YAML's special characters: whatever the flat parser
    /// reads, Yams reads without error, to the same tree.
    func testRandomTextsReadAsYamsReadsThem() {
        var random = SeededGenerator(state: 5545)
        let keys = ["title", "summary", "tags", "related", "url", "a-b", "x_y", "2", "-k", "\"q\"", ""]
        let words = ["a", "é", "😀", "Tunis 2005", "l’été", "x"]
        let specials = [" ", "  ", ":", ": ", "#", " #", "\"", "'", "''", "\\", "[", "]", ",", ", ", "{", "}", "-", "- ", "&",
                        "*", "!", "|", ">", "%", "@", "`", "~", "null", "\t", "\u{85}", "---", "...", "?"]
        func value() -> String {
            (0..<Int.random(in: 0...4, using: &random)).map { _ in
                Int.random(in: 0..<10, using: &random) < 6 ? words.randomElement(using: &random)! : specials.randomElement(using: &random)!
            }.joined()
        }
        func quoted() -> String {
            switch Int.random(in: 0..<6, using: &random) {
            case 0: return "\"" + value() + "\""
            case 1: return "'" + value() + "'"
            default: return value()
            }
        }
        var read = 0
        for _ in 0..<10000 {
            var lines: [String] = []
            for _ in 0..<Int.random(in: 1...5, using: &random) {
                switch Int.random(in: 0..<12, using: &random) {
                case 0: lines.append("")
                case 1: lines.append("# " + value())
                case 2: lines.append(String(repeating: " ", count: Int.random(in: 0...3, using: &random)) + "- " + quoted())
                case 3:
                    lines.append(keys.randomElement(using: &random)! + ":")
                    let indent = String(repeating: " ", count: Int.random(in: 0...3, using: &random))
                    for _ in 0..<Int.random(in: 0...3, using: &random) { lines.append(indent + "- " + quoted()) }
                case 4: lines.append(keys.randomElement(using: &random)! + ": [" + (0..<Int.random(in: 0...3, using: &random)).map { _ in quoted() }
                                        .joined(separator: Bool.random(using: &random) ? ", " : ",") + "]")
                default: lines.append(keys.randomElement(using: &random)! + ":" + (Int.random(in: 0..<8, using: &random) > 0 ? " " : "") + quoted())
                }
            }
            let text = lines.joined(separator: "\n")
            guard let flat = FlatYAMLParser.parse(text) else { continue }
            read += 1
            XCTAssertEqual(flat, composed(text), text)
        }
        XCTAssertGreaterThan(read, 800, "the random texts should often be of the flat form")
    }
}
