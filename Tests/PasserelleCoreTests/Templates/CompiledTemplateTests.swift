import Foundation
import XCTest
@testable import PasserelleCore
@testable import PasserelleModel
@testable import PasserellePages
@testable import PasserelleResolve
@testable import PasserelleTemplates

/// The compiled templates render byte for byte what swift-mustache renders: every construct the
/// Mustache specification names, seeded random templates over random contexts, and every page
/// of the fixture sites.
final class CompiledTemplateTests: XCTestCase {
    private let context: TemplateRecord = [
        "title": "Tom & \"Jerry\" <'s>", "count": 3, "zero": 0, "yes": true, "no": false, "empty": [],
        "items": [["name": "a", "url": "/a"], ["name": "b"]],
        "t": .table(["home": "Accueil"]),
        "nested": .record(["inner": .record(["deep": "found"])]),
        "html": "<p>raw</p>", "blank": "",
        "bytes": .utf8Text("<b>été & \"lui\"</b>"), "noBytes": .utf8Text(""),
    ]

    private let partials: [String: String] = [
        "item": "<li>{{name}}</li>\n<li>again</li>\n",
        "base": "<html>\n  {{$head}}<title>default</title>{{/head}}\n<main>\n  {{$main}}\n  default\n  {{/main}}\n</main>\n</html>\n",
        "middle": "{{<base}}{{$head}}<title>middle</title>{{/head}}{{/base}}",
    ]

    private func assertSameAsSwiftMustache(_ text: String, context: TemplateRecord? = nil, file: StaticString = #filePath, line: UInt = #line) throws {
        let texts = partials.merging(["main": text], uniquingKeysWith: { $1 })
        let compiled = CompiledTemplates(templates: try texts.mapValues(TemplateParser.compile))
        let expected = String(decoding: try SwiftMustacheOracle(texts).render("main", context ?? self.context), as: UTF8.self)
        let actual = String(decoding: compiled.render("main", context ?? self.context), as: UTF8.self)
        XCTAssertEqual(actual, expected, "template: \(text.debugDescription)", file: file, line: line)
    }

    func testInterpolation() throws {
        try assertSameAsSwiftMustache("<h1>{{title}}</h1> {{{title}}} {{&title}} {{count}} {{zero}} {{yes}} {{no}} {{missing}}|{{t.home}}|{{t.none}}|{{nested.inner.deep}}|{{nested.none.deep}}")
        try assertSameAsSwiftMustache("{{{html}}}{{html}} { {x }} {{ title }} {{{ title }}} {{& title }}|{{blank}}|")
        try assertSameAsSwiftMustache("{{#nested}}{{inner.deep}}{{.inner.deep}}{{title}}{{.title}}{{/nested}}")
        // Texts given as UTF-8 bytes show as the same texts given as strings.
        try assertSameAsSwiftMustache("{{bytes}}|{{{bytes}}}|{{&bytes}}|{{noBytes}}|{{#bytes}}({{.}}){{/bytes}}{{^bytes}}none{{/bytes}}{{#noBytes}}[{{.}}]{{/noBytes}}")
    }

    /// Each of the five escaped characters, and characters that are not, at every place in texts
    /// of up to 20 characters among one- and two-byte characters, escape as swift-mustache's.
    func testEscapingAtEveryPlace() throws {
        for special in ["<", ">", "&", "\"", "'", "=", "é"] {
            for length in 0...19 {
                for place in 0...length {
                    var text = Array(repeating: length % 3 == 0 ? "é" : "a", count: length)
                    text.insert(special, at: place)
                    let context: TemplateRecord = ["title": .text(text.joined()), "bytes": .utf8Text(UTF8Text(text.joined() + special))]
                    try assertSameAsSwiftMustache("{{title}}|{{bytes}}", context: context)
                }
            }
        }
        try assertSameAsSwiftMustache("{{title}}", context: ["title": .text("<<<<>>>>&&&&\"\"\"\"''''<a href=\"x\">'&'</a>")])
    }

    func testSections() throws {
        try assertSameAsSwiftMustache("{{#items}}<a href=\"{{url}}\">{{name}}</a>{{title}}\n{{/items}}")
        try assertSameAsSwiftMustache("{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{#count}}{{.}}{{/count}}{{#zero}}[{{.}}]{{/zero}}{{#title}}({{.}}){{/title}}{{#blank}}<{{.}}>{{/blank}}")
        try assertSameAsSwiftMustache("{{#nested}}{{#inner}}{{deep}}{{title}}{{/inner}}{{/nested}}{{#missing}}never{{/missing}}{{#t}}{{home}}{{/t}}")
        try assertSameAsSwiftMustache("{{#items}}{{#items}}{{name}}{{/items}}|{{/items}}")
    }

