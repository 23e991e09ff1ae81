import XCTest
import PasserelleModel
@testable import PasserelleTemplates

final class TemplateRecordTests: XCTestCase {
    func testValuesAreSetReplacedRemovedAndMergedInOrder() {
        var record: TemplateRecord = ["title": "A", "count": 2, "shown": true, "t": .table(["home": "Accueil"])]
        record["title"] = "B"
        record["count"] = nil
        record["entries"] = [["title": "C"]]
        record.merge(["shown": false, "extra": "x"])
        XCTAssertEqual(record.pairs.map(\.name), ["title", "shown", "t", "entries", "extra"])
        guard case .text("B")? = record["title"], case .bool(false)? = record["shown"],
              case let .records(entries)? = record["entries"], case .table? = record["t"] else {
            return XCTFail("\(record.pairs)")
        }
        XCTAssertEqual(entries.count, 1)
        XCTAssertNil(record["count"])
        XCTAssertNil(record["missing"])
    }

    /// A record laid over another shows what a copy of it, changed the same way, shows: the
    /// same values under the same names, in the same order, and compares equal to it.
    func testARecordLaidOverAnotherShowsWhatAChangedCopyOfItShows() {
        let base: TemplateRecord = ["title": "A", "count": 2, "shown": true, "t": .table(["home": "Accueil"])]
        let changes: [(inout TemplateRecord) -> Void] = [
            { _ in },
            { $0["title"] = "B" },
            { $0["extra"] = "x"; $0["title"] = "C" },
            { $0["count"] = nil },
            { $0["extra"] = "x"; $0["extra"] = nil },
            { $0["extra"] = "x"; $0["shown"] = nil; $0["more"] = 3 },
            { $0.merge(["shown": false, "new": "n"]) },
            { $0["missing"] = nil },
        ]
        for (number, change) in changes.enumerated() {
            var copy = base, laid = TemplateRecord(over: base)
            change(&copy)
            change(&laid)
            XCTAssertEqual(laid.pairs.map(\.name), copy.pairs.map(\.name), "change \(number)")
            XCTAssertEqual(laid.pairs.map(\.value), copy.pairs.map(\.value), "change \(number)")
            XCTAssertEqual(laid, copy, "change \(number)")
            for name in ["title", "count", "shown", "t", "extra", "more", "new", "missing"] {
                XCTAssertEqual(laid[name], copy[name], "change \(number), \(name)")
            }
            // Laid over a record that is itself laid over another.
            var twice = TemplateRecord(over: TemplateRecord(over: base))
            change(&twice)
            XCTAssertEqual(twice, copy, "change \(number), twice")
        }
        XCTAssertNotEqual(TemplateRecord(over: base), ["title": "A"])
        // Rendered the same way by the templates.
        let template = try! TemplateParser.compile("{{title}} {{count}} {{#shown}}yes{{/shown}} {{t.home}} {{extra}}")
        var laid = TemplateRecord(over: base), copy = base
        laid["extra"] = "x"; copy["extra"] = "x"
        XCTAssertEqual(template.render(laid, partials: [:]), template.render(copy, partials: [:]))
    }

    func testMustacheFalsinessIsFalseAnEmptyListOrNothingElse() {
        XCTAssertTrue(TemplateValue.bool(false).isFalsy)
        XCTAssertTrue(TemplateValue.records([]).isFalsy)
        for value: TemplateValue in [.bool(true), .text(""), .number(0), .record([:]), .records([[:]]), .table([:])] {
            XCTAssertFalse(value.isFalsy, "\(value)")
        }
    }

    /// The layout the template engine reads values in place by (`TemplateValue.payload(of:as:)`,
    /// `TemplateRecord.valueAddress`): were it to change, these fail before any page does.
    func testValuesAreReadWhereTheyAreHeld() {
        XCTAssertTrue(TemplateRecord.valueIsAtTheStartOfItsField)
        let text = String(repeating: "long enough not to be a small string ", count: 2)
        withUnsafePointer(to: TemplateValue.text(text)) { XCTAssertEqual(TemplateValue.payload(of: $0, as: String.self).pointee, text) }
        withUnsafePointer(to: TemplateValue.text("court")) { XCTAssertEqual(TemplateValue.payload(of: $0, as: String.self).pointee, "court") }
        withUnsafePointer(to: TemplateValue.utf8Text(UTF8Text(text))) { XCTAssertEqual(TemplateValue.payload(of: $0, as: UTF8Text.self).pointee.string, text) }
        let record: TemplateRecord = ["a": "b", "n": 1]
        withUnsafePointer(to: TemplateValue.record(record)) { XCTAssertEqual(TemplateValue.payload(of: $0, as: TemplateRecord.self).pointee, record) }
        withUnsafePointer(to: TemplateValue.records([record, [:]])) {
            XCTAssertEqual(TemplateValue.payload(of: $0, as: [TemplateRecord].self).pointee, [record, [:]])
        }
        withUnsafePointer(to: TemplateValue.table(["home": "Accueil"])) {
            XCTAssertEqual(TemplateValue.payload(of: $0, as: TemplateTable.self).pointee.texts, ["home": "Accueil"])
        }
        XCTAssertEqual(record.valueAddress(of: "n", key: TemplateRecord.key(of: "n"))?.pointee, .number(1))
        XCTAssertNil(record.valueAddress(of: "missing", key: TemplateRecord.key(of: "missing")))
    }
}
