import CCmarkGFM
import XCTest
@testable import PasserelleCore
@testable import PasserelleIncremental
@testable import PasserellePages
@testable import PasserelleResolve
@testable import PasserelleTemplates

/// Passerelle's Markdown against libcmark-gfm itself: every construct of the GFM specification,
/// and generated bodies that nest emphasis, links and images inside images' alternative text
/// (which once crashed the renderer). Both render with the same options and extensions; the
/// outputs must be equal once the documented rewrites are undone: heading ids, images written
/// with `loading="lazy"`, links of schemes other than http, https and mailto emptied.
final class MarkdownConformanceTests: XCTestCase {
    /// Bodies covering the sections of the GFM specification, in its order.
    static let constructs: [String] = [
        // Tabs, precedence, thematic breaks.
        "\tfoo\tbaz\t\tbim", "  - foo\n\n\tbar", "- `one\n- two`", "***\n---\n___", "+++", "--\n**\n__",
        " ***\n  ***\n   ***", "Foo\n    ***", "_____________________________________", " - - -", "- foo\n***\n- bar",
        // ATX and setext headings.
        "# foo\n## foo\n### foo\n#### foo\n##### foo\n###### foo", "####### foo", "#5 bolt\n\n#hashtag",
        "# foo *bar* \\*baz\\*", "## foo ##\n  ###   bar    ###", "### foo \\###", "## \n#\n### ###",
        "Foo *bar*\n=========\n\nFoo *bar*\n---------", "Foo\n---\nFoo\n=", "Foo\nbar\n---\nbaz", "# Heading\n\n# Heading\n\n## Heading",
        "# Café à Tunis\n\n## 2005 : l'an", "# `code` and [a link](x) and ![img](y.png)",
        // Code blocks.
        "    a simple\n      indented code block", "  - foo\n\n    bar", "    <a/>\n    *hi*\n\n    - one",
        "```\n<\n >\n```", "~~~\naaa\n~~~", "````\naaa\n```\n``````", "```ruby\ndef foo(x)\n  return 3\nend\n```",
        "~~~~    ruby startline=3 $%@#$\ndef foo(x)\n~~~~~~~", "```\n``` aaa\n```", "``` aa ```\nfoo",
        // HTML blocks and raw HTML.
        "<table><tr><td>\n<pre>\n**Hello**,\n\n_world_.\n</pre>\n</td></tr></table>", "<div>\n*hello*\n         <foo><a>",
        "<!-- foo -->*bar*\n*baz*", "<?php\n\n  echo '>';\n\n?>", "<!DOCTYPE html>", "<![CDATA[\nfunction matchwo(a,b)\n]]>",
        "<script type=\"text/javascript\">\ndocument.getElementById(\"demo\").innerHTML = \"Hello\";\n</script>\nokay",
        "<a><bab><c2c>", "Foo <responsive-image src=\"foo.jpg\" />", "<strong> <title> <style> <em>\n\n<blockquote>\n  <xmp> is disallowed.  <XMP> is also disallowed.\n</blockquote>",
        "foo <!-- this is a\ncomment - with hyphen -->", "foo <?php echo $a; ?>", "foo &lt;a href=\"&ouml;\">",
        // Link reference definitions.
        "[foo]: /url \"title\"\n\n[foo]", "   [foo]: \n      /url  \n           'the title'  \n\n[foo]",
        "[Foo*bar\\]]:my_(url) 'title (with parens)'\n\n[Foo*bar\\]]", "[foo]: /url\\bar\\*baz \"foo\\\"bar\\baz\"\n\n[foo]",
        "[foo]: first\n[foo]: second\n\n[foo]", "[FOO]: /url\n\n[Foo]", "[ΑΓΩ]: /φου\n\n[αγω]", "[foo]: /url\n\"title\" ok",
        // Paragraphs, blank lines, block quotes.
        "aaa\n\nbbb", "aaa\n             bbb\n                                       ccc", "aaa     \nbbb     ", "  \n\naaa\n  \n\n# aaa\n\n  ",
        "> # Foo\n> bar\n> baz", "> bar\nbaz\n> foo", "> - foo\n- bar", ">     foo\n    bar", "> foo\n\n> bar", "> > > foo\nbar",
        // List items and lists.
        "1.  A paragraph\n    with two lines.\n\n        indented code\n\n    > A block quote.", "- one\n\n two", "-one\n\n2.two",
        "123456789. ok", "0. ok", "003. ok", "-1. not ok", "- foo\n\n      bar", "10) foo\n    - bar", "- # Foo\n- Bar\n  ---\n  baz",
        "- foo\n- bar\n+ baz", "1. foo\n2. bar\n3) baz", "The number of windows in my house is\n14.  The number of doors is 6.",
        "- a\n- b\n\n- c", "- a\n  - b\n\n    c\n- d", "* a\n*\n\n* c", "- [ ] foo\n- [x] bar", "- [x] foo\n  - [ ] bar\n  - [x] baz\n- [ ] bim",
        // Tables (extension).
        "| foo | bar |\n| --- | --- |\n| baz | bim |", "| abc | defghi |\n:-: | -----------:\nbar | baz",
        "| f\\|oo  |\n| ------ |\n| b `\\|` az |\n| b **\\|** im |", "| abc | def |\n| --- | --- |\n| bar | baz |\n> bar",
        "| abc | def |\n| --- |\n| bar |", "| abc | def |\n| --- | --- |", "| a | *b* | [c](d) |\n|:--|:-:|--:|\n| ![e](f.png) | `g` | h |",
        // Inlines: backslash escapes, entities, code spans.
        "\\!\\\"\\#\\$\\%\\&\\'\\(\\)\\*\\+\\,\\-\\.\\/\\:\\;\\<\\=\\>\\?\\@\\[\\\\\\]\\^\\_\\`\\{\\|\\}\\~", "\\\t\\A\\a\\ \\3\\φ\\«",
        "\\*not emphasized*\n\\<br/> not a tag\n\\[not a link](/foo)\n\\`not code`\n1\\. not a list\n\\* not a list\n\\# not a heading\n\\[foo]: /url \"not a reference\"\n\\&ouml; not a character entity",
        "foo\\\nbar", "&nbsp; &amp; &copy; &AElig; &Dcaron;\n&frac34; &HilbertSpace; &DifferentialD;\n&ClockwiseContourIntegral; &ngE;",
        "&#35; &#1234; &#992; &#0;", "&#X22; &#XD06; &#xcab;", "&nbsp &x; &#; &#x;\n&#87654321;\n&#abcdef0;\n&ThisIsNotDefined; &hi?;",
        "[foo](/f&ouml;&ouml; \"f&ouml;&ouml;\")", "`foo`", "`` foo ` bar ``", "` `` `", "`  ``  `", "``\nfoo\nbar  \nbaz\n``", "`foo\\`bar`",
        "*foo`*`", "[not a `link](/foo`)", "`<a href=\"`\">`", "<a href=\"`\">`", "`<http://foo.bar.`baz>`", "```foo``",
        // Emphasis and strong emphasis, strikethrough.
        "*foo bar*", "a * foo bar*", "a*\"foo\"*", "* a *", "foo*bar*", "5*6*78", "_foo bar_", "_ foo bar_", "a_\"foo\"_", "foo_bar_",
        "пристаням_стремятся_", "aa_\"bb\"_cc", "foo-_(bar)_", "_foo*", "*foo bar *", "*(*foo)", "*(*foo*)*", "*foo*bar", "_foo bar _",
        "**foo bar**", "** foo bar**", "__foo, __bar__, baz__", "**foo \"*bar*\" foo**", "*foo [bar](/url)*", "** is not an empty emphasis",
        "**foo*", "*foo**", "***foo***", "_____foo_____", "*foo _bar* baz_", "*[bar*](/url)", "_foo [bar_](/url)", "*<img src=\"foo\" title=\"*\"/>",
        "**a<http://foo.bar/?q=**>", "~~Hi~~ Hello, ~there~ world!", "This ~~has a\n\nnew paragraph~~.", "This will ~~~not~~~ strike.",
        // Links.
        "[link](/uri \"title\")", "[link](/uri)", "[link]()", "[link](<>)", "[link](/my uri)", "[link](<foo\nbar>)", "[a](<b)c>)",
        "[link](\\(foo\\))", "[link](foo(and(bar)))", "[link](foo\\(and\\(bar\\))", "[link](<foo(and(bar)>)", "[link](foo\\)\\:)",
        "[link](#fragment)\n\n[link](http://example.com#fragment)\n\n[link](http://example.com?foo=3#frag)", "[link](foo\\bar)",
        "[link](foo%20b&auml;)", "[link](\"title\")", "[link](/url \"title\")\n[link](/url 'title')\n[link](/url (title))",
        "[link](/url \"title \\\"&quot;\")", "[link](/url \"title \"and\" title\")", "[link [foo [bar]]](/uri)", "[link] bar](/uri)",
        "[link \\[bar](/uri)", "[link *foo **bar** `#`*](/uri)", "[![moon](moon.jpg)](/uri)", "[foo [bar](/uri)](/uri)",
        "[foo *[bar [baz](/uri)](/uri)*](/uri)", "[foo *bar](baz*)", "[foo <bar attr=\"](baz)\">", "[foo`](/uri)`",
        "[foo][bar]\n\n[bar]: /url \"title\"", "[link [foo [bar]]][ref]\n\n[ref]: /uri", "[foo][BaR]\n\n[bar]: /url \"title\"",
        "[foo] \n[bar]\n\n[bar]: /url \"title\"", "[foo][]\n\n[foo]: /url \"title\"", "[*foo* bar][]\n\n[*foo* bar]: /url \"title\"",
        "[foo]\n\n[foo]: /url \"title\"", "[[*foo* bar]]\n\n[*foo* bar]: /url \"title\"", "\\[foo]\n\n[foo]: /url \"title\"",
        "[foo*]: /url\n\n*[foo*]", "[foo][bar][baz]\n\n[baz]: /url1\n[bar]: /url2", "[a](/a%3Fb) [c](/c%23d) [e](/e%2Ff)",
        // Images.
        "![foo](/url \"title\")", "![foo *bar*]\n\n[foo *bar*]: train.jpg \"train & tracks\"", "![foo ![bar](/url)](/url2)",
        "![foo [bar](/url)](/url2)", "![foo *bar*][]\n\n[foo *bar*]: train.jpg \"train & tracks\"", "![foo *bar*][foobar]\n\n[FOOBAR]: train.jpg \"train & tracks\"",
        "![foo](train.jpg)", "My ![foo bar](/path/to/train.jpg  \"title\"   )", "![foo](<url>)", "![](/url)", "![foo][bar]\n\n[bar]: /url",
        "![*foo* bar][]\n\n[*foo* bar]: /url \"title\"", "![Foo][]\n\n[foo]: /url \"title\"", "![[foo]]\n\n[[foo]]: /url \"title\"",
        "!\\[foo]\n\n[foo]: /url \"title\"", "\\![foo]\n\n[foo]: /url \"title\"", "![[[foo](uri1)](uri2)](uri3)", "![A *nice* photo](photo.jpg)",
        "![a `code` <b>html</b>\nline](x.png)", "![**strong** and ~~gone~~](s.png \"a *title*\")", "![x](javascript:alert(1))",
        // Autolinks (both kinds), raw HTML inline, hard and soft breaks, text.
        "<http://foo.bar.baz>", "<http://foo.bar.baz/test?q=hello&id=22&boolean>", "<irc://foo.bar:2233/baz>", "<MAILTO:FOO@BAR.BAZ>",
        "<a+b+c:d>", "<made-up-scheme://foo,bar>", "<http://../>", "<localhost:5001/foo>", "<http://foo.bar/baz bim>", "<foo@bar.example.com>",
        "www.commonmark.org", "Visit www.commonmark.org/help for more information.", "Visit www.commonmark.org.\n\nVisit www.commonmark.org/a.b.",
        "www.google.com/search?q=Markup+(business)\n\nwww.google.com/search?q=(business))+ok", "www.google.com/search?q=commonmark&hl=en\n\nwww.google.com/search?q=commonmark&hl;",
        "www.commonmark.org/he<lp", "http://commonmark.org\n\n(Visit https://encrypted.google.com/search?q=Markup+(business))", "foo@bar.baz",
        "hello@mail+xyz.example isn't valid, but hello+xyz@mail.example is.", "a.b-c_d@a.b\n\na.b-c_d@a.b.\n\na.b-c_d@a.b-\n\na.b-c_d@a.b_",
        "<a><bab><c2c>", "<a/><b2/>", "<a  /><b2\ndata=\"foo\" >", "<33> <__>", "foo <a href=\"\\*\">", "<a href=\"foo\nbar\">",
        "foo  \nbaz", "foo\\\nbaz", "foo       \nbaz", "*foo  \nbar*", "`code  \nspan`", "foo\nbaz", "hello $.;'there", "Foo χρῆν", "Multiple     spaces",
        // Footnotes (extension, enabled by the site's options).
        "Here is a footnote reference,[^1] and another.[^longnote]\n\n[^1]: Here is the footnote.\n\n[^longnote]: Here's one with multiple blocks.\n\n    Subsequent paragraphs are indented.",
        "A note[^n] and ![an image with a note[^n]](i.png).\n\n[^n]: The note, with *emphasis*.",
        // Passerelle's own syntax next to the constructs above (no reference resolves here).
        "Plain [[text]] is kept when *unresolved*? No: see the resolver tests.",
    ]

