import XCTest
@testable import PasserelleModel

final class DiagnosticTests: XCTestCase {
    func testADiagnosticIsFormattedAsCompilersDo() {
        let located = Diagnostic.error(SourceLocation(path: "content/a.fr.md", line: 3, column: 7), "unknown key 'titel'")
        XCTAssertEqual(located.formatted, "content/a.fr.md:3:7: error: unknown key 'titel'")
        XCTAssertEqual(Diagnostic.warning(.file("content/b.md"), "ignored").formatted, "content/b.md: warning: ignored")
    }

    func testLocationsStartAtOneUnlessTheyNameAWholeFile() {
        let clamped = SourceLocation(path: "p", line: -4, column: 0)
        XCTAssertEqual([clamped.line, clamped.column], [1, 1])
        XCTAssertTrue(clamped.hasLine)
        XCTAssertFalse(SourceLocation.file("p").hasLine)
        XCTAssertEqual(SourceLocation.recorded(path: "p", line: 0, column: 0), .file("p"))
        XCTAssertEqual(SourceLocation.recorded(path: "p", line: 2, column: 5), SourceLocation(path: "p", line: 2, column: 5))
    }

    func testDiagnosticsSortByPlaceThenMessage() {
        let a = Diagnostic.error(SourceLocation(path: "a", line: 2), "z")
        let b = Diagnostic.warning(SourceLocation(path: "a", line: 10), "a")
        let c = Diagnostic.error(SourceLocation(path: "b", line: 1), "a")
        XCTAssertEqual([c, b, a].sorted(), [a, b, c], "line 2 before line 10: numbers, not text")
        XCTAssertTrue([a, b].hasErrors)
        XCTAssertFalse([b].hasErrors)
        XCTAssertEqual([a, b, c].warnings, [b])
        XCTAssertEqual([a, b, c].errors, [a, c])
    }
}
