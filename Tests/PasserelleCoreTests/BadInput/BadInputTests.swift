import Foundation
import XCTest
@testable import PasserelleCore
@testable import PasserelleIncremental
@testable import PasserellePages
@testable import PasserelleResolve
@testable import PasserelleTemplates

/// One broken change to the minimal fixture site, and the exact errors it must produce.
struct BadInputCase {
    let name: String
    /// Files to write, relative to `content/` (or to the theme, prefixed `theme:`).
    var writes: [(String, Data)] = []
    /// Text replacements (file, of, with) in existing files.
    var edits: [(String, String, String)] = []
    var removals: [String] = []
    /// Every error, in the order they are printed.
    let expected: [String]
}

/// The bad-input suite: each case breaks the minimal site one way; the build must fail with exit
/// code 1 and exactly the expected `path:line:column: error:` lines, and leave `output/` byte-identical.
final class BadInputTests: XCTestCase {
    static let cases: [BadInputCase] = [
        BadInputCase(name: "no closing front matter delimiter",
            writes: [("recommendations/calendar.fr.md", Data("---\ntitle: x\n\nCorps\n".utf8))],
            expected: [
            "content/recommendations/calendar.fr.md:1:1: error: front matter is not closed: add a '---' line after the YAML",
        ]),
        BadInputCase(name: "invalid YAML",
            writes: [("recommendations/calendar.fr.md", Data("---\ntitle: [x\nweight: 1\n---\n".utf8))],
            expected: [
            "content/recommendations/calendar.fr.md:3:7: error: invalid YAML: did not find expected ',' or ']' while parsing a flow sequence",
        ]),
        BadInputCase(name: "front matter that is a list",
            writes: [("recommendations/calendar.fr.md", Data("---\n- a\n- b\n---\n".utf8))],
            expected: [
            "content/recommendations/calendar.fr.md:2:1: error: front matter must be a mapping of keys to values, not a list",
        ]),
        BadInputCase(name: "front matter that is a single value",
            writes: [("recommendations/calendar.fr.md", Data("---\njust text\n---\n".utf8))],
            expected: [
            "content/recommendations/calendar.fr.md:2:1: error: front matter must be a mapping of keys to values, not a single value",
        ]),
        BadInputCase(name: "tab indentation",
            writes: [("recommendations/calendar.fr.md", Data("---\ntitle: x\n\tweight: 1\n---\n".utf8))],
            expected: [
            "content/recommendations/calendar.fr.md:3:1: error: tab character used for indentation: YAML needs spaces",
        ]),
        BadInputCase(name: "duplicate key",
            writes: [("recommendations/calendar.fr.md", Data("---\ntitle: x\nweight: 1\ntitle: y\n---\n".utf8))],
            expected: [
            "content/recommendations/calendar.fr.md:4:1: error: duplicate key 'title'",
        ]),
        BadInputCase(name: "unknown key with did-you-mean",
            writes: [("recommendations/calendar.fr.md", Data("---\ntitle: x\nsumary: y\n---\n".utf8))],
            expected: [
            "content/recommendations/calendar.fr.md:3:1: error: unknown key 'sumary' in front matter (did you mean 'summary'?)",
        ]),
        BadInputCase(name: "weight is not a number",
            writes: [("recommendations/calendar.fr.md", Data("---\ntitle: x\nweight: one\n---\n".utf8))],
            expected: [
            "content/recommendations/calendar.fr.md:3:9: error: 'weight' must be a whole number",
        ]),
        BadInputCase(name: "tags is a mapping",
            writes: [("recommendations/calendar.fr.md", Data("---\ntitle: x\ntags: {a: b}\n---\n".utf8))],
            expected: [
            "content/recommendations/calendar.fr.md:3:7: error: 'tags' must be a list of texts",
        ]),
        BadInputCase(name: "draft is not a boolean",
            writes: [("recommendations/calendar.fr.md", Data("---\ntitle: x\ndraft: perhaps\n---\n".utf8))],
            expected: [
            "content/recommendations/calendar.fr.md:3:8: error: 'draft' must be true or false",
        ]),
        BadInputCase(name: "title is a list",
            writes: [("recommendations/calendar.fr.md", Data("---\ntitle: [a, b]\n---\n".utf8))],
            expected: [
            "content/recommendations/calendar.fr.md:2:8: error: 'title' must be a text, not a list",
        ]),
        BadInputCase(name: "missing title",
            writes: [("recommendations/calendar.fr.md", Data("---\nsummary: x\n---\n".utf8))],
            expected: [
            "content/recommendations/calendar.fr.md:2:1: error: missing required key 'title' in front matter",
        ]),
        BadInputCase(name: "empty title",
            writes: [("recommendations/calendar.fr.md", Data("---\ntitle: \"  \"\n---\n".utf8))],
            expected: [
            "content/recommendations/calendar.fr.md:2:8: error: 'title' must not be empty",
        ]),
        BadInputCase(name: "empty file",
            writes: [("recommendations/calendar.fr.md", Data("".utf8))],
            expected: [
            "content/recommendations/calendar.fr.md:1:1: error: empty file: a content file starts with front matter between '---' lines, with at least a title",
        ]),
        BadInputCase(name: "no front matter",
            writes: [("recommendations/calendar.fr.md", Data("Juste du texte.\n".utf8))],
            expected: [
            "content/recommendations/calendar.fr.md:1:1: error: missing front matter: the file must start with a '---' line, then YAML with at least 'title', then '---'",
        ]),
        BadInputCase(name: "empty front matter",
            writes: [("recommendations/calendar.fr.md", Data("---\n---\nCorps\n".utf8))],
            expected: [
            "content/recommendations/calendar.fr.md:1:1: error: front matter is empty: it needs at least 'title'",
        ]),
        BadInputCase(name: "invalid UTF-8",
            writes: [("recommendations/calendar.fr.md", Data([45, 45, 45, 10, 116, 105, 116, 108, 101, 58, 32, 120, 10, 45, 45, 45, 10, 10, 67, 97, 102, 233, 32, 97, 117, 32, 108, 97, 105, 116, 10]))],
            expected: [
            "content/recommendations/calendar.fr.md:5:1: error: file is not valid UTF-8",
        ]),
        BadInputCase(name: "unknown language in a file name",
            writes: [("recommendations/calendar.de.md", Data("---\ntitle: x\n---\n".utf8))],
            expected: [
            "content/recommendations/calendar.de.md:1:1: error: unknown language 'de' in file name 'calendar.de.md' (did you mean 'en' or 'fr'?)",
        ]),
        BadInputCase(name: "no language in a file name",
            writes: [("recommendations/notes.md", Data("---\ntitle: x\n---\n".utf8))],
            expected: [
            "content/recommendations/notes.md:1:1: error: file name 'notes.md' has no language code: name it 'notes.fr.md'",
        ]),
        BadInputCase(name: "file names differing only in case",
            writes: [("recommendations/Calendar.fr.md", Data("---\ntitle: x\n---\n".utf8))],
            expected: [
            "content/recommendations/calendar.fr.md:1:1: error: 'recommendations/calendar.fr.md' and 'recommendations/Calendar.fr.md' differ only in case: they are the same file on many systems; rename one",
        ]),
        BadInputCase(name: "slug with dot-dot",
            writes: [("recommendations/calendar.fr.md", Data("---\ntitle: x\nslug: ../../etc\n---\n".utf8))],
            expected: [
            "content/recommendations/calendar.fr.md:3:7: error: unsafe slug '../../etc': use letters, digits and '-', without '/', '\\\\', '..' or '%'",
        ]),
        BadInputCase(name: "slug with a slash",
            writes: [("recommendations/calendar.fr.md", Data("---\ntitle: x\nslug: a/b\n---\n".utf8))],
            expected: [
            "content/recommendations/calendar.fr.md:3:7: error: unsafe slug 'a/b': use letters, digits and '-', without '/', '\\\\', '..' or '%'",
        ]),
        BadInputCase(name: "slug with a backslash",
            writes: [("recommendations/calendar.fr.md", Data("---\ntitle: x\nslug: 'a\\b'\n---\n".utf8))],
            expected: [
            "content/recommendations/calendar.fr.md:3:7: error: unsafe slug 'a\\b': use letters, digits and '-', without '/', '\\\\', '..' or '%'",
        ]),
        BadInputCase(name: "slug with encoded dots",
            writes: [("recommendations/calendar.fr.md", Data("---\ntitle: x\nslug: '%2e%2e'\n---\n".utf8))],
            expected: [
            "content/recommendations/calendar.fr.md:3:7: error: unsafe slug '%2e%2e': use letters, digits and '-', without '/', '\\\\', '..' or '%'",
        ]),
        BadInputCase(name: "slug that is an absolute path",
            writes: [("recommendations/calendar.fr.md", Data("---\ntitle: x\nslug: /etc\n---\n".utf8))],
            expected: [
            "content/recommendations/calendar.fr.md:3:7: error: unsafe slug '/etc': use letters, digits and '-', without '/', '\\\\', '..' or '%'",
        ]),
        BadInputCase(name: "slug with a control character",
            writes: [("recommendations/calendar.fr.md", Data("---\ntitle: x\nslug: \"a\\x07b\"\n---\n".utf8))],
            expected: [
            "content/recommendations/calendar.fr.md:3:7: error: unsafe slug 'a\\u{7}b': use letters, digits and '-', without '/', '\\\\', '..' or '%'",
        ]),
        BadInputCase(name: "alias with dot-dot",
            writes: [("recommendations/calendar.fr.md", Data("---\ntitle: x\naliases: [/old/../../etc/x]\n---\n".utf8))],
            expected: [
            "content/recommendations/calendar.fr.md:3:11: error: unsafe alias '/old/../../etc/x': use a path of letters, digits, '-' and '/', without '..', '\\\\' or '%'",
        ]),
        BadInputCase(name: "alias with encoded dots",
            writes: [("recommendations/calendar.fr.md", Data("---\ntitle: x\naliases: ['/%2e%2e/x']\n---\n".utf8))],
            expected: [
            "content/recommendations/calendar.fr.md:3:11: error: unsafe alias '/%2e%2e/x': use a path of letters, digits, '-' and '/', without '..', '\\\\' or '%'",
        ]),
        BadInputCase(name: "alias with a backslash",
            writes: [("recommendations/calendar.fr.md", Data("---\ntitle: x\naliases: ['\\\\server\\share']\n---\n".utf8))],
            expected: [
            "content/recommendations/calendar.fr.md:3:11: error: unsafe alias '\\\\server\\share': use a path of letters, digits, '-' and '/', without '..', '\\\\' or '%'",
        ]),
        BadInputCase(name: "two slugs to one URL",
            writes: [("recommendations/other.fr.md", Data("---\ntitle: Autre\nslug: calendar\n---\n".utf8)), ("recommendations/other.en.md", Data("---\ntitle: Other\n---\n".utf8))],
            expected: [
            "content/recommendations/other.fr.md:1:1: error: 'recommendations/other' and 'recommendations/calendar' are both written to 'fr/recommandations/calendar/index.html' (see content/recommendations/calendar.fr.md); give one of them another slug",
        ]),
        BadInputCase(name: "section slug equal to a generated page's",
            edits: [("site.yaml", "slug: { fr: recommandations", "slug: { fr: recherche")],
            expected: [
            "content/site.yaml:1:1: error: 2 pages are written to 'fr/recherche/index.html': a section slug is probably the same as a generated page's (change 'slug' under 'sections' or 'paths')",
        ]),
        BadInputCase(name: "alias onto a page",
            writes: [("recommendations/calendar.fr.md", Data("---\ntitle: x\naliases: [/en/index.html]\n---\n".utf8))],
            expected: [
            "content/recommendations/calendar.fr.md:3:11: error: alias 'en/index.html' collides with a page of the site",
        ]),
        BadInputCase(name: "alias onto another alias",
            writes: [("recommendations/calendar.fr.md", Data("---\ntitle: x\naliases: [/old/page.htm]\n---\n".utf8)), ("events/tunis.fr.md", Data("---\ntitle: T\nstart: 2005-11-16\naliases: [/old/page.htm]\n---\n".utf8))],
            expected: [
            "content/recommendations/calendar.fr.md:3:11: error: alias 'old/page.htm' is also an alias at content/events/tunis.fr.md:4:11",
        ]),
        BadInputCase(name: "reference to a missing anchor",
            writes: [("recommendations/calendar.fr.md", Data("---\ntitle: x\n---\n\nVoir [[calendar#nulle-part]].\n\n## Dates\n".utf8))],
            expected: [
            "content/recommendations/calendar.fr.md:5:8: error: no heading '#nulle-part' in 'recommendations/calendar'",
        ]),
        BadInputCase(name: "unresolved reference with did-you-mean",
            writes: [("recommendations/calendar.fr.md", Data("---\ntitle: x\n---\n\nVoir [[tunsi]].\n".utf8))],
            expected: [
            "content/recommendations/calendar.fr.md:5:8: error: unresolved reference 'tunsi' (did you mean 'events/tunis'?)",
        ]),
        BadInputCase(name: "ambiguous reference",
            writes: [("events/calendar.fr.md", Data("---\ntitle: C\nstart: 2005-01-01\n---\n".utf8)), ("events/calendar.en.md", Data("---\ntitle: C\nstart: 2005-01-01\n---\n".utf8)), ("recommendations/calendar.fr.md", Data("---\ntitle: x\n---\n\nVoir [[calendar]].\n".utf8))],
            expected: [
            "content/recommendations/calendar.fr.md:5:8: error: ambiguous reference 'calendar': it could be 'events/calendar' or 'recommendations/calendar'; write the full id",
        ]),
        BadInputCase(name: "broken relative link to a content file",
            writes: [("recommendations/calendar.fr.md", Data("---\ntitle: x\n---\n\nVoir [le sommet](../events/tunisie.fr.md).\n".utf8))],
            expected: [
            "content/recommendations/calendar.fr.md:5:18: error: unresolved reference '../events/tunisie.fr.md' (did you mean 'events/tunis'?)",
        ]),
        BadInputCase(name: "unresolved related",
            writes: [("recommendations/calendar.fr.md", Data("---\ntitle: x\nrelated: [events/tunis, nowhere]\n---\n".utf8))],
            expected: [
            "content/recommendations/calendar.fr.md:3:25: error: unresolved reference 'nowhere'",
        ]),
        BadInputCase(name: "reference to a draft",
            writes: [("events/tunis.fr.md", Data("---\ntitle: T\nstart: 2005-11-16\ndraft: true\n---\n".utf8)), ("events/tunis.en.md", Data("---\ntitle: T\nstart: 2005-11-16\ndraft: true\n---\n".utf8))],
            expected: [
            "content/recommendations/calendar.en.md:8:7: error: reference 'tunis' leads to a draft, which this build leaves out (build with --drafts, or publish it)",
            "content/recommendations/calendar.fr.md:8:8: error: reference 'tunis' leads to a draft, which this build leaves out (build with --drafts, or publish it)",
        ]),
        BadInputCase(name: "undeclared section folder",
            writes: [("news/today.fr.md", Data("---\ntitle: x\n---\n".utf8))],
            expected: [
            "content/news:1:1: error: section folder 'news' is not declared in site.yaml",
        ]),
        BadInputCase(name: "event without start",
            writes: [("events/tunis.fr.md", Data("---\ntitle: T\n---\n".utf8))],
            expected: [
            "content/events/tunis.fr.md:2:1: error: missing required key 'start' in an event's front matter",
        ]),
        BadInputCase(name: "event ending before it starts",
            writes: [("events/tunis.fr.md", Data("---\ntitle: T\nstart: 2005-11-18\nend: 2005-11-16\n---\n".utf8))],
            expected: [
            "content/events/tunis.fr.md:4:6: error: 'end' (2005-11-16) is before 'start' (2005-11-18)",
        ]),
        BadInputCase(name: "30 February",
            writes: [("events/tunis.fr.md", Data("---\ntitle: T\nstart: 2005-02-30\n---\n".utf8))],
            expected: [
            "content/events/tunis.fr.md:3:8: error: 'start' is not a valid date: '2005-02-30' (expected YYYY-MM-DD or YYYY-MM-DDTHH:MM)",
        ]),
        BadInputCase(name: "timed end with an all-day start",
            writes: [("events/tunis.fr.md", Data("---\ntitle: T\nstart: 2005-11-16\nend: 2005-11-16T18:00\n---\n".utf8))],
            expected: [
            "content/events/tunis.fr.md:4:6: error: 'end' must have the same form as 'start' (both dates, or both dates with times)",
        ]),
        BadInputCase(name: "unknown time zone",
            writes: [("events/tunis.fr.md", Data("---\ntitle: T\nstart: 2005-11-16T09:00\ntimezone: Africa/Tunsi\n---\n".utf8))],
            expected: [
            "content/events/tunis.fr.md:4:11: error: unknown time zone 'Africa/Tunsi' (did you mean 'Africa/Tunis'?)",
        ]),
        BadInputCase(name: "unknown status",
            writes: [("events/tunis.fr.md", Data("---\ntitle: T\nstart: 2005-11-16\nstatus: postponed\n---\n".utf8))],
            expected: [
            "content/events/tunis.fr.md:4:9: error: unknown status 'postponed': use confirmed, tentative or cancelled",
        ]),
        BadInputCase(name: "unknown recurrence",
            writes: [("events/tunis.fr.md", Data("---\ntitle: T\nstart: 2005-11-16\nrecurrence: montly\n---\n".utf8))],
            expected: [
            "content/events/tunis.fr.md:4:13: error: unknown recurrence 'montly': use yearly",
        ]),
        BadInputCase(name: "event slug taken by a year page",
            writes: [("events/2005.fr.md", Data("---\ntitle: T\nstart: 2005-11-16\n---\n".utf8)), ("events/2005.en.md", Data("---\ntitle: T\nstart: 2005-11-16\n---\n".utf8))],
            expected: [
            "content/events/2005.en.md:1:1: error: slug '2005' is taken by the calendar page of the year 2005; choose another slug",
            "content/events/2005.fr.md:1:1: error: slug '2005' is taken by the calendar page of the year 2005; choose another slug",
        ]),
        BadInputCase(name: "event key in an entry section",
            writes: [("recommendations/calendar.fr.md", Data("---\ntitle: x\nstart: 2005-11-16\n---\n".utf8))],
            expected: [
            "content/recommendations/calendar.fr.md:3:1: error: 'start' is only for events: this section is not of kind: event",
        ]),
        BadInputCase(name: "site.yaml: unknown key",
            edits: [("site.yaml", "baseURL:", "theme_name: x\nbaseURL:")],
            expected: [
            "content/site.yaml:2:1: error: unknown key 'theme_name' in site.yaml",
        ]),
        BadInputCase(name: "site.yaml: unknown section kind",
            edits: [("site.yaml", "kind: event", "kind: evnt")],
            expected: [
            "content/site.yaml:8:19: error: unknown section kind 'evnt' (did you mean 'event'?)",
        ]),
        BadInputCase(name: "site.yaml: unsafe section slug",
            edits: [("site.yaml", "slug: { fr: evenements", "slug: { fr: ../evenements")],
            expected: [
            "content/site.yaml:8:32: error: unsafe slug '../evenements' for 'fr': use letters, digits and '-'",
        ]),
        BadInputCase(name: "site.yaml: invalid YAML",
            writes: [("site.yaml", Data("title: [\n".utf8))],
            expected: [
            "content/site.yaml:2:1: error: invalid YAML: did not find expected node content while parsing a flow node",
        ]),
        BadInputCase(name: "site.yaml: no languages",
            writes: [("site.yaml", Data("title: x\nlanguages: []\n".utf8))],
            expected: [
            "content/site.yaml:2:12: error: 'languages' must be a non-empty list of { code, name, locale }",
        ]),
        BadInputCase(name: "theme: missing template",
            removals: ["theme:templates/entry.mustache"],
            expected: [
            "themes/default/templates/entry.mustache:1:1: error: missing template 'entry'",
        ]),
        BadInputCase(name: "theme: template with an unknown key",
            writes: [("theme:templates/extra.mustache", Data("<p>{{titel}}</p>\n".utf8))],
            expected: [
            "themes/default/templates/extra.mustache:1:6: error: unknown template key 'titel' (did you mean 'title'?)",
        ]),
        BadInputCase(name: "theme: template syntax error",
            writes: [("theme:templates/extra.mustache", Data("<p>{{#entry}}\n".utf8))],
            expected: [
            "themes/default/templates/extra.mustache:2:2: error: template error: a section is opened but never closed: a {{/name}} is missing",
        ]),
        BadInputCase(name: "theme: UI string missing in one language",
            edits: [("theme:i18n/en.yaml", "related: \"Related\"\n", "")],
            expected: [
            "themes/default/i18n/en.yaml:1:1: error: missing UI string 'related' (present in i18n/fr.yaml)",
        ]),
        BadInputCase(name: "theme: unknown UI string",
            writes: [("theme:templates/extra.mustache", Data("<p>{{t.hme}}</p>\n".utf8))],
            expected: [
            "themes/default/templates/extra.mustache:1:6: error: unknown UI string 't.hme' (did you mean 'home'?)",
        ]),
    ]

