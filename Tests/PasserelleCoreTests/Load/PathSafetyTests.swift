import XCTest
@testable import PasserelleContent

final class PathSafetyTests: XCTestCase {
    func testASegmentHasNoSeparatorDotDotOrControlCharacter() {
        for safe in ["calendar", "évènement-2005", "a.b", "ICT4D", "a~b", "中文", "a\u{A0}b"] { XCTAssertTrue(PathSafety.isSafeSegment(safe), safe) }
        for unsafe in ["", ".", "..", ".hidden", "a/b", "a\\b", "50%", "a?b", "a#b", "a:b", "a b", "a\u{7}b", "a|b", "a\tb", "a\u{7F}", "a\u{85}b", "a*b", "a\"b", "a<b", "a>b"] {
            XCTAssertFalse(PathSafety.isSafeSegment(unsafe), unsafe)
        }
    }

    func testAPathIsSafeSegmentsWithOptionalOuterSlashes() {
        XCTAssertTrue(PathSafety.isSafePath("/old/calendar/"))
        XCTAssertTrue(PathSafety.isSafePath("old//calendar"), "empty segments are left out")
        XCTAssertFalse(PathSafety.isSafePath("/"))
        XCTAssertFalse(PathSafety.isSafePath("old/../../etc"))
    }
}
