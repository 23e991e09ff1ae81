import Foundation
import XCTest
@testable import PasserelleCore
@testable import PasserelleModel
@testable import PasserelleIncremental
@testable import PasserellePages
@testable import PasserelleResolve
@testable import PasserelleTemplates

/// The resolver on its own, from texts in memory: translations paired, fallbacks placed, references
/// and `related` resolved to the reader's language, backlinks computed, every failure located.
final class SiteResolverTests: XCTestCase {
    static let yaml = """
    title: { fr: "Essai", en: "Test" }
    baseURL: "https://example.org/t/"
    languages:
      - { code: fr, name: "Français", locale: fr_FR }
      - { code: en, name: "English", locale: en_GB }
    sections:
      recommendations: { kind: entry, slug: { fr: recommandations, en: recommendations }, title: { fr: Recommandations, en: Recommendations } }
      events: { kind: event, slug: { fr: evenements, en: events }, title: { fr: "Événements", en: "Events" } }
    """

    func file(_ path: String, _ text: String) -> SourceFile {
        let parts = path.split(separator: "/").map(String.init)
        let name = parts.last!.dropLast(3)
        let dot = name.lastIndex(of: ".")!
        return SourceFile(displayPath: "content/" + path, relativePath: path, section: parts.count > 1 ? parts[0] : nil,
                          slug: String(name[..<dot]), language: LanguageCode(String(name[name.index(after: dot)...])), isIndex: false, text: text)
    }

    func resolve(_ files: [SourceFile]) throws -> (Site?, [Diagnostic]) {
        let config = try XCTUnwrap(SiteConfigLoader.load(text: Self.yaml, path: "content/site.yaml").0)
        let resolver = SiteResolver(config: config, options: .init(includeDrafts: false, buildDate: Date(timeIntervalSince1970: 1_132_000_000)))
        return resolver.resolve(files: files, assets: [])
    }

