import Foundation

// The values a build is given and gives back: every stage above the loader reads the options,
// and the build and its text-edit accelerator both make a report.

/// What a build is asked to do.
public struct BuildOptions: Sendable {
    public var content: URL
    public var output: URL
    /// A theme name (looked up in `themes/` beside the content folder) or a path; nil: `site.yaml`'s.
    public var theme: String?
    public var includeDrafts = false
    public var strict = false
    /// Validate only: write nothing.
    public var dryRun = false
    /// Beside every text file of at least 1 KB, its `.gz` and `.br` when smaller (`Precompression`).
    public var precompress = false
    /// The site as one zip and one ZIM under `offline/`, linked from every page's footer.
    public var offlineBundles = false
    /// Replace an output folder that Passerelle did not write.
    public var force = false
    /// Skip the build when nothing changed since the last one, and render only what changed
    /// after an edit of entry texts (`.passerelle-cache/`).
    public var useBuildCache = true
    /// Where the build cache lives; nil: `.passerelle-cache/` beside the content folder.
    public var cacheFolder: URL?
    /// Where the build leaves its large values instead of freeing them (see `ValueKeeper`);
    /// nil: they are freed as the build returns.
    public var keeper: ValueKeeper?
    public var buildDate = Date()
    /// How long to wait, in seconds, for another build writing the same output folder to finish.
    public var lockWait: Double = 300
    /// Print how long each phase took, and the peak memory (the CLI sets it from `PASSERELLE_TIMINGS`).
    public var showsTimings = false
    /// Overrides `site.yaml`'s `baseURL` (previews).
    public var baseURL: String?
    /// Told what the build is doing, for a progress line on a terminal.
    public var progress: (@Sendable (String) -> Void)?
    /// How paths are shown in diagnostics: relative to this folder when inside it.
    public var workingDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)

    public init(content: URL, output: URL, theme: String? = nil) {
        self.content = content
        self.output = output
        self.theme = theme
    }
}

/// What a build did.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic] = []
    /// Pages written per language code.
    public var pagesPerLanguage: [String: Int] = [:]
    /// The site's language codes, in `site.yaml` order.
    public var languages: [String] = []
    public var filesWritten = 0
    public var succeeded = false
    /// A problem that is not about content (unusable folders): exit code 2.
    public var usageError: String?
    /// How many edited texts a rebuild rendered again, when it rendered only what they changed
    /// (`TextEditBuild`); nil after a full build.
    public var textsRebuilt: Int?
    /// Why an edit needed a full build although the last build left a snapshot.
    public var fullBuildReason: String?

    public init() {}
}

extension Array where Element == Diagnostic {
    /// Diagnostics in the order they are shown: errors first, then by place; all errors when `strict`.
    public func ordered(strict: Bool) -> [Diagnostic] {
        let sorted = self.sorted { ($0.severity == .error ? 0 : 1, $0) < ($1.severity == .error ? 0 : 1, $1) }
        return strict ? sorted.map { Diagnostic(.error, $0.location, $0.message) } : sorted
    }
}
