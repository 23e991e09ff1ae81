import XCTest
@testable import PasserelleModel

final class EntryTableTests: XCTestCase {
    func testHoldsWhatADictionaryOfTheSameIdsHolds() {
        let ids = (0..<500).map { EntryID("projects/p-\($0)") }
        var dictionary: [EntryID: Int] = [:]
        var table = EntryTable<Int>()
        for (index, id) in ids.enumerated() where index % 3 != 0 {
            dictionary[id] = index
            table[id] = index
        }
        for id in ids + [EntryID("projects/never-set")] { XCTAssertEqual(table[id], dictionary[id], "\(id)") }
        XCTAssertEqual(table.count, dictionary.count)
        XCTAssertEqual(EntryTable(dictionary)[ids[1]], 1)
    }

    func testSetsReplaceAndRemove() {
        let id = EntryID("events/e-1"), other = EntryID("events/e-2")
        var table = EntryTable([(id, "a"), (other, "b"), (id, "c")])
        XCTAssertEqual(table[id], "c", "a later value of the same id wins")
        XCTAssertEqual(table.count, 2)
        table[id] = nil
        XCTAssertNil(table[id])
        XCTAssertEqual(table[other], "b")
        XCTAssertEqual(table.count, 1)
        table[EntryID("events/e-unset")] = nil
        XCTAssertEqual(table.count, 1, "removing an id never set changes nothing")
    }

    func testValuesAreReadInPlace() {
        let id = EntryID("events/e-1")
        let table = EntryTable([(id, ["a", "b"])])
        XCTAssertEqual(table.withValue(id) { $0?.pointee }, ["a", "b"])
        XCTAssertNil(table.withValue(EntryID("events/e-unset")) { $0?.pointee })
        XCTAssertNil(EntryTable<[String]>().withValue(id) { $0?.pointee }, "an id past the table's slots")
        var emptied = table
        emptied[id] = nil
        XCTAssertNil(emptied.withValue(id) { $0?.pointee }, "an id whose value was removed")
    }

    func testTheSameTextIsTheSameSlotFromAnyThread() {
        let texts = (0..<200).map { "recommendations/r-\($0)" }
        var table = EntryTable<String>()
        for text in texts { table[EntryID(text)] = text }
        let filled = table
        let read = texts.concurrentMap { text in filled[EntryID(String(text.utf8))] }
        XCTAssertEqual(read, texts)
    }
}
