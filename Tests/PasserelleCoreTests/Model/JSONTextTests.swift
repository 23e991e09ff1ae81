import Foundation
import XCTest
@testable import PasserelleModel

final class JSONTextTests: XCTestCase {
    func testStringsEscapeWhatJSONAndScriptsNeed() throws {
        let tricky = "quote \" backslash \\ tab \t line\n <script> \u{2028} \u{1} é"
        let written = JSONText.string(tricky)
        XCTAssertFalse(written.contains("<"), "`</script>` stays inert in a script file")
        XCTAssertFalse(written.contains("\u{2028}"))
        let read = try JSONSerialization.jsonObject(with: Data(written.utf8), options: .fragmentsAllowed) as? String
        XCTAssertEqual(read, tricky, "what is written reads back as it was")
        XCTAssertEqual(written, #""quote \" backslash \\ tab \t line\n \u003cscript> \u2028 \u0001 é""#, "each escape in its one form")
        XCTAssertEqual(JSONText.string("l’été\u{2029}\u{1F}\r"), #""l’été\u2029\u001f\r""#, "U+2019 shares U+2028's lead byte and stays")
        XCTAssertEqual(JSONText.string("plain"), "\"plain\"")
        XCTAssertEqual(JSONText.string(EntryID("a/b")), "\"a/b\"")
        XCTAssertEqual(JSONText.string(LanguageCode("fr")), "\"fr\"")
    }

    func testObjectsKeepTheirKeysInTheOrderGiven() {
        XCTAssertEqual(JSONText.object([("b", "1"), ("a", JSONText.string("x"))]), #"{"b":1,"a":"x"}"#)
        XCTAssertEqual(JSONText.array(["1", "2"]), "[1,2]")
        XCTAssertEqual(JSONText.array([]), "[]")
    }
}
