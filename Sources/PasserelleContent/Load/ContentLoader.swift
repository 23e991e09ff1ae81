import PasserelleModel
import PasserelleOutput
import CFileTree
import Foundation

/// Walks the content folder: reads `site.yaml`, every `<section>/<slug>.<lang>.md`, and lists assets.
public struct ContentLoader: Sendable {
    /// What the walk found.
    public struct Result: Sendable {
        public var config: SiteConfig?
        public var files: [SourceFile] = []
        /// Asset files, relative to `content/assets/`, sorted.
        public var assets: [String] = []
        /// The real path of each of `assets`, to copy it from.
        public var assetSources: [String] = []
        /// Pixel sizes of the image assets, by path relative to `content/assets/`.
        public var imageSizes: [String: ImageDimensions] = [:]
        public var diagnostics: [Diagnostic] = []
        /// The content hash of the bytes of each file read (`site.yaml`, the texts), by path in
        /// the content folder, when `hashesFiles`: a full build fingerprints its inputs with them.
        public var fileHashes: [String: UInt64] = [:]
    }

    public let contentDirectory: URL
    /// How the content folder is named in diagnostics (the path the user gave).
    public let displayRoot: String

    /// Whether `load` hashes what it reads (`Result.fileHashes`).
    public var hashesFiles = false

    public init(contentDirectory: URL, displayRoot: String) {
        self.contentDirectory = contentDirectory
        self.displayRoot = displayRoot
    }

    package func display(_ relative: String) -> String {
        displayRoot.isEmpty || displayRoot == "." ? relative : (displayRoot.hasSuffix("/") ? displayRoot : displayRoot + "/") + relative
    }

    /// Only `site.yaml`: for commands that need the settings, not the content (`new`).
    public func loadConfig() -> (SiteConfig?, [Diagnostic]) {
        let path = display("site.yaml")
        guard let source = SourceTree.resolve("site.yaml", in: contentDirectory) else {
            return (nil, [.error(SourceLocation(path: path), "site.yaml not found in the content folder")])
        }
        let data: Data
        switch SourceTree.read(path: source) {
        case let .success(bytes): data = bytes
        case let .failure(error): return (nil, [.error(SourceLocation(path: path), error.message)])
        }
        return SiteConfigLoader.load(text: String(decoding: data, as: UTF8.self), path: path)
    }

    /// Reads the content folder; `walked`, when given, is the folder as already walked (by the
    /// build cache's listing, which must come before any file is read): it is not walked twice.
    public func load(walked: SourceTree? = nil) -> Result {
        var result = Result()
        let configPath = display("site.yaml")
        let tree = walked ?? SourceTree(root: contentDirectory)
        // Whatever may not be read is an error naming its path (CONTENT.md, "What the content folder may hold").
        for problem in tree.problems {
            result.diagnostics.append(.error(.file(display(problem.path)), problem.message(folder: "the content folder")))
        }
        guard let configItem = tree["site.yaml"], !configItem.isFolder else {
            if !tree.problems.contains(where: { $0.path == "site.yaml" }) {
                result.diagnostics.append(.error(SourceLocation(path: configPath), "site.yaml not found in the content folder"))
            }
            return result
        }
        guard let (configText, _) = readText(configItem, relative: "site.yaml", displayPath: configPath, into: &result) else { return result }
        let (config, configDiagnostics) = SiteConfigLoader.load(text: configText, path: configPath)
        result.diagnostics += configDiagnostics
        guard let config else { return result }
        result.config = config

        for item in tree.children(of: "") {
            let name = item.path
            if item.isFolder {
                if name == "assets" {
                    let files = tree.files(under: "assets")
                    result.assets = files.map { String($0.path.dropFirst("assets/".count)) }
                    result.assetSources = files.map(\.source)
                    for (asset, file) in zip(result.assets, files)
                    where ["png", "jpg", "jpeg", "gif", "webp", "svg"].contains((asset as NSString).pathExtension.lowercased()) {
                        if let size = ImageSize.read(URL(fileURLWithPath: file.source)) {
                            result.imageSizes[asset] = ImageDimensions(width: size.width, height: size.height)
                        }
                    }
                } else if name.hasPrefix("_") {
                    continue
                } else if config.section(named: name) == nil {
                    result.diagnostics.append(.error(SourceLocation(path: display(name)),
                        "section folder '\(name)' is not declared in site.yaml"
                        + Suggestion.didYouMean(name, in: config.sections.map(\.name))))
                } else {
                    // Read the files of a section in parallel; keep their order.
                    let loaded = tree.children(of: name).concurrentMap { file -> Result in
                        var partial = Result()
                        loadFile(file, named: String(file.path.dropFirst(name.count + 1)), in: name, config: config, into: &partial)
                        return partial
                    }
                    for partial in loaded {
                        result.files += partial.files
                        result.diagnostics += partial.diagnostics
                        result.fileHashes.merge(partial.fileHashes) { _, new in new }
                    }
                }
            } else if name.hasSuffix(".md") {
                loadFile(item, named: name, in: nil, config: config, into: &result)
            }
        }
        return result
    }