    /// Templates and bodies with nothing in them render nothing (their steps are none, in memory
    /// of one).
    func testEmptyTemplatesAndBodies() throws {
        try assertSameAsSwiftMustache("")
        try assertSameAsSwiftMustache("{{#items}}{{/items}}{{^empty}}{{/empty}}{{#yes}}{{! only a note }}{{/yes}}|")
        try assertSameAsSwiftMustache("{{<base}}{{$head}}{{/head}}{{$main}}{{/main}}{{/base}}")
        try assertSameAsSwiftMustache("  {{>middle}}\n{{$none}}{{/none}}")
    }

    func testInvertedSections() throws {
        try assertSameAsSwiftMustache("{{^items}}none{{/items}}{{^empty}}empty{{/empty}}{{^no}}not no{{/no}}{{^yes}}never{{/yes}}{{^missing}}missing{{/missing}}")
        try assertSameAsSwiftMustache("{{^zero}}z{{/zero}}{{^blank}}b{{/blank}}{{^title}}t{{/title}}{{^nested}}n{{/nested}}")
    }

    func testComments() throws {
        try assertSameAsSwiftMustache("a{{! a comment }}b{{!\nmultiline\n}}c")
        try assertSameAsSwiftMustache("a\n  {{! standalone comment }}\nb\n{{! at the end }}")
    }

    func testStandaloneLines() throws {
        try assertSameAsSwiftMustache("<ul>\n  {{#items}}\n  <li>{{name}}</li>\n  {{/items}}\n</ul>\n  {{! standalone comment }}\nafter\n")
        try assertSameAsSwiftMustache("a {{#yes}}\nb\n {{/yes}} c\n\t{{^no}}\t\nd\n{{/no}}")
        try assertSameAsSwiftMustache("line\r\n  {{#yes}}\r\n  crlf\r\n  {{/yes}}\r\nend")
        try assertSameAsSwiftMustache("  {{#yes}}\n  {{/yes}}\n{{#no}}\n{{/no}}  \n")
    }

    func testPartials() throws {
        try assertSameAsSwiftMustache("<ul>\n  {{>item}}\n</ul>\n  x {{>item}} y\n")
        try assertSameAsSwiftMustache("{{#items}}\n    {{>item}}\n{{/items}}\n  trailing   ")
        try assertSameAsSwiftMustache("{{> item }}|{{>missing}}|")
    }

    func testInheritance() throws {
        try assertSameAsSwiftMustache("{{<base}}\n{{$main}}\n<p>{{title}}</p>\n  <p>indented</p>\n{{/main}}\n{{/base}}\n")
        try assertSameAsSwiftMustache("  {{<base}}{{$head}}<title>{{title}}</title>{{/head}}{{/base}}")
        try assertSameAsSwiftMustache("{{<middle}}{{$main}}from main{{/main}}{{/middle}}")
        try assertSameAsSwiftMustache("{{<middle}}{{$head}}outer wins{{/head}}{{/middle}}")
        try assertSameAsSwiftMustache("{{$head}}a block outside a parent: its default{{/head}}")
    }