    /// The options and extensions Passerelle renders with, through cmark-gfm's own HTML renderer.
    static func referenceHTML(_ body: String) -> String {
        // cmark-gfm's special characters set up as for Passerelle's parses, before this one.
        XCTAssertTrue(MarkdownRenderer.parsesInParallel)
        cmark_gfm_core_extensions_ensure_registered()
        let options = MarkdownRenderer.options
        let parser = cmark_parser_new(options)!
        defer { cmark_parser_free(parser) }
        for name in MarkdownRenderer.extensionNames {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        body.withCString { cmark_parser_feed(parser, $0, strlen($0)) }
        let document = cmark_parser_finish(parser)!
        defer { cmark_node_free(document) }
        let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser))!
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// Passerelle's HTML of `body`, or nil when it rewrote a `[[reference]]` (a documented rewrite
    /// that leaves nothing to compare).
    static func passerelleHTML(_ body: String) -> String? {
        var wikiLinks = false
        let output = MarkdownRenderer(unsafeHTML: false).render(body[...], path: "t.md", firstLine: 1, resolve: { request in
            if case .reference = request.target { wikiLinks = true }
            return .failure(.error(request.location, "not resolved in this test"))
        }, resolveAsset: { _ in nil })
        return wikiLinks ? nil : output.html.string
    }

