@testable import PasserelleCore
@testable import PasserelleIncremental
@testable import PasserellePages
@testable import PasserelleResolve
@testable import PasserelleTemplates
import XCTest

/// `PlainTextRenderer` must write what `cmark_render_plaintext` writes (calendars, feeds and search
/// read it), or hand the document back to cmark.
final class PlainTextRendererTests: XCTestCase {
    private let covered: [String] = [
        "",
        "One paragraph.",
        "First line\nsoft break\\\nhard break  \ntrailing spaces\n\nSecond *emphasis* **strong** `code` [link](x.md) ![alt](a.png).",
        "# Heading\n\nSetext\nheading on two lines\n===\n\n## Second `code`\ntext right after",
        "- tight\n- list\n  continued\n- items\n\nAfter.",
        "- loose\n\n- list\n\n  second paragraph\n- item",
        "1. one\n2. two\n\n   para in two\n3. three",
        (1...12).map { "\($0). item \($0)" }.joined(separator: "\n"),
        "98. a\n99. b\n    1. nested\n    2. nested\n100. c\n101. d",
        "3) paren\n4) delim\n\n- bullet\n  - nested bullet\n    - deeper\n\n      loose deeper\n- back",
        "- item\n\n  ```\n  code in item\n  ```\n- ```\n  first in item\n  ```",
        "Para\n\n```swift\nlet x = 1\n\nlet y = 2\n```\n\n    indented\n    code\n\n---\n\n***\nafter breaks",
        "> quoted\n> lines\n>\n> - list in quote\n> - two\n\nout",
        "| a | b | c |\n|:--|:-:|--:|\n| x \\| y | `p|q` | *z* |\n| [l](u) | | 3 |",
        "- item\n\n  | t | u |\n  |---|---|\n  | 1 | 2 |\n\n  after table",
        "<div>\nraw block\n</div>\n\nInline <span>html</span> here.",
        "Français : « été », naïve, Œuvre — emoji 🌍, 中文, Ελληνικά.",
        "1. list\n\n```\ncode after list\n```\n\n- a\n\n1. b",
        "Text\n\n- a\n- b\n\n  ```\n  x\n  ```\n\n  - c\n\nEnd",
        "See http://example.org and www.example.org here.",
    ]

    func testCoveredConstructsMatchCmarkByteForByte() {
        for markdown in covered {
            let texts = MarkdownRenderer.plainTexts(of: markdown[...])
            XCTAssertNotNil(texts.walked, markdown)
            XCTAssertEqual(texts.walked, texts.cmark, markdown)
        }
    }

    func testOtherExtensionsAreLeftToCmark() {
        for markdown in ["Some ~~struck~~ text.", "- [ ] task\n- [x] done", "Note[^1].\n\n[^1]: The footnote."] {
            let texts = MarkdownRenderer.plainTexts(of: markdown[...])
            XCTAssertTrue(texts.walked == nil || texts.walked == texts.cmark, markdown)
        }
    }

    func testTheCorpusShapeTakesTheFastPath() {
        let body = "## Training 1\n\nSome *a* **b**.\n\n- x\n- y\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nVoir [[projects/p]]."
        let texts = MarkdownRenderer.plainTexts(of: body[...])
        XCTAssertEqual(texts.walked, texts.cmark)
        XCTAssertEqual(texts.walked, "Training 1\n\nSome a b.\n\n  - x\n  - y\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n\nVoir [[projects/p]].\n")
    }
}
