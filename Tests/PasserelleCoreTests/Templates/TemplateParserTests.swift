import Mustache
import XCTest
@testable import PasserelleTemplates

/// The parser's errors, each where swift-mustache's parser puts it, and what it notes of the names read.
final class TemplateParserTests: XCTestCase {
    private func failure(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> TemplateParser.Failure? {
        do {
            _ = try TemplateParser.compile(text)
            XCTFail("\(text.debugDescription) compiled", file: file, line: line)
            return nil
        } catch let failure as TemplateParser.Failure {
            return failure
        } catch {
            XCTFail("\(error)", file: file, line: line)
            return nil
        }
    }

    /// Each structural error at the place swift-mustache gives (its column, plus one, as diagnostics show it).
    func testStructuralErrorsAreWhereSwiftMustachePutsThem() throws {
        let cases: [(String, String)] = [
            ("<p>{{#entry}}\n", "a section is opened but never closed: a {{/name}} is missing"),
            ("a\n{{#a}}{{/b}}", "this {{/name}} closes a section that is not the one open"),
            ("{{/a}}", "this {{/name}} closes a section that is not the one open"),
            ("x {{title", "a tag is not closed: '}}' is missing"),
            ("x\n  {{{title}}", "a tag is not closed: '}}' is missing"),
            ("{{<base}}{{title}}{{/base}}", "inside {{<parent}} … {{/parent}} only {{$block}} overrides may appear"),
        ]
        for (text, message) in cases {
            let ours = try XCTUnwrap(failure(text))
            XCTAssertEqual(ours.message, message, text)
            do {
                _ = try MustacheTemplate(string: text)
                XCTFail("swift-mustache accepts \(text.debugDescription)")
            } catch let error as MustacheTemplate.ParserError {
                XCTAssertEqual(ours.line, error.context.lineNumber, text)
                XCTAssertEqual(ours.column, error.context.columnNumber + 1, text)
            }
        }
    }

    /// What Passerelle's templates do not support is an error, never a fallback.
    func testUnsupportedConstructsAreErrors() throws {
        XCTAssertEqual(failure("{{=<% %>=}}<% title %>")?.message, "delimiter changes ({{=<% %>=}}) are not supported by Passerelle's templates")
        XCTAssertEqual(failure("a\n{{uppercased(title)}}")?.message, "transforms ('uppercased(title)') are not supported by Passerelle's templates")
        XCTAssertEqual(failure("a\n{{uppercased(title)}}")?.line, 2)
        XCTAssertEqual(failure("{{>*dynamic}}")?.message, "dynamic partials ({{>*name}}) are not supported by Passerelle's templates")
        XCTAssertEqual(failure("{{<*dynamic}}{{/dynamic}}")?.message, "dynamic parents ({{<*name}}) are not supported by Passerelle's templates")
        XCTAssertEqual(failure("{{%CONTENT_TYPE:TEXT}}")?.message, "pragmas ({{%NAME}}) are not supported by Passerelle's templates")
        XCTAssertEqual(failure("{{! never closed")?.message, "a tag is not closed: '}}' is missing")
    }

    /// The names a template reads and the partials it includes, at the column of the name in Unicode scalars.
    func testReferencesAreNotedWithTheirPlace() throws {
        let template = try TemplateParser.compile("é {{ title }}\n{{#entries}}{{{html}}}{{&raw}}{{/entries}}{{^none}}{{/none}}\n  {{> item}}{{<base}}{{$main}}{{t.home}}{{/main}}{{/base}}{{! {{ignored}} }}")
        XCTAssertEqual(template.references.map { "\($0.kind) \($0.name) \($0.line):\($0.column)" }, [
            "value title 1:6", "value entries 2:4", "value html 2:16", "value raw 2:26",
            "value none 2:46", "partial item 3:7", "partial base 3:16", "value t.home 3:33",
        ])
    }
}
