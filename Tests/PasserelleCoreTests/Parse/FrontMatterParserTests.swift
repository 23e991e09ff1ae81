import XCTest
@testable import PasserelleCore
@testable import PasserelleIncremental
@testable import PasserellePages
@testable import PasserelleResolve
@testable import PasserelleTemplates

/// Table-driven: each broken front matter gives exactly one located diagnostic.
final class FrontMatterParserTests: XCTestCase {
    func parse(_ text: String, kind: SectionConfig.Kind = .entry) -> FrontMatterParser.Parsed {
        let file = SourceFile(displayPath: "content/s/x.fr.md", relativePath: "s/x.fr.md", section: "s", slug: "x",
                              language: "fr", isIndex: false, text: text)
        return FrontMatterParser.parse(file, kind: kind)
    }

    func testValidFrontMatter() throws {
        let parsed = parse("---\ntitle: \"Titre\"\nweight: 3\ntags: [a, b]\nrelated: [x/y]\ndate: 2005-11-16\n---\nCorps\n")
        let meta = try XCTUnwrap(parsed.metadata)
        XCTAssertEqual(meta.title, "Titre")
        XCTAssertEqual(meta.weight, 3)
        XCTAssertEqual(meta.tags, ["a", "b"])
        XCTAssertEqual(meta.related.map(\.text), ["x/y"])
        XCTAssertEqual(meta.related.first?.location, SourceLocation(path: "content/s/x.fr.md", line: 5, column: 11))
        XCTAssertEqual(meta.date?.iso, "2005-11-16")
        XCTAssertEqual(parsed.body, "Corps\n")
        XCTAssertEqual(parsed.bodyFirstLine, 8)
        XCTAssertTrue(parsed.diagnostics.isEmpty)
    }

    func testEventFields() throws {
        let meta = try XCTUnwrap(parse("---\ntitle: T\nstart: 2005-11-16T09:00\nend: 2005-11-16T17:30\ntimezone: Africa/Tunis\nstatus: tentative\nrecurrence: yearly\n---\n", kind: .event).metadata)
        XCTAssertEqual(meta.event?.start.minuteOfDay, 9 * 60)
        XCTAssertEqual(meta.event?.status, .tentative)
        XCTAssertEqual(meta.event?.recurrence, .yearly)
        XCTAssertEqual(meta.event?.timezone, "Africa/Tunis")
    }

    func testLocalTimesThatDoNotExistOrOccurTwiceAreWarnedAtTheirLine() {
        let gap = parse("---\ntitle: T\nstart: 2005-03-27T02:30\ntimezone: Europe/Paris\n---\n", kind: .event)
        XCTAssertEqual(gap.diagnostics.map(\.formatted), ["content/s/x.fr.md:3:8: warning: 'start' 2005-03-27T02:30 does not exist in Europe/Paris (the clocks go forward that night): calendars read it as 2005-03-27T03:30+02:00; write that time instead"])
        let twice = parse("---\ntitle: T\nstart: 2005-10-30T01:00\nend: 2005-10-30T02:30\ntimezone: Europe/Paris\n---\n", kind: .event)
        XCTAssertEqual(twice.diagnostics.map(\.formatted), ["content/s/x.fr.md:4:6: warning: 'end' 2005-10-30T02:30 occurs twice in Europe/Paris (the clocks go back that night): calendars read it as the first, 2005-10-30T02:30+02:00; the second is 2005-10-30T02:30+01:00"])
        XCTAssertTrue(parse("---\ntitle: T\nstart: 2005-03-27T03:30\ntimezone: Europe/Paris\n---\n", kind: .event).diagnostics.isEmpty)
    }

