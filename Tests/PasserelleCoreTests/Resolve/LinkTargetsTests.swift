import Foundation
import XCTest
@testable import PasserelleContent
@testable import PasserelleModel
@testable import PasserelleResolve

/// A link's title and page, from the table a full build reads and from the entries a text edit reads.
final class LinkTargetsTests: XCTestCase {
    func testTheTableAndTheEntriesGiveEachLanguageItsTitleAndPageAndNothingForUnknownEntries() throws {
        func file(_ path: String, _ section: String, _ slug: String, _ language: LanguageCode, _ text: String) -> SourceFile {
            SourceFile(displayPath: "content/" + path, relativePath: path, section: section, slug: slug, language: language, isIndex: false, text: text)
        }
        let config = try XCTUnwrap(SiteConfigLoader.load(text: SiteResolverTests.yaml, path: "content/site.yaml").0)
        let (site, _) = SiteResolver(config: config, options: .init(includeDrafts: false, buildDate: Date(timeIntervalSince1970: 1_132_000_000))).resolve(files: [
            file("recommendations/calendar.fr.md", "recommendations", "calendar", "fr", "---\ntitle: \"Calendrier\"\n---\n\nTexte.\n"),
            file("recommendations/calendar.en.md", "recommendations", "calendar", "en", "---\ntitle: \"Calendar\"\nslug: calendar-of-events\n---\n\nText.\n"),
            file("events/tunis.fr.md", "events", "tunis", "fr", "---\ntitle: \"Sommet de Tunis\"\nstart: 2005-11-16\n---\n\nTexte.\n"),
        ], assets: [])
        let resolved = try XCTUnwrap(site)
        let languages: [LanguageCode] = ["fr", "en"]
        let table = LinkTargets(table: resolved.entries, ids: resolved.entryIDs, languages: languages)
        let reading = LinkTargets(reading: resolved.entries, languages: languages)
        for targets in [table, reading] {
            XCTAssertEqual(targets.target("recommendations/calendar", languageIndex: 0),
                           .init(title: "Calendrier", path: "fr/recommandations/calendar/index.html"))
            XCTAssertEqual(targets.target("recommendations/calendar", languageIndex: 1),
                           .init(title: "Calendar", path: "en/recommendations/calendar-of-events/index.html"))
            // No English text: the French title, on the English page that shows it.
            XCTAssertEqual(targets.target("events/tunis", languageIndex: 1), .init(title: "Sommet de Tunis", path: "en/events/tunis/index.html"))
            XCTAssertNil(targets.target("events/none", languageIndex: 0))
        }
    }
}