    /// Random templates of every construct, over random contexts: the same bytes as swift-mustache.
    func testRandomTemplatesRenderAsWithSwiftMustache() throws {
        let seed = UInt64(20_261_203)
        var generator = SeededGenerator(state: seed)
        func below(_ bound: Int) -> Int { Int(generator.next() % UInt64(bound)) }
        // Names of scalars are shown; names of records, lists and tables only open sections (a
        // record shown as text is a Swift description in swift-mustache, nothing here).
        let scalars = ["a", "n", "flag", "b.a", "t.a"], all = scalars + ["b", "list", "t"]
        func value(_ name: String, depth: Int) -> TemplateValue? {
            switch name {
            case "a":
                let text = ["", "x", "<&>", "deux mots", "é\"'"][below(5)]
                return below(4) == 0 ? .utf8Text(UTF8Text(text)) : .text(text)
            case "n": return .number(below(3) - 1)
            case "flag": return below(4) == 0 ? "text" : .bool(below(2) == 0)
            case "t": return .table(["home": "Accueil", "a": "A"])
            case "b": return depth > 2 ? nil : .record(record(depth: depth + 1))
            default: return depth > 2 ? nil : .records((0..<below(3)).map { _ in record(depth: depth + 1) })
            }
        }
        func record(depth: Int) -> TemplateRecord {
            var record = TemplateRecord()
            for name in ["a", "n", "flag", "t", "b", "list"] where below(3) > 0 { record[name] = value(name, depth: depth) }
            return record
        }
        /// A template; `inPartial`: the partial's own, which does not include itself. A parent is
        /// never inside a block of another (the outer block would override the inner's for ever).
        func template(depth: Int, inPartial: Bool = false, inFrame: Bool = false) -> String {
            (0..<below(5)).map { _ -> String in
                let shown = scalars[below(scalars.count)], opened = all[below(all.count)]
                switch below(depth > 2 ? 5 : 8) {
                case 0: return ["text ", "\n", "  ", "<p>", "\r\n", "{ "][below(6)]
                case 1: return "{{\(shown)}}"
                case 2: return "{{{\(shown)}}}"
                case 3: return "{{! note }}"
                case 4: return inPartial || inFrame ? "{{n}}" : "\n  {{>part}}\n"
                case 5: return "{{#\(opened)}}" + template(depth: depth + 1, inPartial: inPartial, inFrame: inFrame) + "{{/\(opened)}}"
                case 6: return "\n{{^\(opened)}}\n" + template(depth: depth + 1, inPartial: inPartial, inFrame: inFrame) + "\n{{/\(opened)}}\n"
                default:
                    if inFrame { return "{{a}}" }
                    return "{{<frame}}{{$slot}}" + template(depth: depth + 1, inPartial: inPartial, inFrame: true) + "{{/slot}}{{/frame}}"
                }
            }.joined()
        }
        let frame = "<frame>\n  {{$slot}}default {{a}}{{/slot}}\n</frame>\n"
        for index in 0..<400 {
            let text = template(depth: 0), part = template(depth: 1, inPartial: true)
            let context = record(depth: 0)
            let texts = ["main": text, "part": part, "frame": frame]
            let compiled = CompiledTemplates(templates: try texts.mapValues(TemplateParser.compile))
            let expected = try SwiftMustacheOracle(texts).render("main", context)
            if compiled.render("main", context) != expected {
                XCTFail("seed \(seed), case \(index): \(text.debugDescription) with part \(part.debugDescription) differs from swift-mustache")
                return
            }
        }
    }

    /// Every page of the fixture sites, through both engines.
    func testEveryFixturePageRendersAsWithSwiftMustache() throws {
        let (loaded, diagnostics) = ThemeLoader(directory: FixtureSite.defaultTheme, displayRoot: "themes/default", requirements: PageKinds.themeRequirements).load(languages: ["fr", "en"])
        let theme = try XCTUnwrap(loaded, "\(diagnostics)")
        let folder = FixtureSite.defaultTheme.appendingPathComponent("templates")
        var texts: [String: String] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".mustache") {
            texts[String(file.dropLast(".mustache".count))] = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        }
        let reference = Theme(directory: theme.directory, engine: try SwiftMustacheOracle(texts), strings: theme.strings, staticFiles: theme.staticFiles)
        for fixture in ["bilingual", "calendar", "minimal"] {
            let site = try FixtureSite(fixture)
            defer { site.remove() }
            let loaded = ContentLoader(contentDirectory: site.content, displayRoot: "content").load()
            let config = try XCTUnwrap(loaded.config)
            let resolved = SiteResolver(config: config, options: .init(includeDrafts: false, buildDate: Date(timeIntervalSince1970: 1_132_000_000)))
                .resolve(files: loaded.files, assets: loaded.assets, imageSizes: loaded.imageSizes).0
            let model = try XCTUnwrap(resolved)
            let ours = PageRenderer(site: model, theme: theme).renderAll()
            let oracle = PageRenderer(site: model, theme: reference).renderAll()
            XCTAssertEqual(ours.map(\.path), oracle.map(\.path))
            XCTAssertGreaterThan(ours.count, 20)
            for (a, b) in zip(ours, oracle) where a.content != b.content {
                XCTFail("\(fixture): \(a.path) differs")
            }
        }
    }
}
