import XCTest
@testable import PasserelleModel
@testable import PasserelleTemplates

/// A theme's `map/world.tsv`: read line by line, every malformed line an error where it is.
final class WorldMapTests: XCTestCase {
    private func messages(_ text: String) -> [String] {
        WorldMap.parse(text, path: "map/world.tsv").1.map { "\($0.location.line): \($0.message)" }
    }

    func testCountriesInTheFilesOrderAndLandWithoutACode() throws {
        let (map, diagnostics) = WorldMap.parse("# source\nviewBox\t0 0 10 5\nML\tM1 1l2 0 0 2z\n--\tM5 5l1 0 0 1z\nSN\tM0 0l1 1-1 1z\n", path: "map/world.tsv")
        XCTAssertEqual(diagnostics, [])
        let world = try XCTUnwrap(map)
        XCTAssertEqual(world.viewBox, "0 0 10 5")
        XCTAssertEqual(world.countries.map(\.code), ["ML", nil, "SN"])
        XCTAssertEqual(world.countries[2].path, "M0 0l1 1-1 1z")
    }

    func testEachMistakeIsAnErrorAtItsLine() {
        XCTAssertEqual(messages("viewBox\t0 0 10\nsn\tM0 0z\nSN\tM0 0z\nSN\tM1 1z\nML\tM0 0\"/><script>\nFR\n"), [
            "1: viewBox must be four numbers, 'x y width height'",
            "2: 'sn' is not an ISO 3166-1 alpha-2 code (two capital letters) nor '--'",
            "4: country 'SN' is drawn twice",
            "5: path data of 'ML' holds characters SVG path data does not",
            "6: expected a code, a tab and SVG path data",
        ])
        XCTAssertEqual(messages("SN\tM0 0z\n"), ["1: missing the 'viewBox' line"])
    }

    /// The default theme's map: Natural Earth's countries, within the catalog page's budget.
    func testTheDefaultThemesMapHasTheWorldsCountries() throws {
        let text = try String(contentsOf: FixtureSite.defaultTheme.appendingPathComponent(WorldMap.file), encoding: .utf8)
        let (map, diagnostics) = WorldMap.parse(text, path: WorldMap.file)
        XCTAssertEqual(diagnostics, [])
        let codes = Set(try XCTUnwrap(map).countries.compactMap(\.code))
        XCTAssertGreaterThan(codes.count, 170)
        XCTAssertTrue(codes.isSuperset(of: ["SN", "ML", "FR", "GB", "BR", "CN", "ZA", "CH", "IN", "US", "XK"]))
        XCTAssertTrue(text.hasPrefix("# Natural Earth"), "the file names its source")
    }
}
