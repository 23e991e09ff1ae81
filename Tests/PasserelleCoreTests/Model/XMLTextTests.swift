import XCTest
@testable import PasserelleModel

final class XMLTextTests: XCTestCase {
    func testTheFiveSpecialCharactersAreEscaped() {
        XCTAssertEqual(XMLText.escape(#"<a href="x">Tom & Jerry's</a>"#), "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;")
        XCTAssertEqual(XMLText.escape("plain été\n"), "plain été\n", "nothing else changes")
    }
}
