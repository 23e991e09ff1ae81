import XCTest
@testable import PasserelleTemplates

final class TemplateRecordTests: XCTestCase {
    func testValuesAreSetReplacedRemovedAndMergedInOrder() {
        var record: TemplateRecord = ["title": "A", "count": 2, "shown": true, "t": ["home": "Accueil"] as [String: String]]
        record["title"] = "B"
        record["count"] = nil
        record["entries"] = [["title": "C"]] as [TemplateRecord]
        record.merge(["shown": false, "extra": "x"])
        XCTAssertEqual(record.pairs.map(\.name), ["title", "shown", "t", "entries", "extra"])
        guard case .text("B")? = record["title"]?.templateValue, case .bool(false)? = record["shown"]?.templateValue,
              case let .records(entries)? = record["entries"]?.templateValue, case .table? = record["t"]?.templateValue else {
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
