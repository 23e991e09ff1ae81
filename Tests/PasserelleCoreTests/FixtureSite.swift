import Foundation
import XCTest
@testable import PasserelleCore
@testable import PasserelleContent
@testable import PasserelleIncremental
@testable import PasserellePages
@testable import PasserelleResolve
@testable import PasserelleTemplates

/// A fixture site copied into a fresh temporary folder, built with the tiny test theme
/// (`Fixtures/themes/tiny`: every template the page kinds need, nothing else) unless a test
/// asks for another: the core's tests do not depend on the production theme, and the tests of
/// what readers get ask for it by name (`FixtureSite.defaultTheme`).
struct FixtureSite {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let repositoryRoot = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
    /// The production theme, `themes/default`.
    static let defaultTheme = repositoryRoot.appendingPathComponent("themes/default")
    /// The tiny theme of the tests.
    static let tinyTheme = testsFolder.appendingPathComponent("Fixtures/themes/tiny")

    let root: URL
    /// The theme its builds use.
    let theme: URL
    var content: URL { root.appendingPathComponent("content") }
    var output: URL { root.appendingPathComponent("output") }

    /// Copies `Fixtures/<name>` into a new temporary folder, to be built with `theme`.
    init(_ name: String, theme: URL = FixtureSite.tinyTheme) throws {
        self.theme = theme
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("passerelle-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FixtureSite.copy(FixtureSite.testsFolder.appendingPathComponent("Fixtures/\(name)/content"), to: content)
    }

    /// Copies the file or folder at `source` to `destination`, bytes and links only. Foundation's
    /// `copyItem` also copies owners, which fails for a user who does not own the sources.
    static func copy(_ source: URL, to destination: URL) throws {
        let manager = FileManager.default
        if let target = try? manager.destinationOfSymbolicLink(atPath: source.path) {
            try manager.createSymbolicLink(atPath: destination.path, withDestinationPath: target)
            return
        }
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: source.path, isDirectory: &isFolder) else { throw CocoaError(.fileNoSuchFile) }
        if isFolder.boolValue {
            try manager.createDirectory(at: destination, withIntermediateDirectories: false)
            for name in try manager.contentsOfDirectory(atPath: source.path) {
                try copy(source.appendingPathComponent(name), to: destination.appendingPathComponent(name))
            }
        } else {
            try Data(contentsOf: source).write(to: destination)
        }
    }

    /// The fixture's site, resolved (built on 2005-11-15), with `extraEntries` more dated
    /// recommendations (the feed lists 20), and the production theme loaded.
    static func resolved(_ fixture: String, extraEntries: Int = 0) throws -> (Site, Theme) {
        let folder = try FixtureSite(fixture)
        defer { folder.remove() }
        for number in 0..<extraEntries {
            try folder.write("recommendations/extra-\(number).en.md", "---\ntitle: \"Extra \(number)\"\ndate: 2004-01-\(String(format: "%02d", number % 28 + 1))\n---\n\nText \(number).\n")
        }
        let loaded = ContentLoader(contentDirectory: folder.content, displayRoot: "content").load()
        let config = try XCTUnwrap(loaded.config)
        let site = try XCTUnwrap(SiteResolver(config: config, options: .init(includeDrafts: false, buildDate: Date(timeIntervalSince1970: 1_132_000_000)))
            .resolve(files: loaded.files, assets: loaded.assets, imageSizes: loaded.imageSizes).0)
        let (theme, diagnostics) = ThemeLoader(directory: FixtureSite.defaultTheme, displayRoot: "themes/default",
                                               requirements: PageKinds.themeRequirements).load(languages: config.languageCodes.map(\.rawValue))
        return (site, try XCTUnwrap(theme, "\(diagnostics)"))
    }

    /// The files `kind` renders for the fixture's site (its jobs in order; none before them).
    static func files(of kind: any PageKind, in fixture: String) throws -> [String: String] {
        let (site, theme) = try resolved(fixture)
        let renderer = PageRenderer(site: site, theme: theme)
        var files: [String: String] = [:]
        for job in kind.jobs(in: site) {
            for page in kind.render(job, renderer, pages: []) { files[page.path] = page.content }
        }
        return files
    }

    /// A new empty temporary folder named `prefix-<uuid>`.
    static func temporaryFolder(_ prefix: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    @discardableResult
    func build(output: URL? = nil, strict: Bool = false, drafts: Bool = false, themePath: String? = nil, precompress: Bool = false) -> Build.Report {
        var options = Build.Options(content: content, output: output ?? self.output, theme: themePath ?? theme.path)
        options.strict = strict
        options.precompress = precompress
        options.includeDrafts = drafts
        options.workingDirectory = root
        options.buildDate = Date(timeIntervalSince1970: 1_132_000_000)
        return Build(options: options).run()
    }

    func write(_ relativePath: String, _ text: String) throws {
        let url = content.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ relativePath: String, in folder: URL? = nil) throws -> String {
        try String(contentsOf: (folder ?? output).appendingPathComponent(relativePath), encoding: .utf8)
    }

    /// The modification time of the file at `url`.
    static func modificationTime(_ url: URL) throws -> Date {
        try XCTUnwrap(FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date)
    }

    /// Every file under `folder` with its bytes, by relative path.
    static func snapshot(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return files }
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files[path] = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) }
        }
        return files
    }
}
