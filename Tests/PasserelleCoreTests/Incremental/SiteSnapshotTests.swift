import Foundation
import XCTest
@testable import PasserelleCore
@testable import PasserelleIncremental
@testable import PasserellePages
@testable import PasserelleResolve
@testable import PasserelleTemplates

/// The snapshot codec, round trip: what a build saves reads back as the same site and state, and
/// saving what was read gives the same again; edits saved beside it apply to that file only.
final class SiteSnapshotTests: XCTestCase {
    var site: FixtureSite!

    override func setUpWithError() throws {
        site = try FixtureSite("bilingual")
        XCTAssertTrue(site.build().succeeded)
    }

    override func tearDown() { site.remove() }

    var snapshotFile: URL {
        get throws {
            let folder = site.root.appendingPathComponent(".passerelle-cache")
            let name = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: folder.path)
                .first { $0.hasPrefix("snapshot-") && !$0.contains(".") })
            return folder.appendingPathComponent(name)
        }
    }

    func read(_ url: URL) throws -> SiteSnapshot {
        let config = try XCTUnwrap(ContentLoader(contentDirectory: site.content, displayRoot: "content").loadConfig().0)
        return try XCTUnwrap(SiteSnapshot(contentsOf: url, config: config, buildDate: Date(timeIntervalSince1970: 1_131_926_400)))
    }

    /// What a snapshot says, as comparable text: entries with their pages, diagnostics, search records.
    func summary(_ snapshot: SiteSnapshot) -> [String] {
        var lines = ["environment \(snapshot.environment)", "inode \(snapshot.outputInode)", "files \(snapshot.filesWritten)",
                     "pages \(snapshot.pagesPerLanguage.sorted { $0.key < $1.key })", "known \(snapshot.knownIDs)", "drafts \(snapshot.drafts)"]
        lines += snapshot.texts.sorted { $0.key < $1.key }.map { "text \($0.key) \($0.value)" }
        for (id, entry) in snapshot.site.entries.sorted(by: { $0.key < $1.key }) {
            lines.append("entry \(id) \(entry.section.name) \(entry.fileSlug)")
            for (language, variant) in entry.variants.sorted(by: { $0.key < $1.key }) {
                lines.append("  variant \(language) \(variant.metadata.title) \(variant.bodyFirstLine) \(variant.source.displayPath)")
            }
            for (language, page) in entry.pages.pairs {
                lines.append("  page \(language) \(page.textLanguage) \(page.outputPath) \(page.headingIDs) \(page.related) \(page.backlinks) "
                             + "\(page.bodyReferences) \(page.plainText.string.count) \(page.html.string.count)")
            }
        }
        lines += snapshot.bodyDiagnostics.sorted { $0.key < $1.key }.map { "body \($0.key) \($0.value.map(\.formatted))" }
        lines += snapshot.frontMatterDiagnostics.sorted { $0.key < $1.key }.map { "front \($0.key) \($0.value.map(\.formatted))" }
        lines += snapshot.otherDiagnostics.map { "other \($0.formatted)" }
        lines += snapshot.searchOrder.sorted { $0.key < $1.key }.map { "search \($0.key) \($0.value)" }
        return lines
    }

    func testASavedSnapshotReadsBackTheSameAndSavesTheSameAgain() throws {
        let first = try read(try snapshotFile)
        XCTAssertEqual(first.site.entries.count, 5)
        XCTAssertFalse(first.otherDiagnostics.isEmpty, "the fixture's missing translation is kept")
        let copy = site.root.appendingPathComponent("copy")
        let hashes = try first.save(to: copy)
        let second = try read(copy)
        XCTAssertEqual(summary(second), summary(first))
        XCTAssertEqual(second.fileHashes, hashes, "the hash saved is the hash of the file read")
    }

    func testEditsAreSavedBesideTheFileAndOnlyForIt() throws {
        var snapshot = try read(try snapshotFile)
        let copy = site.root.appendingPathComponent("copy")
        try snapshot.save(to: copy)
        snapshot = try read(copy)
        var entries = snapshot.site.entries
        entries["recommendations/zebra"]!.pages["fr"].plainText = "Texte changé."
        let old = snapshot.site
        snapshot.site = Site(config: old.config, sections: old.sections, entries: entries, homeIntros: old.homeIntros,
                             assets: old.assets, buildDate: old.buildDate)
        snapshot.editedPages = [SiteResolver.bodyKey(entry: "recommendations/zebra", section: nil, language: "fr")]
        let hashes = try snapshot.save(to: copy)
        XCTAssertNotEqual(hashes.edits, 0, "only the edits were written")
        let edited = try read(copy)
        XCTAssertEqual(edited.site.entries["recommendations/zebra"]?.pages["fr"].plainText, "Texte changé.")
        XCTAssertEqual(edited.fileHashes, hashes)
        // The edits of one snapshot file are not applied to another (each whole save is a new generation).
        let other = site.root.appendingPathComponent("other")
        var fresh = try read(try snapshotFile)
        fresh.editedPages = []
        try fresh.save(to: other)
        try FixtureSite.copy(SiteSnapshot.editsURL(copy), to: SiteSnapshot.editsURL(other))
        let config = try XCTUnwrap(ContentLoader(contentDirectory: site.content, displayRoot: "content").loadConfig().0)
        XCTAssertNil(SiteSnapshot(contentsOf: other, config: config, buildDate: Date()), "edits of another generation")
    }

    func testATruncatedSnapshotIsNotRead() throws {
        let data = try Data(contentsOf: try snapshotFile)
        let cut = site.root.appendingPathComponent("cut")
        try data.prefix(data.count / 2).write(to: cut)
        let config = try XCTUnwrap(ContentLoader(contentDirectory: site.content, displayRoot: "content").loadConfig().0)
        XCTAssertNil(SiteSnapshot(contentsOf: cut, config: config, buildDate: Date()))
    }
}
