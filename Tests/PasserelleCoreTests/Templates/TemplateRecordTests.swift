import XCTest
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

    func testMustacheFalsinessIsFalseAnEmptyListOrNothingElse() {
        XCTAssertTrue(TemplateValue.bool(false).isFalsy)
        XCTAssertTrue(TemplateValue.records([]).isFalsy)
        for value: TemplateValue in [.bool(true), .text(""), .number(0), .record([:]), .records([[:]]), .table([:])] {
            XCTAssertFalse(value.isFalsy, "\(value)")
        }
    }
}
