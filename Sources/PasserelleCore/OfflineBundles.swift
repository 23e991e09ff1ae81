import PasserelleBundle
import PasserelleModel
import PasserelleOutput
import PasserellePages
import PasserelleTemplates
import Foundation

/// `build --offline-bundles`: the site as one zip and one ZIM under `output/offline/`, which
/// every page's footer links with their sizes. The bundles hold the site without them (never a
/// bundle inside itself) and without the links (which would lead nowhere once unpacked): its
/// pages are rendered once for the bundles, then again with the links for the output.
enum OfflineBundles {
    /// The output's folder for the bundles.
    static let folder = "offline"

    /// The bundles of `site`, made from its pages rendered without links to them and the files
    /// `copies` (output path, source path) that the build copies.
    static func make(site: Site, theme: Theme, copies: [(String, String)],
                     commitDays: @escaping @Sendable () -> [String: CalendarDate]) throws -> [(download: OfflineDownload, data: Data)] {
        let collected = Locked<[String: [UInt8]]>([:])
        let renderer = PageRenderer(site: site, theme: theme, commitDays: commitDays)
        _ = RenderPlan(site: site).render(with: renderer) { page in collected.withLock { $0[page.path] = page.bytes } }
        var files = collected.withLock { $0.take() }
        for (destination, source) in copies { files[destination] = Array(try Build.copiedFile(source)) }
        let contents = BundleContents.ofBuild(files)
        let metadata = BundleBuild.metadata(of: site, contents: contents)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("passerelle-offline-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        return try BundleFormat.allCases.map { format in
            let name = format.fileName(base: metadata.name)
            let file = scratch.appendingPathComponent(name)
            try BundleFile.write(contents, as: format, metadata: metadata, to: file)
            let data = try Data(contentsOf: file)
            return (OfflineDownload(format: format.rawValue, path: "\(folder)/\(name)", size: data.count), data)
        }
    }
}