    func testEveryBrokenInputFailsWithItsExactErrorsAndLeavesTheOutputAlone() throws {
        XCTAssertGreaterThanOrEqual(Self.cases.count, 40)
        var recorded: [String: [String]] = [:]
        for testCase in Self.cases {
            let site = try FixtureSite("minimal", theme: FixtureSite.defaultTheme)
            defer { site.remove() }
            let theme = site.root.appendingPathComponent("themes/default")
            try FileManager.default.createDirectory(at: theme.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FixtureSite.copy(site.theme, to: theme)
            func url(_ path: String) -> URL {
                path.hasPrefix("theme:") ? theme.appendingPathComponent(String(path.dropFirst(6))) : site.content.appendingPathComponent(path)
            }
            let before = site.build(themePath: theme.path)
            XCTAssertTrue(before.succeeded, "\(testCase.name): the fixture must build first")
            let snapshot = FixtureSite.snapshot(site.output)

            for (path, data) in testCase.writes {
                try FileManager.default.createDirectory(at: url(path).deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url(path))
            }
            for (path, of, with) in testCase.edits {
                let text = try String(contentsOf: url(path), encoding: .utf8)
                XCTAssertTrue(text.contains(of), "\(testCase.name): edit target not found")
                try Data(text.replacingOccurrences(of: of, with: with).utf8).write(to: url(path))
            }
            for path in testCase.removals { try FileManager.default.removeItem(at: url(path)) }

            let report = site.build(themePath: theme.path)
            let errors = report.diagnostics.errors.map(\.formatted)
            recorded[testCase.name] = errors
            XCTAssertFalse(report.succeeded, testCase.name)
            XCTAssertNil(report.usageError, "\(testCase.name): content errors exit with 1, not 2")
            XCTAssertEqual(errors, testCase.expected, testCase.name)
            XCTAssertEqual(FixtureSite.snapshot(site.output), snapshot, "\(testCase.name): output/ must be left as it was")
        }
        if let path = ProcessInfo.processInfo.environment["PASSERELLE_RECORD_BAD_INPUT"] {
            let data = try JSONSerialization.data(withJSONObject: recorded, options: [.prettyPrinted, .sortedKeys])
            try data.write(to: URL(fileURLWithPath: path))
        }
    }
}
