import CFileTree
import Foundation

/// Walks the content folder: reads `site.yaml`, every `<section>/<slug>.<lang>.md`, and lists assets.
public struct ContentLoader {
    /// What the walk found.
    public struct Result {
        public var config: SiteConfig?
        public var files: [SourceFile] = []
        /// Asset files, relative to `content/assets/`, sorted.
        public var assets: [String] = []
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

    /// `contentDirectory`'s path with a final `/`.
    private let root: String

    public init(contentDirectory: URL, displayRoot: String) {
        self.contentDirectory = contentDirectory
        self.displayRoot = displayRoot
        root = contentDirectory.path.hasSuffix("/") ? contentDirectory.path : contentDirectory.path + "/"
    }

    func display(_ relative: String) -> String {
        displayRoot.isEmpty || displayRoot == "." ? relative : (displayRoot.hasSuffix("/") ? displayRoot : displayRoot + "/") + relative
    }

    /// Only `site.yaml`: for commands that need the settings, not the content (`new`).
    public func loadConfig() -> (SiteConfig?, [Diagnostic]) {
        let path = display("site.yaml")
        guard let data = FileManager.default.contents(atPath: contentDirectory.appendingPathComponent("site.yaml").path) else {
            return (nil, [.error(SourceLocation(path: path), "site.yaml not found in the content folder")])
        }
        return SiteConfigLoader.load(text: String(decoding: data, as: UTF8.self), path: path)
    }

    public func load() -> Result {
        var result = Result()
        let fm = FileManager.default
        let configPath = display("site.yaml")
        guard let configText = readText("site.yaml", displayPath: configPath, into: &result) else {
            if !fm.fileExists(atPath: contentDirectory.appendingPathComponent("site.yaml").path) {
                result.diagnostics.append(.error(SourceLocation(path: configPath), "site.yaml not found in the content folder"))
            }
            return result
        }
        let (config, configDiagnostics) = SiteConfigLoader.load(text: configText, path: configPath)
        result.diagnostics += configDiagnostics
        guard let config else { return result }
        result.config = config

        let entries = ((try? fm.contentsOfDirectory(atPath: contentDirectory.path)) ?? []).sorted()
        for name in entries where !name.hasPrefix(".") {
            let url = contentDirectory.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            _ = fm.fileExists(atPath: url.path, isDirectory: &isDirectory)
            if isDirectory.boolValue {
                if name == "assets" {
                    result.assets = listFiles(under: url)
                    for asset in result.assets where ["png", "jpg", "jpeg", "gif", "webp", "svg"].contains((asset as NSString).pathExtension.lowercased()) {
                        if let size = ImageSize.read(url.appendingPathComponent(asset)) {
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
                    let names = ((try? fm.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
                    let loaded = names.concurrentMap { file -> Result in
                        var partial = Result()
                        loadFile(named: file, in: name, config: config, into: &partial)
                        return partial
                    }
                    for partial in loaded {
                        result.files += partial.files
                        result.diagnostics += partial.diagnostics
                        result.fileHashes.merge(partial.fileHashes) { _, new in new }
                    }
                }
            } else if name.hasSuffix(".md") {
                loadFile(named: name, in: nil, config: config, into: &result)
            }
        }
        return result
    }

    /// One content file, by its path in the content folder (`events/tunis-2005.fr.md`), read as `load()` reads it.
    func loadFile(_ relativePath: String, config: SiteConfig) -> Result {
        var result = Result()
        let parts = relativePath.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return result }
        loadFile(named: String(parts.last!), in: parts.count == 2 ? String(parts[0]) : nil, config: config, into: &result)
        return result
    }

    private func loadFile(named name: String, in section: String?, config: SiteConfig, into result: inout Result) {
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
        guard config.language(language) != nil else {
            result.diagnostics.append(.error(location, "unknown language '\(language)' in file name '\(name)'"
                + Suggestion.didYouMean(language, in: config.languageCodes)))
            return
        }
        if section == nil && slug != "_index" { return }
        guard slug == "_index" || PathSafety.isSafeSegment(slug) else {
            result.diagnostics.append(.error(location, "unsafe file name '\(name)': use letters, digits and '-'"))
            return
        }
        guard let text = readText(relative, displayPath: location.path, into: &result) else { return }
        result.files.append(SourceFile(displayPath: location.path, relativePath: relative, section: section,
                                       slug: slug, language: language, isIndex: slug == "_index", text: text))
    }

    /// Reads the UTF-8 file at `relative` in the content folder, dropping a BOM and normalising
    /// CRLF and CR to LF; its hash goes into `result` when `hashesFiles`.
    private func readText(_ relative: String, displayPath: String, into result: inout Result) -> String? {
        // Read by the C helper: Foundation's Data(contentsOf:) made a URL, then stat'ed the path
        // before opening it, for each of tens of thousands of files.
        var bytes: UnsafeMutableRawPointer?
        var length = 0
        guard passerelle_read_file(root + relative, &bytes, &length) == 0, let bytes else { return nil }
        let data = Data(bytesNoCopy: bytes, count: length, deallocator: .free)
        if hashesFiles { result.fileHashes[relative] = data.withUnsafeBytes { ContentHash.of($0) } }
        guard var text = String(validatingUTF8Data: data) else {
            let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
            let line = (lines.firstIndex { String(data: Data($0), encoding: .utf8) == nil } ?? 0) + 1
            result.diagnostics.append(.error(SourceLocation(path: displayPath, line: line), "file is not valid UTF-8"))
            return nil
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if data.withUnsafeBytes({ bytes in bytes.baseAddress.map { memchr($0, 0x0D, bytes.count) != nil } ?? false }) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return text
    }

    private func listFiles(under url: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: url.path) else { return [] }
        var files: [String] = []
        while let path = enumerator.nextObject() as? String {
            let last = (path as NSString).lastPathComponent
            if last.hasPrefix(".") { continue }
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.appendingPathComponent(path).path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files.append(path) }
        }
        return files.sorted()
    }
}

extension String {
    /// Decodes UTF-8, returning nil (rather than repairing) when the bytes are not valid UTF-8.
    init?(validatingUTF8Data data: Data) {
        guard let decoded = String(data: data, encoding: .utf8) else { return nil }
        self = decoded
    }
}
