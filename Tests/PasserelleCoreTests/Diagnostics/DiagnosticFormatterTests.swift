import XCTest
@testable import PasserelleCore
@testable import PasserelleIncremental
@testable import PasserellePages
@testable import PasserelleResolve
@testable import PasserelleTemplates

final class DiagnosticFormatterTests: XCTestCase {
    let diagnostic = Diagnostic.error(SourceLocation(path: "content/a.fr.md", line: 6, column: 12), "unresolved reference 'zebr'")

    func testAnnotatedWithSourceLineAndCaret() {
        let text = DiagnosticFormatter.text(diagnostic, annotate: true) { _ in "Voir [[x]] [[zebr]]." }
        XCTAssertEqual(text, "content/a.fr.md:6:12: error: unresolved reference 'zebr'\nVoir [[x]] [[zebr]].\n           ^")
        XCTAssertEqual(DiagnosticFormatter.text(diagnostic, annotate: false) { _ in "x" }, diagnostic.formatted)
        XCTAssertEqual(DiagnosticFormatter.text(diagnostic, annotate: true) { _ in nil }, diagnostic.formatted)
    }

    func testJSON() throws {
        let json = DiagnosticFormatter.json([diagnostic, .warning(SourceLocation(path: "p\"q"), "a\nb")])
        let decoded = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        XCTAssertEqual(decoded.count, 2)
        XCTAssertEqual(decoded[1]["path"] as? String, "p\"q")
        XCTAssertEqual(decoded[1]["message"] as? String, "a\nb")
        XCTAssertEqual(decoded[0]["column"] as? Int, 12)
    }

    func testControlCharactersFromContentNeverReachTheTerminal() {
        let diagnostic = Diagnostic.error(SourceLocation(path: "a\u{1B}[2J.md", line: 2, column: 3), "unknown key 'x\u{1B}]0;pwned\u{07}'")
        let text = DiagnosticFormatter.text(diagnostic, annotate: true) { _ in "line\u{9B}31m\rcarriage" }
        XCTAssertFalse(text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) }, text.debugDescription)
        XCTAssertTrue(text.hasPrefix("a\\u{1B}[2J.md:2:3: error: unknown key 'x\\u{1B}]0;pwned\\u{7}'"), text)
    }

    func testAWholeFileDiagnosticHasNoLineAndShowsNoSource() {
        let diagnostic = Diagnostic.error(.file("content/events/x.fr.md"), "a FIFO")
        XCTAssertEqual(DiagnosticFormatter.text(diagnostic, annotate: true) { _ in XCTFail("no line to read"); return nil },
                       "content/events/x.fr.md: error: a FIFO")
        XCTAssertTrue(DiagnosticFormatter.json(diagnostic).contains(#""line":0,"column":0"#))
    }
}
