import Foundation
import XCTest
@testable import PasserelleModel

final class LocalTimeTests: XCTestCase {
    func time(_ text: String) -> DateTimeValue { DateTimeValue(iso: text)! }
    func zone(_ name: String) -> TimeZone { TimeZone(identifier: name)! }

    func testALocalTimeIsOneInstantOnAnOrdinaryDay() {
        // Tunis, UTC+1 all year: 09:00 there is 08:00 UTC.
        let instant = LocalTime.instant(of: time("2005-11-16T09:00"), in: zone("Africa/Tunis"))
        XCTAssertEqual(instant, LocalTime.seconds(of: time("2005-11-16T08:00")))
    }

    func testAnHourRepeatedInAutumnIsTwoInstantsAndTheFirstIsTaken() {
        // Paris leaves summer time on 30 October 2005 at 03:00: 02:30 happens twice.
        let instants = LocalTime.instants(of: time("2005-10-30T02:30"), in: zone("Europe/Paris"))
        XCTAssertEqual(instants.count, 2)
        XCTAssertEqual(instants[1] - instants[0], 3_600)
        XCTAssertEqual(LocalTime.instant(of: time("2005-10-30T02:30"), in: zone("Europe/Paris")), instants[0])
    }

    func testAnHourSkippedInSpringStillGivesAnInstant() {
        // Paris enters summer time on 27 March 2005 at 02:00: 02:30 does not happen.
        XCTAssertEqual(LocalTime.instants(of: time("2005-03-27T02:30"), in: zone("Europe/Paris")), [])
        let instant = LocalTime.instant(of: time("2005-03-27T02:30"), in: zone("Europe/Paris"))
        XCTAssertEqual(instant, LocalTime.seconds(of: time("2005-03-27T01:30")), "read with the offset before the gap")
    }
}
