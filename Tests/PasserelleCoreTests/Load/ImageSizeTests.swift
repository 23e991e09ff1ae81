import XCTest
@testable import PasserelleCore
@testable import PasserelleIncremental
@testable import PasserellePages
@testable import PasserelleResolve
@testable import PasserelleTemplates

final class ImageSizeTests: XCTestCase {
    func testHeaders() throws {
        let png = try XCTUnwrap(ImageSize.read(FixtureSite.testsFolder.appendingPathComponent("Fixtures/bilingual/content/assets/pixel.png")))
        XCTAssertEqual(png.width, 4)
        XCTAssertEqual(png.height, 3)
        let gif: [UInt8] = [0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x20, 0x01, 0x10, 0x00]
        XCTAssertEqual(ImageSize.parse(gif, svg: false).map { [$0.width, $0.height] }, [288, 16])
        XCTAssertEqual(ImageSize.parseSVG(#"<svg xmlns="http://www.w3.org/2000/svg" width="120px" height="40">"#).map { [$0.width, $0.height] }, [120, 40])
        XCTAssertEqual(ImageSize.parseSVG(#"<svg viewBox="0 0 64 32">"#).map { [$0.width, $0.height] }, [64, 32])
        XCTAssertNil(ImageSize.parse([1, 2, 3], svg: false))
    }
}
