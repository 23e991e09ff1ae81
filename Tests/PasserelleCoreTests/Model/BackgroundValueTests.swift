import Foundation
import XCTest
@testable import PasserelleModel

final class BackgroundValueTests: XCTestCase {
    func testTheValueIsMadeOnAnotherThreadAndWaitedFor() {
        let started = Date()
        let value = BackgroundValue { () -> Int in
            Thread.sleep(forTimeInterval: 0.05)
            return 7
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 0.05, "making it does not block the caller")
        XCTAssertEqual(value.value, 7)
        XCTAssertEqual(value.value, 7, "read again, the same")
    }
}