    /// One content file, by its path in the content folder (`events/tunis-2005.fr.md`), read as
    /// `load()` reads it: through a link only when the link's target lies inside the content folder.
    package func loadFile(_ relativePath: String, config: SiteConfig) -> Result {
        var result = Result()
        let parts = relativePath.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2, let source = SourceTree.resolve(relativePath, in: contentDirectory) else { return result }
        var status = stat()
        guard stat(source, &status) == 0 else { return result }
        let item = SourceTree.Item(path: relativePath, isFolder: (status.st_mode & S_IFMT) == S_IFDIR, size: Int64(status.st_size),
                                   mtime: (Int64(status.st_mtim.tv_sec), Int64(status.st_mtim.tv_nsec)), source: source)
        loadFile(item, named: String(parts.last!), in: parts.count == 2 ? String(parts[0]) : nil, config: config, into: &result)
        return result
    }

    private func loadFile(_ item: SourceTree.Item, named name: String, in section: String?, config: SiteConfig, into result: inout Result) {
        guard name.hasSuffix(".md") else { return }
        let relative = section.map { "\($0)/\(name)" } ?? name
        if name.hasPrefix(".") || (name.hasPrefix("_") && !name.hasPrefix("_index.")) { return }
        let location = SourceLocation(path: display(relative))
        let stem = String(name.dropLast(3))
        guard let dot = stem.lastIndex(of: ".") else {
            result.diagnostics.append(.error(location, "file name '\(name)' has no language code: name it '\(stem).\(config.defaultLanguage.code).md'"))
            return
        }
        let slug = String(stem[..<dot])
        let language = String(stem[stem.index(after: dot)...])
        guard let siteLanguage = config.language(language) else {
            result.diagnostics.append(.error(location, "unknown language '\(language)' in file name '\(name)'"
                + Suggestion.didYouMean(language, in: config.languageCodes.map(\.rawValue))))
            return
        }
        if section == nil && slug != "_index" { return }
        guard slug == "_index" || PathSafety.isSafeSegment(slug) else {
            result.diagnostics.append(.error(location, "unsafe file name '\(name)': use letters, digits and '-'"))
            return
        }
        guard !item.isFolder else {
            result.diagnostics.append(.error(.file(location.path), "'\(name)' is a folder, but its name is an entry's: rename it or move its files"))
            return
        }
        guard let (text, original) = readText(item, relative: relative, displayPath: location.path, into: &result) else { return }
        result.files.append(SourceFile(displayPath: location.path, relativePath: relative, section: section,
                                       slug: slug, language: siteLanguage.code, isIndex: slug == "_index", text: text, original: original))
    }

    /// Reads the UTF-8 file of `item` (at `relative` in the content folder), dropping a BOM and
    /// normalising CRLF and CR to LF (with the file's bytes when that changed them, for its git blob
    /// id); its hash goes into `result` when `hashesFiles`. A file that cannot be read is an error.
    private func readText(_ item: SourceTree.Item, relative: String, displayPath: String, into result: inout Result) -> (String, [UInt8]?)? {
        let data: Data
        switch SourceTree.read(item) {
        case let .success(bytes): data = bytes
        case let .failure(error):
            result.diagnostics.append(.error(.file(displayPath), error.message))
            return nil
        }
        if hashesFiles { result.fileHashes[relative] = data.withUnsafeBytes { ContentHash.of($0) } }
        guard var text = String(validatingUTF8Data: data) else {
            let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
            let line = (lines.firstIndex { String(data: Data($0), encoding: .utf8) == nil } ?? 0) + 1
            result.diagnostics.append(.error(SourceLocation(path: displayPath, line: line), "file is not valid UTF-8"))
            return nil
        }
        var changed = false
        if text.hasPrefix("\u{FEFF}") { text.removeFirst(); changed = true }
        if data.withUnsafeBytes({ bytes in bytes.baseAddress.map { memchr($0, 0x0D, bytes.count) != nil } ?? false }) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            changed = true
        }
        return (text, changed ? Array(data) : nil)
    }
}

package extension String {
    /// Decodes UTF-8, returning nil (rather than repairing) when the bytes are not valid UTF-8.
    package init?(validatingUTF8Data data: Data) {
        guard let decoded = String(data: data, encoding: .utf8) else { return nil }
        self = decoded
    }
}
