import XCTest
@testable import PasserelleCore
@testable import PasserelleIncremental
@testable import PasserellePages
@testable import PasserelleResolve
@testable import PasserelleTemplates

final class ReferenceIndexTests: XCTestCase {
    let index = ReferenceIndex(entryIDs: ["recommendations/calendar", "events/tunis-2005", "projects/unites", "pages/unites"],
                               languages: ["fr", "en"])

    func testByIDAndUniqueSlug() {
        XCTAssertEqual(try index.resolve("recommendations/calendar").get(), "recommendations/calendar")
        XCTAssertEqual(try index.resolve("calendar").get(), "recommendations/calendar")
        XCTAssertEqual(try index.resolve("/events/tunis-2005").get(), "events/tunis-2005")
    }

    func testAmbiguousAndMisspelt() {
        XCTAssertEqual(ReferenceIndex.message(for: index.resolve("unites").failure!, reference: "unites"),
                       "ambiguous reference 'unites': it could be 'pages/unites' or 'projects/unites'; write the full id")
        XCTAssertEqual(ReferenceIndex.message(for: index.resolve("calender").failure!, reference: "calender"),
                       "unresolved reference 'calender' (did you mean 'recommendations/calendar'?)")
        XCTAssertEqual(ReferenceIndex.message(for: index.resolve("event/tunis-2005").failure!, reference: "event/tunis-2005"),
                       "unresolved reference 'event/tunis-2005' (did you mean 'events/tunis-2005'?)")
    }

    func testRelativeFilePaths() {
        XCTAssertEqual(try index.resolve(filePath: "../events/tunis-2005.md", from: "recommendations/calendar.fr.md").get(), "events/tunis-2005")
        XCTAssertEqual(try index.resolve(filePath: "../events/tunis-2005.fr.md", from: "recommendations/calendar.fr.md").get(), "events/tunis-2005")
        XCTAssertEqual(try index.resolve(filePath: "calendar.en.md", from: "recommendations/x.en.md").get(), "recommendations/calendar")
        XCTAssertNotNil(index.resolve(filePath: "../events/nowhere.md", from: "recommendations/calendar.fr.md").failure)
    }
}

extension Result {
    var failure: Failure? { if case let .failure(error) = self { return error } else { return nil } }
}
