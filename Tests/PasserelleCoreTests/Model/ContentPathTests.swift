import XCTest
@testable import PasserelleModel

final class ContentPathTests: XCTestCase {
    func testRelativePathsResolveFromTheWritingFile() {
        XCTAssertEqual(ContentPath.resolve("../events/tunis.md", from: "recommendations/calendar.fr.md"), "events/tunis.md")
        XCTAssertEqual(ContentPath.resolve("./b.md", from: "s/a.md"), "s/b.md")
        XCTAssertEqual(ContentPath.resolve("x/../y.md", from: "s/a.md"), "s/y.md")
        XCTAssertEqual(ContentPath.resolve("../../etc/passwd", from: "s/a.md"), nil, "out of the content folder")
        XCTAssertEqual(ContentPath.resolve("../a.md", from: "a.md"), nil)
    }

    func testAnchorsSplitOffAndAnEmptyOneIsNone() {
        XCTAssertTrue(ContentPath.splitAnchor("calendar#dates") == ("calendar", "dates"))
        XCTAssertTrue(ContentPath.splitAnchor("calendar#") == ("calendar", nil))
        XCTAssertTrue(ContentPath.splitAnchor("calendar") == ("calendar", nil))
        XCTAssertTrue(ContentPath.splitAnchor("a#b#c") == ("a", "b#c"), "the first # starts the anchor")
    }
}
