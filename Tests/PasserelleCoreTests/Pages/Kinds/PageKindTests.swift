import XCTest
@testable import PasserelleModel
@testable import PasserellePages

final class PageKindTests: XCTestCase {
    func testWhatABodyEditChangesFollowsTheBodiesAJobShows() {
        let a: EntryID = "s/a", b: EntryID = "s/b"
        XCTAssertFalse(BodyUse.none.shows(anyOf: [a]))
        XCTAssertTrue(BodyUse.own(a).shows(anyOf: [a, b]))
        XCTAssertFalse(BodyUse.own(a).shows(anyOf: [b]))
        XCTAssertTrue(BodyUse.quoted([a], html: false).shows(anyOf: [a]))
        XCTAssertFalse(BodyUse.quoted([a], html: true).shows(anyOf: [b]))
        XCTAssertTrue(BodyUse.records.shows(anyOf: [b]), "an index of every body")
        XCTAssertFalse(BodyUse.records.shows(anyOf: []))
    }

    func testTheRegistryIsTheOneListOfKindsAndTemplates() {
        let names = PageKinds.all.map(\.name)
        XCTAssertEqual(names.count, Set(names).count, "each kind once")
        let requirements = PageKinds.themeRequirements
        XCTAssertTrue(requirements.templates.contains("base"))
        for kind in PageKinds.all { XCTAssertTrue(Set(kind.templates).isSubset(of: Set(requirements.templates)), kind.name) }
        XCTAssertTrue(requirements.keys.isSuperset(of: ["azURL", "tagsURL", "searchURL", "feedURL"]), "chrome links are keys")
    }

    func testRootJobsAreInNoLanguage() throws {
        let (site, _) = try FixtureSite.resolved("minimal")
        for kind in [LanguageChooserPage() as any PageKind, RootNotFoundPage(), SitemapFile(), RobotsFile(), RedirectPages()] {
            XCTAssertEqual(kind.jobs(in: site).map(\.language), [.root], kind.name)
        }
        XCTAssertEqual(NotFoundPage().jobs(in: site).map(\.language), site.languageCodes)
    }
}
