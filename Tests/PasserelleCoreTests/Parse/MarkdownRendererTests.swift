import XCTest
@testable import PasserelleCore
@testable import PasserelleMarkdown
@testable import PasserelleIncremental
@testable import PasserellePages
@testable import PasserelleResolve
@testable import PasserelleTemplates

final class MarkdownRendererTests: XCTestCase {
    func render(_ body: String, unsafe: Bool = false) -> MarkdownRenderer.Output {
        Self.render(body, unsafe: unsafe)
    }

    static func render(_ body: String, unsafe: Bool = false) -> MarkdownRenderer.Output {
        MarkdownRenderer(unsafeHTML: unsafe).render(body[...], path: "p.md", firstLine: 10, resolve: { request in
            guard case let .reference(ref) = request.target, ref == "known" else {
                return .failure(.error(request.location, "unresolved"))
            }
            return .success(.init(url: "../known/index.html" + (request.anchor.map { "#" + $0 } ?? ""), title: "Known & <Title>"))
        }, resolveAsset: { url in url.hasPrefix("/") ? .init(url: "../" + url.dropFirst(), size: url.hasSuffix(".png") ? ImageDimensions(width: 4, height: 3) : nil) : nil })
    }

    func testABodyIsReadToItsFirstNULByteAndFromItsSliceOfTheText() {
        XCTAssertEqual(render("Before *it*\u{0} and after.\n\nMore.").html, "<p>Before <em>it</em></p>\n")
        // A body is a slice of its file's text, after the front matter: rendered from there, not from the text's start.
        let text = "---\ntitle: T\n---\nThe *body*."
        let body = text[text.range(of: "The")!.lowerBound...]
        let output = MarkdownRenderer(unsafeHTML: false).render(body, path: "p.md", firstLine: 4, resolve: { _ in .failure(.error(SourceLocation(path: "p.md"), "none")) },
                                                               resolveAsset: { _ in nil })
        XCTAssertEqual(output.html, "<p>The <em>body</em>.</p>\n")
    }

    func testWikiLinksBecomeLinkNodes() {
        let output = render("A [[known]], [[known|the text]] and [[known#part]].\n\n`[[known]]` stays code.")
        XCTAssertEqual(output.html, """
        <p>A <a href="../known/index.html">Known &amp; &lt;Title&gt;</a>, <a href="../known/index.html">the text</a> and <a href="../known/index.html#part">Known &amp; &lt;Title&gt;</a>.</p>
        <p><code>[[known]]</code> stays code.</p>

        """)
        XCTAssertTrue(output.diagnostics.isEmpty)
    }

    func testUnresolvedReferencesAreLocated() {
        let output = render("Line one.\nThen *a* [[missing]] here.")
        XCTAssertEqual(output.diagnostics.map(\.formatted), ["p.md:11:12: error: unresolved"])
    }