    /// Undoes the documented rewrites of Passerelle's HTML: heading ids, lazy images.
    static func normalized(passerelle html: String) -> String {
        var html = html.replacingOccurrences(of: #"<h([1-6]) id="[^"]*">"#, with: "<h$1>", options: .regularExpression)
        html = html.replacingOccurrences(of: #" loading="lazy">"#, with: " />")
        return html
    }

    /// The rewrite applied to the reference: links of schemes other than http, https and mailto emptied.
    static func normalized(reference html: String) -> String {
        var result = ""
        var rest = Substring(html)
        while let range = rest.range(of: #"(href|src)="[^"]*""#, options: .regularExpression) {
            result += rest[..<range.lowerBound]
            let attribute = rest[range]
            let name = attribute.prefix { $0 != "=" }
            let value = String(attribute.dropFirst(name.count + 2).dropLast())
            let decoded = value.replacingOccurrences(of: "&amp;", with: "&")
            result += URLSafety.isDangerous(decoded) ? "\(name)=\"\"" : String(attribute)
            rest = rest[range.upperBound...]
        }
        result += rest
        return result
    }

    /// Both HTMLs with `'` written one way (cmark leaves it, Passerelle's attributes escape it).
    static func comparable(_ html: String) -> String {
        html.replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&apos;", with: "'")
    }

    func assertSameAsCmark(_ body: String, seed: UInt64? = nil, file: StaticString = #filePath, line: UInt = #line) {
        guard let ours = Self.passerelleHTML(body) else { return }
        let expected = Self.comparable(Self.normalized(reference: Self.referenceHTML(body)))
        let actual = Self.comparable(Self.normalized(passerelle: ours))
        XCTAssertEqual(actual, expected, "body: \(body.debugDescription)" + (seed.map { ", seed \($0)" } ?? ""), file: file, line: line)
    }

    func testEveryConstructRendersAsCmarkGFMDoes() {
        for body in Self.constructs { assertSameAsCmark(body) }
    }

    func testConstructsCoverTheSpecificationsNodeTypes() {
        // Each node type cmark-gfm makes, extensions included, is in at least one body above.
        var seen = Set<String>()
        for body in Self.constructs {
            guard let (document, extensions) = MarkdownRenderer.parse(body[...]) else { continue }
            let iterator = cmark_iter_new(document)
            while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
                if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) {
                    // This version names the footnote types "<unknown>".
                    switch cmark_node_get_type(node) {
                    case CMARK_NODE_FOOTNOTE_DEFINITION: seen.insert("footnote_definition")
                    case CMARK_NODE_FOOTNOTE_REFERENCE: seen.insert("footnote_reference")
                    default: seen.insert(String(cString: cmark_node_get_type_string(node)))
                    }
                }
            }
            cmark_iter_free(iterator)
            cmark_node_free(document)
            cmark_llist_free(cmark_get_default_mem_allocator(), extensions)
        }
        let expected: Set<String> = ["document", "block_quote", "list", "item", "code_block", "html_block", "paragraph", "heading",
                                     "thematic_break", "text", "softbreak", "linebreak", "code", "html_inline", "emph", "strong",
                                     "link", "image", "table", "table_header", "table_row", "table_cell", "strikethrough",
                                     "tasklist", "footnote_reference", "footnote_definition"]
        XCTAssertEqual(expected.subtracting(seen), [], "node types no body covers")
    }

