import XCTest
@testable import PasserelleCore

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
}