    func testHeadingsGetUniqueIDs() {
        let output = render("# Événements à venir\n\n## Œuvre\n\n## Œuvre")
        XCTAssertEqual(output.headingIDs, ["evenements-a-venir", "oeuvre", "oeuvre-1"])
        XCTAssertTrue(output.html.string.contains(#"<h1 id="evenements-a-venir">Événements à venir</h1>"#))
    }

    /// The ids written in cmark's one pass over a document give the bytes that rendering each
    /// heading alone and putting its HTML in its place gives, whatever the heading holds.
    func testHeadingIDsWrittenInOnePassGiveWhatHeadingsRenderedAloneGive() {
        XCTAssertTrue(MarkdownRenderer.rendersHeadingIDs, "this cmark-gfm's renderer takes the heading ids")
        let bodies = [
            "# Événements à venir\n\nText.\n\n## Œuvre\n\n## Œuvre\n",
            "Para\n## *Em* and **strong** `code` ~~del~~\nafter\n",
            "Setext *one*\n===\n\nSetext two\n---\n",
            "> ## In a quote\n>\n> - ### in a list\n",
            "## A [[known]] link, [[missing]], [x](/assets/x.png) and ![alt *em*](/assets/i.png)\n",
            "## Note[^1] <span>raw</span> <script>x</script>\n\n[^1]: Footnote.\n\n## After\n",
            "## www.example.org & <b>\n\n| a |\n|---|\n| 1 |\n\n###### Six\n#######not a heading\n",
            "#\n\n##   \n\n## -\n\n```\n# not a heading\n```\n",
        ]
        for unsafe in [false, true] {
            for body in bodies {
                let render = { (onePass: Bool) in
                    MarkdownRenderer(unsafeHTML: unsafe, writesHeadingIDsInOnePass: onePass).render(body[...], path: "p.md", firstLine: 1, resolve: { request in
                        guard case .reference("known") = request.target else { return .failure(.error(request.location, "unresolved")) }
                        return .success(.init(url: "../known/index.html", title: "Known"))
                    }, resolveAsset: { .init(url: "../" + $0.dropFirst(), size: nil) })
                }
                let onePass = render(true), alone = render(false)
                XCTAssertEqual(onePass.html, alone.html, "unsafe: \(unsafe), body: \(body)")
                XCTAssertEqual(onePass.headingIDs, alone.headingIDs)
                XCTAssertEqual(onePass.diagnostics, alone.diagnostics)
            }
        }
        XCTAssertEqual(render("Para\n## *Em* `c`\n").html, "<p>Para</p>\n<h2 id=\"em-c\"><em>Em</em> <code>c</code></h2>\n")
    }

    func testRawHTMLOmittedUnlessAllowedAndDangerousLinksDropped() {
        XCTAssertEqual(render("<div>x</div>\n\n[a](javascript:alert(1)) [b](/assets/x.png)").html,
                       "<!-- raw HTML omitted -->\n<p><a href=\"\">a</a> <a href=\"../assets/x.png\">b</a></p>\n")
        XCTAssertTrue(render("<div>x</div>", unsafe: true).html.string.contains("<div>x</div>"))
    }

    func testGFMExtensions() {
        let html = render("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~gone~~ www.example.org\n\n- [x] done\n\nNote[^1].\n\n[^1]: Footnote.").html.string
        XCTAssertTrue(html.contains("<table>"))
        XCTAssertTrue(html.contains("<del>gone</del>"))
        XCTAssertTrue(html.contains(#"<a href="http://www.example.org">"#))
        XCTAssertTrue(html.contains(#"type="checkbox""#))
        XCTAssertTrue(html.contains("footnote"))
    }

    /// cmark-gfm's extension characters live in a process-wide table that each parse changes:
    /// renders at the same time, of texts with and without strikethrough, must each give what a
    /// render alone gives. (Without the sharing set up, autolinks and strikethroughs drop out.)
    func testOverlappingRendersGiveWhatARenderAloneGives() {
        let texts = ["- Voir : www.example.org/wsis2003 et https://example.org/b\n",
                     "~~x~~ | a | www.example.org et https://example.org/c\n"]
        let alone = texts.map { Self.render($0).html.string }
        XCTAssertTrue(alone[0].contains(#"<a href="http://www.example.org/wsis2003">"#), alone[0])
        XCTAssertTrue(alone[0].contains(#"<a href="https://example.org/b">"#), alone[0])
        XCTAssertTrue(alone[1].contains("<del>x</del>"), alone[1])
        let indexes = (0..<4_000).map { $0 % 3 == 0 ? 1 : 0 }
        let rendered = indexes.concurrentMap { Self.render(texts[$0]).html.string }
        let wrong = zip(indexes, rendered).filter { alone[$0] != $1 }
        XCTAssertEqual(wrong.count, 0, "\(wrong.prefix(3))")
        XCTAssertTrue(MarkdownRenderer.parsesInParallel, "texts without `~` parse in parallel")
    }

    func testImagesWithMarkupInTheirAltTextBecomeOneImage() {
        let output = render("![A *nice* [photo](/x) ![inner](/i.png)](/assets/p.png)\n\n# Title ![a **b**](/assets/c.png)")
        XCTAssertEqual(output.html, """
        <p><img src="../assets/p.png" alt="A nice photo inner" width="4" height="3" loading="lazy"></p>
        <h1 id="title">Title <img src="../assets/c.png" alt="a b" width="4" height="3" loading="lazy"></h1>

        """)
        XCTAssertTrue(output.diagnostics.isEmpty)
    }

    func testReferencesInsideLinkTextAreLeftAsWritten() {
        // Expanding them would put a link inside a link.
        XCTAssertEqual(render("[see *[[known]]*](/x)").html, "<p><a href=\"../x\">see <em>[[known]]</em></a></p>\n")
    }

    func testOnlyHTTPHTTPSMailtoAndRelativeLinksAreKept() {
        for url in ["javascript:alert(1)", " JaVa\tScript:x", "data:text/html,x", "vbscript:x", "file:///etc/passwd",
                    "ms-msdt:/id", "intent://x#Intent;end", "tel:123", "ftp://host/"] {
            XCTAssertTrue(URLSafety.isDangerous(url), url)
        }
        for url in ["https://example.org", "HTTP://x", "mailto:a@b.c", "/a", "../b.html", "#top", "//host/x", "a/b:c", "10:30", "?q=a:b"] {
            XCTAssertFalse(URLSafety.isDangerous(url), url)
        }
        XCTAssertEqual(render("[a](ms-msdt:/id) [b](https://x.org)").html, "<p><a href=\"\">a</a> <a href=\"https://x.org\">b</a></p>\n")
    }

    /// `[[reference]]` and `[[reference|label]]` are cut out of a text; brackets that are not
    /// such a link stay in the text around them.
    func testWikiLinksAreCutOutOfTheirText() {
        typealias Piece = WikiLinkScanner.Piece
        XCTAssertEqual(WikiLinkScanner.scan("no link here"), [Piece.text("no link here")])
        XCTAssertEqual(WikiLinkScanner.scan("voir [[bamako-2002| la conférence ]] et [[tunis]]."), [
            .text("voir "), .link(source: "[[bamako-2002| la conférence ]]", reference: "bamako-2002", label: "la conférence"),
            .text(" et "), .link(source: "[[tunis]]", reference: "tunis", label: nil), .text("."),
        ])
        XCTAssertEqual(WikiLinkScanner.scan("[[a]][[b|]]"), [
            .link(source: "[[a]]", reference: "a", label: nil), .link(source: "[[b|]]", reference: "b", label: nil),
        ])
        XCTAssertEqual(WikiLinkScanner.scan("[[[x]] [[]] [[a\nb]] é [[unclosed"), [Piece.text("[[[x]] [[]] [[a\nb]] é [[unclosed")])
        XCTAssertEqual(WikiLinkScanner.scan("[[[x]] puis [[y]]"), [.text("[[[x]] puis "), .link(source: "[[y]]", reference: "y", label: nil)])
    }
}