    /// Generated bodies: images whose alt text nests emphasis, strong emphasis, code, links, other
    /// images and references, to a depth of four, in paragraphs, headings, lists and tables.
    func testGeneratedNestingInAltTextRendersAsCmarkGFMDoes() {
        let seed = UInt64(20_261_203)
        var random = SeededGenerator(state: seed)
        func inline(_ depth: Int) -> String {
            let words = ["foo", "bar", "café", "a & b", "x<y", "\"q\"", "[[ref]]", "`c`"]
            let word = words[Int(random.next() % UInt64(words.count))]
            guard depth > 0 else { return word }
            switch random.next() % 7 {
            case 0: return "*\(inline(depth - 1))*"
            case 1: return "**\(inline(depth - 1)) \(inline(depth - 1))**"
            case 2: return "[\(inline(depth - 1))](/u\(depth))"
            case 3: return "![\(inline(depth - 1))](/i\(depth).png \"t \(word)\")"
            case 4: return "~~\(inline(depth - 1))~~"
            case 5: return "\(word) ![\(inline(depth - 1))][r]"
            default: return word + " " + inline(depth - 1)
            }
        }
        let frames = ["%@", "# %@", "- %@\n- x", "| h |\n|---|\n| %@ |", "> %@", "Text %@ end."]
        for index in 0..<400 {
            let frame = frames[index % frames.count]
            let body = frame.replacingOccurrences(of: "%@", with: "![\(inline(4))](/img.png)") + "\n\n[r]: /ref.png"
            assertSameAsCmark(body, seed: seed)
        }
    }
}
