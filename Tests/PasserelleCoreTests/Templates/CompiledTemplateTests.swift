import Mustache
import XCTest
@testable import PasserelleCore
@testable import PasserelleIncremental
@testable import PasserellePages
@testable import PasserelleResolve
@testable import PasserelleTemplates

/// The compiled templates must render byte for byte what swift-mustache renders.
final class CompiledTemplateTests: XCTestCase {
    private let context: [String: Any] = [
        "title": "Tom & \"Jerry\" <'s>", "count": 3, "yes": true, "no": false, "empty": [[String: Any]](),
        "items": [["name": "a", "url": "/a"], ["name": "b"]] as [[String: Any]],
        "words": ["un", "deux"], "t": ["home": "Accueil"] as [String: String],
        "nested": ["inner": ["deep": "found"] as [String: Any]] as [String: Any],
        "html": "<p>raw</p>",
    ]

    private let partials: [String: String] = [
        "item": "<li>{{name}}</li>\n<li>again</li>\n",
        "base": "<html>\n  {{$head}}<title>default</title>{{/head}}\n<main>\n  {{$main}}\n  default\n  {{/main}}\n</main>\n</html>\n",
        "middle": "{{<base}}{{$head}}<title>middle</title>{{/head}}{{/base}}",
    ]

    private func assertSameAsSwiftMustache(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws {
        var library = MustacheLibrary()
        var compiled: [String: CompiledTemplate] = [:]
        for (name, partial) in partials.merging(["main": text], uniquingKeysWith: { $1 }) {
            try library.register(partial, named: name)
            compiled[name] = try TemplateParser.compile(partial)
        }
        let expected = library.render(context, withTemplate: "main") ?? "<nil>"
        let actual = String(decoding: compiled["main"]!.render(context, partials: compiled), as: UTF8.self)
        XCTAssertEqual(actual, expected, "template: \(text.debugDescription)", file: file, line: line)
    }

    func testVariablesAndEscaping() throws {
        try assertSameAsSwiftMustache("<h1>{{title}}</h1> {{{title}}} {{&title}} {{count}} {{yes}} {{missing}}|{{t.home}}|{{nested.inner.deep}}|{{nested.none.deep}}")
        try assertSameAsSwiftMustache("{{{html}}}{{html}} { {x {{! a comment }}end")
        try assertSameAsSwiftMustache("{{#nested}}{{inner.deep}}{{.inner.deep}}{{title}}{{.title}}{{/nested}}")
    }

    func testSectionsAndInvertedSections() throws {
        try assertSameAsSwiftMustache("{{#items}}<a href=\"{{url}}\">{{name}}</a>{{title}}\n{{/items}}")
        try assertSameAsSwiftMustache("{{#words}}[{{.}}]{{/words}}{{^words}}none{{/words}}{{^empty}}empty{{/empty}}{{#empty}}never{{/empty}}")
        try assertSameAsSwiftMustache("{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{^no}}not no{{/no}}{{^missing}}missing{{/missing}}{{#count}}{{.}}{{/count}}{{#title}}({{.}}){{/title}}")
    }

    func testStandaloneLinesAndIndentation() throws {
        try assertSameAsSwiftMustache("<ul>\n  {{#items}}\n  <li>{{name}}</li>\n  {{/items}}\n</ul>\n  {{! standalone comment }}\nafter\n")
        try assertSameAsSwiftMustache("a {{#yes}}\nb\n {{/yes}} c\n\t{{^no}}\t\nd\n{{/no}}")
        try assertSameAsSwiftMustache("line\r\n  {{#yes}}\r\n  crlf\r\n  {{/yes}}\r\nend")
        try assertSameAsSwiftMustache("<ul>\n  {{>item}}\n</ul>\n  x {{>item}} y\n")
        try assertSameAsSwiftMustache("{{#items}}\n    {{>item}}\n{{/items}}\n  trailing   ")
    }

    func testInheritance() throws {
        try assertSameAsSwiftMustache("{{<base}}\n{{$main}}\n<p>{{title}}</p>\n  <p>indented</p>\n{{/main}}\n{{/base}}\n")
        try assertSameAsSwiftMustache("  {{<base}}{{$head}}<title>{{title}}</title>{{/head}}{{/base}}")
        try assertSameAsSwiftMustache("{{<middle}}{{$main}}from main{{/main}}{{/middle}}")
        try assertSameAsSwiftMustache("{{<middle}}{{$head}}outer wins{{/head}}{{/middle}}")
    }

    func testUnsupportedConstructsAreLeftToSwiftMustache() {
        XCTAssertThrowsError(try TemplateParser.compile("{{=<% %>=}}<% title %>"))
        XCTAssertThrowsError(try TemplateParser.compile("{{uppercased(title)}}"))
        XCTAssertThrowsError(try TemplateParser.compile("{{>*dynamic}}"))
        let theme = Theme(directory: URL(fileURLWithPath: "/"), library: MustacheLibrary(), texts: ["a": "{{=<% %>=}}"], strings: [:], staticFiles: [])
        XCTAssertFalse(theme.isCompiled)
    }

    /// Every page of the fixture sites, through both engines.
    func testEveryFixturePageRendersAsWithSwiftMustache() throws {
        let (theme, diagnostics) = ThemeLoader(directory: FixtureSite.defaultTheme, displayRoot: "themes/default", requirements: PageKinds.themeRequirements).load(languages: ["fr", "en"])
        let compiledTheme = try XCTUnwrap(theme, "\(diagnostics)")
        XCTAssertTrue(compiledTheme.isCompiled)
        let reference = compiledTheme.withSwiftMustacheOnly()
        for fixture in ["bilingual", "calendar", "minimal"] {
            let site = try FixtureSite(fixture)
            defer { site.remove() }
            let loaded = ContentLoader(contentDirectory: site.content, displayRoot: "content").load()
            let config = try XCTUnwrap(loaded.config)
            let resolved = SiteResolver(config: config, options: .init(includeDrafts: false, buildDate: Date(timeIntervalSince1970: 1_132_000_000)))
                .resolve(files: loaded.files, assets: loaded.assets, imageSizes: loaded.imageSizes).0
            let model = try XCTUnwrap(resolved)
            let fast = PageRenderer(site: model, theme: compiledTheme).renderAll()
            let slow = PageRenderer(site: model, theme: reference).renderAll()
            XCTAssertEqual(fast.map(\.path), slow.map(\.path))
            XCTAssertGreaterThan(fast.count, 20)
            for (a, b) in zip(fast, slow) where a.content != b.content {
                XCTFail("\(fixture): \(a.path) differs")
            }
        }
    }
}
