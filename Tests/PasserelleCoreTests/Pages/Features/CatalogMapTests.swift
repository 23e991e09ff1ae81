import XCTest
@testable import PasserelleModel
@testable import PasserellePages
@testable import PasserelleTemplates

/// A catalog's map: shaded countries on top, three levels of counts at most.
final class CatalogMapTests: XCTestCase {
    func testLevelsSplitTheCountsIntoThirdsWithoutEmptyOrOverlappingRanges() {
        XCTAssertEqual(CatalogMap.levels(counts: []), [])
        XCTAssertEqual(CatalogMap.levels(counts: [2, 2, 2]), [2...2])
        XCTAssertEqual(CatalogMap.levels(counts: [1, 2]), [1...1, 2...2])
        XCTAssertEqual(CatalogMap.levels(counts: [1, 1, 2, 3, 5, 10]), [1...1, 2...3, 4...10])
        XCTAssertEqual(CatalogMap.levels(counts: [1, 1, 1, 1, 1, 40]), [1...1, 2...40])
        XCTAssertEqual(CatalogMap.levels(counts: [3, 1, 2]), [1...1, 2...2, 3...3])
    }

    func testCountriesWithEntriesAreDrawnLastWithTheirLevel() throws {
        let world = try XCTUnwrap(WorldMap.parse("viewBox\t0 0 10 5\nML\tM1 1z\nSN\tM2 2z\n--\tM3 3z\nFR\tM4 4z\n", path: "m").0)
        let field = FieldDefinition(name: "countries", kind: .countries, titles: [:], slugs: [:])
        let facet = Catalog.Facet(field: field, values: [
            .init(key: "SN", slug: "sn", label: "Sénégal", entries: ["p/a", "p/b"]),
            .init(key: "ML", slug: "ml", label: "Mali", entries: ["p/a"]),
            .init(key: "NR", slug: "nr", label: "Nauru", entries: ["p/c"]),
        ])
        let map = CatalogMap(facet: facet, map: world)
        XCTAssertEqual(map.countries.map(\.path), ["M3 3z", "M4 4z", "M1 1z", "M2 2z"], "plain land first, in the file's order")
        XCTAssertEqual(map.countries.map(\.level), [0, 0, 1, 2])
        XCTAssertEqual(map.countries.map { $0.value?.key }, [nil, nil, "ML", "SN"])
        XCTAssertEqual(map.levels, [1...1, 2...2], "Nauru, not on the map, counts in the levels as in the table")
    }
}