    func testTranslationsReferencesAndBacklinks() throws {
        let (site, diagnostics) = try resolve([
            file("recommendations/calendar.fr.md", "---\ntitle: \"Calendrier\"\nrelated: [tunis]\n---\n\nVoir [[tunis]].\n"),
            file("recommendations/calendar.en.md", "---\ntitle: \"Calendar\"\nslug: calendar-of-events\n---\n\nSee [[events/tunis]].\n"),
            file("events/tunis.fr.md", "---\ntitle: \"Sommet de Tunis\"\nstart: 2005-11-16\n---\n\n## Dates clés\n"),
        ])
        let resolved = try XCTUnwrap(site)
        XCTAssertEqual(diagnostics.map(\.formatted), [
            "content/events/tunis.fr.md:1:1: warning: missing translation: 'events/tunis' has no 'en' text (content/events/tunis.en.md); the 'fr' text is shown instead",
        ])
        let calendar = try XCTUnwrap(resolved.entries["recommendations/calendar"])
        XCTAssertEqual(calendar.pages["fr"].outputPath, "fr/recommandations/calendar/index.html")
        XCTAssertEqual(calendar.pages["en"].outputPath, "en/recommendations/calendar-of-events/index.html")
        // A reference leads to the target in the reader's language, titled in it.
        XCTAssertTrue(calendar.pages["fr"].html.string.contains(#"<a href="../../evenements/tunis/index.html">Sommet de Tunis</a>"#), calendar.pages["fr"].html.string)
        XCTAssertTrue(calendar.pages["en"].html.string.contains(#"<a href="../../events/tunis/index.html">Sommet de Tunis</a>"#), calendar.pages["en"].html.string)
        XCTAssertEqual(calendar.pages["fr"].related, ["events/tunis"])
        // The event shows its French text on the English site, and is cited by the calendar in both.
        let tunis = try XCTUnwrap(resolved.entries["events/tunis"])
        XCTAssertEqual(tunis.pages["en"].textLanguage, "fr")
        XCTAssertEqual(tunis.pages["en"].isFallback, true)
        XCTAssertEqual(tunis.pages["fr"].backlinks, ["recommendations/calendar"])
        XCTAssertEqual(tunis.pages["en"].backlinks, ["recommendations/calendar"])
        XCTAssertEqual(tunis.pages["fr"].headingIDs, ["dates-cles"])
    }

    func testFailuresAreLocatedAndNoSiteIsMade() throws {
        let (site, diagnostics) = try resolve([
            file("recommendations/calendar.fr.md", "---\ntitle: \"Calendrier\"\nrelated: [nowhere]\n---\n\nVoir [[tunis#absent]] et [[calender]].\n"),
            file("recommendations/calendar.en.md", "---\ntitle: \"Calendar\"\n---\n"),
            file("events/tunis.fr.md", "---\ntitle: \"Sommet\"\nstart: 2005-11-16\n---\n"),
            file("events/tunis.en.md", "---\ntitle: \"Summit\"\nstart: 2005-11-16\n---\n"),
        ])
        XCTAssertNil(site)
        XCTAssertEqual(diagnostics.errors.map(\.formatted).sorted(), [
            "content/recommendations/calendar.fr.md:3:11: error: unresolved reference 'nowhere'",
            // Columns of the reference itself, inside its brackets.
            "content/recommendations/calendar.fr.md:6:8: error: no heading '#absent' in 'events/tunis'",
            "content/recommendations/calendar.fr.md:6:28: error: unresolved reference 'calender' (did you mean 'recommendations/calendar'?)",
        ].sorted())
    }

    /// `translated_from`: current when the named text's file has the recorded blob id, outdated
    /// (a warning, and the page knows) when it does not, an error when it names no text.
    func testProvenanceByTheSourcesBlobID() throws {
        let french = "---\ntitle: Calendrier\n---\nTexte.\n"
        let blob = GitBlobID.of(Array(french.utf8))
        let english = { (value: String) in "---\ntitle: Calendar\ntranslated_from: \"\(value)\"\n---\nText.\n" }
        var (site, diagnostics) = try resolve([file("recommendations/calendar.fr.md", french),
                                               file("recommendations/calendar.en.md", english("fr:" + blob.prefix(7)))])
        XCTAssertEqual(diagnostics, [])
        XCTAssertNil(try XCTUnwrap(site)[EntryID("recommendations/calendar")].pages["en"].outdatedFrom)

        (site, diagnostics) = try resolve([file("recommendations/calendar.fr.md", french + "Plus.\n"),
                                           file("recommendations/calendar.en.md", english("fr:" + blob.prefix(7)))])
        let now = GitBlobID.of(Array((french + "Plus.\n").utf8))
        XCTAssertEqual(diagnostics.map(\.formatted), ["content/recommendations/calendar.en.md:3:18: warning: outdated translation: content/recommendations/calendar.fr.md has changed since this text was translated from it (recorded fr:\(blob.prefix(7)), now fr:\(now.prefix(7))); `passerelle translations` shows the changes, `passerelle translations mark content/recommendations/calendar.en.md` records the new version"])
        let entry = try XCTUnwrap(site)[EntryID("recommendations/calendar")]
        XCTAssertEqual(entry.pages["en"].outdatedFrom, "fr")
        XCTAssertNil(entry.pages["fr"].outdatedFrom)

        for (value, message) in [("en:" + blob, "'translated_from' names this text's own language, 'en': name the language it was translated from"),
                                 ("fi:" + blob, "unknown language 'fi' in 'translated_from' (did you mean 'fr'?)"),
                                 ("fr:xyz", "'translated_from' must be a language and a git blob id, at least its first 7 hex digits: \"fr:3f2a9c1\" (`passerelle translations mark FILE` writes it)")] {
            (_, diagnostics) = try resolve([file("recommendations/calendar.fr.md", french), file("recommendations/calendar.en.md", english(value))])
            XCTAssertEqual(diagnostics.first?.message, message, value)
            XCTAssertEqual(diagnostics.first?.location.line, 3)
        }
        (_, diagnostics) = try resolve([file("recommendations/alone.en.md", english("fr:" + blob))])
        XCTAssertTrue(diagnostics.map(\.message).contains("'translated_from' names the 'fr' text, but there is none (content/recommendations/alone.fr.md)"), "\(diagnostics)")
    }
}