    func testALinkOfAnotherSchemeIsLeftOutWithAWarning() {
        let parsed = parse("---\ntitle: T\nstart: 2005-11-16\nurl: \"javascript:alert(1)\"\n---\n", kind: .event)
        XCTAssertNil(parsed.metadata?.url)
        XCTAssertEqual(parsed.diagnostics.map(\.formatted), ["content/s/x.fr.md:4:6: warning: 'url' 'javascript:alert(1)' is left out: only http, https and mailto links and relative links are published"])
    }

    func testDiagnostics() {
        let cases: [(String, SectionConfig.Kind, String)] = [
            ("", .entry, "content/s/x.fr.md:1:1: error: empty file: a content file starts with front matter between '---' lines, with at least a title"),
            ("Bonjour\n", .entry, "content/s/x.fr.md:1:1: error: missing front matter: the file must start with a '---' line, then YAML with at least 'title', then '---'"),
            ("---\ntitle: x\n", .entry, "content/s/x.fr.md:1:1: error: front matter is not closed: add a '---' line after the YAML"),
            ("---\nsummary: x\n---\n", .entry, "content/s/x.fr.md:2:1: error: missing required key 'title' in front matter"),
            ("---\ntitle: x\ntilte: y\n---\n", .entry, "content/s/x.fr.md:3:1: error: unknown key 'tilte' in front matter (did you mean 'title'?)"),
            ("---\ntitle: x\nweight: heavy\n---\n", .entry, "content/s/x.fr.md:3:9: error: 'weight' must be a whole number"),
            ("---\ntitle: x\ndate: 2005-02-30\n---\n", .entry, "content/s/x.fr.md:3:7: error: 'date' is not a valid date: '2005-02-30' (expected YYYY-MM-DD or YYYY-MM-DDTHH:MM)"),
            ("---\n- a\n- b\n---\n", .entry, "content/s/x.fr.md:2:1: error: front matter must be a mapping of keys to values, not a list"),
            ("---\ntitle: x\ntitle: y\n---\n", .entry, "content/s/x.fr.md:3:1: error: duplicate key 'title'"),
            ("---\ntitle: x\n---\n", .event, "content/s/x.fr.md:2:1: error: missing required key 'start' in an event's front matter"),
            ("---\ntitle: x\nstart: 2005-11-18\nend: 2005-11-16\n---\n", .event, "content/s/x.fr.md:4:6: error: 'end' (2005-11-16) is before 'start' (2005-11-18)"),
            ("---\ntitle: x\nstart: 2005-11-18\nstatus: confirmd\n---\n", .event, "content/s/x.fr.md:4:9: error: unknown status 'confirmd': use confirmed, tentative or cancelled (did you mean 'confirmed'?)"),
            ("---\ntitle: x\nstart: 2005-11-16T09:00\ntimezone: Africa/Tunsi\n---\n", .event, "content/s/x.fr.md:4:11: error: unknown time zone 'Africa/Tunsi' (did you mean 'Africa/Tunis'?)"),
            ("---\ntitle: x\nstart: 2005-02-30\n---\n", .event, "content/s/x.fr.md:3:8: error: 'start' is not a valid date: '2005-02-30' (expected YYYY-MM-DD or YYYY-MM-DDTHH:MM)"),
            ("---\ntitle: x\nslug: ../etc\n---\n", .entry, "content/s/x.fr.md:3:7: error: unsafe slug '../etc': use letters, digits and '-', without '/', '\\\\', '..' or '%'"),
            ("---\ntitle: x\n\tweight: 1\n---\n", .entry, "content/s/x.fr.md:3:1: error: tab character used for indentation: YAML needs spaces"),
            ("---\ntitle: [unclosed\n---\n", .entry, "content/s/x.fr.md:3:1: error: invalid YAML: did not find expected ',' or ']' while parsing a flow sequence"),
        ]
        for (text, kind, expected) in cases {
            let parsed = parse(text, kind: kind)
            XCTAssertNil(parsed.metadata, text)
            XCTAssertEqual(parsed.diagnostics.map(\.formatted), [expected], text)
        }
    }
}
