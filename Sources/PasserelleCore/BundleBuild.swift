import PasserelleBundle
import PasserelleModel
import PasserelleOutput
import Foundation

/// `passerelle bundle`: the site built as `build` builds it, into memory, then written as one
/// file (`BundleFile`): a zip that unzips to the tree `build` writes, or a ZIM for Kiwix.
public struct BundleBuild: Sendable {
    public let options: Build.Options
    public let format: BundleFormat
    public let destination: URL

    public init(options: Build.Options, format: BundleFormat, destination: URL) {
        self.options = options
        self.format = format
        self.destination = destination.standardizedFileURL
    }

    /// Builds and writes the bundle. Content errors: nothing written (exit 1); a destination
    /// inside the output or content folder, or one that cannot be written: a usage error (exit 2).
    public func run() -> Build.Report {
        var report = Build.Report()
        let path = destination.resolvingSymlinksInPath().path
        for (folder, name) in [(options.output, "output"), (options.content, "content")] {
            let other = folder.standardizedFileURL.resolvingSymlinksInPath().path
            if path == other || path.hasPrefix(other + "/") {
                report.usageError = "the bundle \(destination.path) would be inside the \(name) folder \(folder.path): write it elsewhere"
                return report
            }
        }
        let (built, contents, site) = Self.build(options)
        report = built
        guard report.succeeded, let contents, let site else { return report }
        do {
            try BundleFile.write(contents, as: format, metadata: Self.metadata(of: site, contents: contents), to: destination)
        } catch {
            report.succeeded = false
            report.usageError = "\(error)"
        }
        return report
    }

    /// The site built into memory with `options` (no build record: the output folder is not
    /// touched), its files as a bundle holds them, and its resolved model.
    static func build(_ options: Build.Options) -> (Build.Report, BundleContents?, Site?) {
        var options = options
        options.useBuildCache = false
        options.precompress = false
        options.offlineBundles = false
        let memory = MemoryOutput()
        let site = Locked<Site?>(nil)
        let report = Build(options: options, into: memory, observingSite: { resolved in site.withLock { $0 = resolved } }).run()
        guard report.succeeded, let files = memory.current?.files, let resolved = site.withLock({ $0 }) else { return (report, nil, nil) }
        return (report, BundleContents.ofBuild(files), resolved)
    }

    /// What a bundle of `site` says about it: a name from its address, its title and home text
    /// in the default language, its languages, the build's day, the theme's colours.
    static func metadata(of site: Site, contents: BundleContents) -> BundleMetadata {
        let config = site.config
        let language = config.defaultLanguage.code
        let title = config.title(in: language)
        let style = contents.files.first { $0.path == "theme/style.css" }.map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
        let colours = Illustration.colours(fromStyleSheet: style)
        return BundleMetadata(
            name: bundleName(baseURL: config.baseURL, title: title), title: title,
            description: BundleMetadata.oneLine(html: site.homeIntros[language]?.html ?? "", fallback: title),
            languages: config.languages.map { BundleMetadata.iso639_3($0.code.rawValue) },
            creator: title, publisher: title, date: site.buildDate, mainPage: "index.html",
            illustration: Illustration.png(accent: colours.accent, background: colours.background))
    }

    /// The bundles' name: the last part of the site's address (`isv2003`), else its title, as
    /// lower-case letters, digits and `-`.
    public static func bundleName(baseURL: String, title: String) -> String {
        func slug(_ text: String) -> String {
            let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
            return folded.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? String($0) : "-" }.joined()
                .split(separator: "-").joined(separator: "-")
        }
        let address = URL(string: baseURL)
        let last = address?.path.split(separator: "/").last.map(String.init) ?? ""
        for candidate in [last, address?.host ?? "", title] where !slug(candidate).isEmpty { return slug(candidate) }
        return "site"
    }
}
