import PasserelleModel
import CCmarkGFM
import CCmarkGFMShared
import Foundation

/// Renders a Markdown body to HTML with cmark-gfm, rewriting references by walking the AST.
///
/// `[[ref]]`, `[[ref|text]]` and `[[ref#anchor]]` in text nodes, and links to `.md` files, are
/// handed to a resolver that returns the URL and title of the target page; headings get ids;
/// raw HTML is omitted unless the site allows it; `javascript:` and `data:` links are dropped.
public struct MarkdownRenderer: Sendable {
    /// A link the body asks for, before resolution.
    public struct LinkRequest: Hashable, Sendable {
        public enum Target: Hashable, Sendable {
            /// `[[ref]]`: an id or slug.
            case reference(String)
            /// A Markdown link to a content file, relative to the folder of the file being rendered.
            case file(String)
        }
        public let target: Target
        public let anchor: String?
        public let location: SourceLocation
    }

    /// What the resolver returns for a link it could resolve.
    public struct ResolvedLink: Sendable {
        public let url: String
        public let title: String
        public init(url: String, title: String) { self.url = url; self.title = title }
    }

    /// Where a link to a site file (an asset) leads from the page being rendered, and an image's size.
    public struct AssetLink: Sendable {
        public let url: String
        public let size: ImageDimensions?
        public init(url: String, size: ImageDimensions?) { self.url = url; self.size = size }
    }

    /// The HTML of a body, the ids of its headings, and its diagnostics.
    public struct Output: Sendable {
        /// cmark-gfm's HTML, as it wrote it: valid UTF-8 (it replaces what is not in its input).
        public var html: UTF8Text
        public var headingIDs: [String]
        public var diagnostics: [Diagnostic]
        /// The text without markup (references shown as their titles), for calendars, feeds and search.
        public var plainText: UTF8Text = ""
    }

    public let unsafeHTML: Bool
    /// Whether heading ids are written in cmark's one pass over the document (where
    /// `rendersHeadingIDs`), rather than each heading rendered alone first.
    package let writesHeadingIDsInOnePass: Bool

    public init(unsafeHTML: Bool) {
        self.init(unsafeHTML: unsafeHTML, writesHeadingIDsInOnePass: MarkdownRenderer.rendersHeadingIDs)
    }

    package init(unsafeHTML: Bool, writesHeadingIDsInOnePass: Bool) {
        self.unsafeHTML = unsafeHTML
        self.writesHeadingIDsInOnePass = writesHeadingIDsInOnePass
        cmark_gfm_core_extensions_ensure_registered()
    }

    package static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// cmark-gfm keeps the inline special characters of attached extensions in one process-wide
    /// table that every parser adds to and removes from when it finishes; parses that overlap
    /// corrupt it (autolinks then come and go between builds). CCmarkGFMShared sets autolink's
    /// characters once for good through the library's API; strikethrough's `~` opens delimiter
    /// runs and stays with its extension, so only texts holding a `~` get that extension, and
    /// those parse one at a time under this lock. Where a probe shows that this did not work (a
    /// library that works otherwise), it is undone and every parse takes the lock.
    private static let parseLock = NSLock()

    /// How parses share cmark-gfm's table, set up once before the first parse.
    private struct Sharing: Sendable {
        /// The extensions of parses that may overlap.
        var overlapping: [String]
        /// The characters whose texts get every extension and parse one at a time.
        var alone: [Bool]
        /// Whether every parse takes the lock.
        var serial: Bool
        /// The one byte `alone` marks, if it marks only one (searched for with `memchr`).
        let onlyAlone: UInt8?

        init(overlapping: [String], alone: [Bool], serial: Bool) {
            self.overlapping = overlapping
            self.alone = alone
            self.serial = serial
            let marked = alone.indices.filter { alone[$0] }
            onlyAlone = marked.count == 1 ? UInt8(marked[0]) : nil
        }
    }

    private static let sharing: Sharing = {
        let names = extensionNames.map { strdup($0) }
        defer { names.forEach { free($0) } }
        var parsesAlone = [Int32](repeating: 0, count: names.count)
        var characters = [UInt8](repeating: 0, count: 256)
        _ = names.map { $0.map { UnsafePointer($0) } }.withUnsafeBufferPointer {
            passerelle_cmark_fix_special_characters($0.baseAddress, Int32($0.count), &parsesAlone, &characters)
        }
        var sharing = Sharing(overlapping: zip(extensionNames, parsesAlone).filter { $1 == 0 }.map(\.0),
                              alone: characters.map { $0 != 0 }, serial: false)
        guard probeShows(#"<a href="http://www.example.org">"#, #"<a href="https://example.org/a">"#,
                         parsing: "www.example.org https://example.org/a", with: sharing.overlapping),
              probeShows("<del>a</del>", #"<a href="http://www.example.org">"#, parsing: "~~a~~ www.example.org", with: extensionNames)
        else {
            passerelle_cmark_restore_special_characters()
            sharing = Sharing(overlapping: extensionNames, alone: [], serial: true)
            return sharing
        }
        return sharing
    }()

    /// Whether the HTML of `text` parsed with `extensions` holds `first` and `second`.
    private static func probeShows(_ first: String, _ second: String, parsing text: String, with extensions: [String]) -> Bool {
        guard let (document, attached) = parseDocument(text[...], extensions: extensions) else { return false }
        defer {
            cmark_node_free(document)
            cmark_llist_free(cmark_get_default_mem_allocator(), attached)
        }
        guard let rendered = cmark_render_html(document, options, attached) else { return false }
        defer { free(rendered) }
        let html = String(cString: rendered)
        return html.contains(first) && html.contains(second)
    }

    /// True when parses of texts without a strikethrough `~` run at the same time.
    public static var parsesInParallel: Bool { !sharing.serial }

    /// Renders `body`, whose first line is line `firstLine` of `path`.
    /// `resolve` returns nil after recording its own diagnostic when a link does not resolve.
    /// `resolveAsset` turns a site-root path (`/assets/x.png`) or a path relative to the content file
    /// (`../assets/x.png`) into a URL relative to the page, with the image's size when known; nil leaves it.
    public func render(_ body: Substring, path: String, firstLine: Int,
                       resolve: @escaping (LinkRequest) -> Result<ResolvedLink, Diagnostic>,
                       resolveAsset: @escaping (String) -> AssetLink?) -> Output {
        let options = MarkdownRenderer.options
        guard let (document, extensions) = MarkdownRenderer.parse(body) else { return Output(html: "", headingIDs: [], diagnostics: []) }
        defer {
            cmark_node_free(document)
            cmark_llist_free(cmark_get_default_mem_allocator(), extensions)
        }

        var context = RewriteContext(body: body, path: path, firstLine: firstLine, resolve: resolve, resolveAsset: resolveAsset)
        var headings: [OpaquePointer] = []
        var textParents: [OpaquePointer] = []
        var links: [OpaquePointer] = []
        var rawHTML: [OpaquePointer] = []
        let iterator = cmark_iter_new(document)
        // A text parent is taken once, at its first text child: marked through cmark's user data
        // (this AST's own, freed with it) rather than looked up in a set of pointers.
        let seen = UnsafeMutableRawPointer(bitPattern: 1)
        func isNew(_ parent: OpaquePointer) -> Bool {
            guard cmark_node_get_user_data(parent) != seen else { return false }
            cmark_node_set_user_data(parent, seen)
            return true
        }
        // An image's alt text is everything under it (emphasis, links, other images): it is
        // written as plain text, so nothing under an image is rewritten, and the image node, freed
        // when it is replaced, is the only one of its subtree kept here. Text under a link is
        // left as written too (a `[[ref]]` there would put a link inside a link).
        var imageDepth = 0, linkDepth = 0
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_EXIT {
                if type == CMARK_NODE_IMAGE { imageDepth -= 1 } else if type == CMARK_NODE_LINK && imageDepth == 0 { linkDepth -= 1 }
                continue
            }
            guard event == CMARK_EVENT_ENTER else { continue }
            if imageDepth > 0 {
                if type == CMARK_NODE_IMAGE { imageDepth += 1 }
                continue
            }
            switch type {
            case CMARK_NODE_HEADING: headings.append(node)
            case CMARK_NODE_TEXT:
                if linkDepth == 0, let parent = cmark_node_parent(node), isNew(parent) {
                    textParents.append(parent)
                }
            case CMARK_NODE_LINK:
                links.append(node)
                linkDepth += 1
            case CMARK_NODE_IMAGE:
                links.append(node)
                imageDepth += 1
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE: rawHTML.append(node)
            default: break
            }
        }
        cmark_iter_free(iterator)

        if !unsafeHTML {
            for node in rawHTML {
                cmark_node_set_literal(node, cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK
                    ? "<!-- raw HTML omitted -->\n" : "<!-- raw HTML omitted -->")
            }
        }
        for node in links { context.rewriteLink(node) }
        for parent in textParents { context.expandWikiLinks(in: parent) }

        let plainText = MarkdownRenderer.plainText(ofDocument: document, options: options).trimmingWhitespace
        var ids: [String] = []
        var used: [String: Int] = [:]
        for heading in headings {
            let base = HeadingID.make(from: MarkdownRenderer.plainText(of: heading))
            var id = base.isEmpty ? "section" : base
            if let count = used[id] { used[id] = count + 1; id += "-\(count + 1)" } else { used[id] = 0 }
            ids.append(id)
            if writesHeadingIDsInOnePass {
                passerelle_cmark_set_heading_id(heading, id)
                continue
            }
            guard let rendered = cmark_render_html(heading, options | CMARK_OPT_UNSAFE, extensions) else { continue }
            var html = String(cString: rendered)
            free(rendered)
            // cmark renders a heading as `<hN>…</hN>\n`: put the id into that opening tag.
            html.insert(contentsOf: " id=\"\(id)\"", at: html.index(html.startIndex, offsetBy: 3))
            let block = cmark_node_new(CMARK_NODE_HTML_BLOCK)
            cmark_node_set_literal(block, html)
            cmark_node_replace(heading, block)
            cmark_node_free(heading)
        }

        guard let rendered = cmark_render_html(document, options | CMARK_OPT_UNSAFE, extensions) else {
            return Output(html: "", headingIDs: ids, diagnostics: context.diagnostics)
        }
        let html = UTF8Text(validUTF8: Array(UnsafeBufferPointer(start: UnsafeRawPointer(rendered).assumingMemoryBound(to: UInt8.self), count: strlen(rendered))))
        free(rendered)
        return Output(html: html, headingIDs: ids, diagnostics: context.diagnostics, plainText: plainText)
    }

    package static let options = CMARK_OPT_FOOTNOTES | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE

    /// Whether cmark writes the heading ids in its one pass over a document (`passerelle_cmark_set_heading_id`,
    /// checked once on a probe heading); otherwise each heading is rendered alone and its HTML,
    /// with the id, put in its place: the same bytes, three more renders per body.
    package static let rendersHeadingIDs = passerelle_cmark_heading_ids_work() == 1

    /// The AST of `body`, and the extensions attached to its parser (for rendering HTML); the
    /// caller frees both.
    package static func parse(_ body: Substring) -> (OpaquePointer, UnsafeMutablePointer<cmark_llist>?)? {
        let sharing = sharing
        guard sharing.serial || holdsCharacter(of: sharing, in: body) else {
            return parseDocument(body, extensions: sharing.overlapping)
        }
        parseLock.lock()
        defer { parseLock.unlock() }
        return parseDocument(body, extensions: extensionNames)
    }

    /// Whether `body` holds one of the bytes `sharing.alone` marks: its UTF-8 read in place (the
    /// generic `utf8.contains(where:)` took a tenth of the Markdown pass), by `memchr` when it
    /// marks one byte (strikethrough's `~`, as a rule).
    private static func holdsCharacter(of sharing: Sharing, in body: Substring) -> Bool {
        var body = body
        return body.withUTF8 { bytes in
            if let only = sharing.onlyAlone {
                return bytes.baseAddress.map { memchr($0, Int32(only), bytes.count) != nil } ?? false
            }
            return sharing.alone.withUnsafeBufferPointer { table in
                for byte in bytes where table[Int(byte)] { return true }
                return false
            }
        }
    }

    private static func parseDocument(_ body: Substring, extensions names: [String]) -> (OpaquePointer, UnsafeMutablePointer<cmark_llist>?)? {
        cmark_gfm_core_extensions_ensure_registered()
        guard let parser = cmark_parser_new(options) else { return nil }
        for name in names {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        // Up to a NUL byte, as a C string of the text would end there.
        var body = body
        body.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            let end = memchr(base, 0, bytes.count).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? bytes.count
            base.withMemoryRebound(to: CChar.self, capacity: end) { cmark_parser_feed(parser, $0, end) }
        }
        let parsed = cmark_parser_finish(parser)
        let extensions = cmark_parser_get_syntax_extensions(parser).flatMap(copyList)
        cmark_parser_free(parser)
        guard let parsed else {
            cmark_llist_free(cmark_get_default_mem_allocator(), extensions)
            return nil
        }
        return (parsed, extensions)
    }

    /// The plain text of `body` as `PlainTextRenderer` writes it (nil where it leaves it to cmark)
    /// and as cmark writes it: the tests hold the first to the second.
    package static func plainTexts(of body: Substring) -> (walked: String?, cmark: String) {
        guard let (document, extensions) = parse(body) else { return (nil, "") }
        defer {
            cmark_node_free(document)
            cmark_llist_free(cmark_get_default_mem_allocator(), extensions)
        }
        return (PlainTextRenderer.render(document), cmarkPlainText(ofDocument: document, options: options))
    }

    /// A copy of a parser's extension list, so that it outlives the parser (the extensions are static).
    private static func copyList(_ list: UnsafeMutablePointer<cmark_llist>) -> UnsafeMutablePointer<cmark_llist>? {
        var copy: UnsafeMutablePointer<cmark_llist>?
        var node: UnsafeMutablePointer<cmark_llist>? = list
        while let current = node {
            copy = cmark_llist_append(cmark_get_default_mem_allocator(), copy, current.pointee.data)
            node = current.pointee.next
        }
        return copy
    }

    /// The text of a whole document as `cmark_render_plaintext` writes it (width 0): by
    /// `PlainTextRenderer` where it can, by cmark otherwise.
    package static func plainText(ofDocument document: OpaquePointer, options: Int32) -> UTF8Text {
        if let bytes = PlainTextRenderer.renderBytes(document) { return UTF8Text(validUTF8: bytes) }
        return UTF8Text(cmarkPlainText(ofDocument: document, options: options))
    }

    /// The text of a whole document as cmark's own plain-text renderer writes it.
    package static func cmarkPlainText(ofDocument document: OpaquePointer, options: Int32) -> String {
        guard let rendered = cmark_render_plaintext(document, options, 0) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// An image's alternative text as cmark-gfm's HTML renderer writes it: the literals of the
    /// text, code and inline HTML under it (nested images and links included), breaks as spaces.
    package static func altText(of image: OpaquePointer) -> String { literalText(under: image, inlineHTML: true) }

    /// The concatenated literal text under a node.
    package static func plainText(of node: OpaquePointer) -> String { literalText(under: node, inlineHTML: false) }

    /// The literals of the text and code (and, when `inlineHTML`, inline HTML) under `node`, breaks as spaces.
    private static func literalText(under node: OpaquePointer, inlineHTML: Bool) -> String {
        var text = ""
        let iterator = cmark_iter_new(node)
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(child)
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE:
                if type != CMARK_NODE_HTML_INLINE || inlineHTML, let literal = cmark_node_get_literal(child) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            default: break
            }
        }
        cmark_iter_free(iterator)
        return text
    }
}

/// The state of one rewrite pass over a document's AST.
private struct RewriteContext {
    package let body: Substring
    /// The body's lines, split only when a diagnostic or an anchor needs a position.
    private var lines: [Substring]?
    package var sourceLines: [Substring] {
        mutating get {
            if let lines { return lines }
            let split = body.split(separator: "\n", omittingEmptySubsequences: false)
            lines = split
            return split
        }
    }
    package let path: String
    package let firstLine: Int
    package let resolve: (MarkdownRenderer.LinkRequest) -> Result<MarkdownRenderer.ResolvedLink, Diagnostic>
    package let resolveAsset: (String) -> MarkdownRenderer.AssetLink?
    package var diagnostics: [Diagnostic] = []

    package init(body: Substring, path: String, firstLine: Int,
         resolve: @escaping (MarkdownRenderer.LinkRequest) -> Result<MarkdownRenderer.ResolvedLink, Diagnostic>,
         resolveAsset: @escaping (String) -> MarkdownRenderer.AssetLink?) {
        self.body = body
        self.path = path
        self.firstLine = firstLine
        self.resolve = resolve
        self.resolveAsset = resolveAsset
    }

    /// Resolves a link; positions are searched in the source only when needed (an anchor to check
    /// later, or an error to report), since finding them costs more than resolving.
    package mutating func resolve(_ target: MarkdownRenderer.LinkRequest.Target, anchor: String?, needle: String, shift: Int,
                          node: OpaquePointer) -> Result<MarkdownRenderer.ResolvedLink, Diagnostic> {
        let placeholder = SourceLocation(path: path, line: firstLine)
        let location = anchor == nil ? placeholder : self.location(of: needle, from: node).shifted(by: shift)
        let result = resolve(MarkdownRenderer.LinkRequest(target: target, anchor: anchor, location: location))
        if case let .failure(diagnostic) = result, anchor == nil {
            return .failure(Diagnostic(diagnostic.severity, self.location(of: needle, from: node).shifted(by: shift), diagnostic.message))
        }
        return result
    }

    /// The file position of `needle`, searched from the node's start line onwards.
    package mutating func location(of needle: String, from node: OpaquePointer) -> SourceLocation {
        var start = Int(cmark_node_get_start_line(node))
        if start < 1 { start = 1 }
        var lineIndex = start - 1
        while lineIndex < sourceLines.count {
            let line = sourceLines[lineIndex]
            if let range = line.utf8.firstRange(of: needle) {
                let column = line[..<range.lowerBound].unicodeScalars.count + 1
                return SourceLocation(path: path, line: firstLine + lineIndex, column: column)
            }
            lineIndex += 1
        }
        return SourceLocation(path: path, line: firstLine + start - 1, column: Int(max(1, cmark_node_get_start_column(node))))
    }


    package mutating func rewriteLink(_ node: OpaquePointer) {
        guard let raw = cmark_node_get_url(node) else { return }
        var url = String(cString: raw)
        let isImage = cmark_node_get_type(node) == CMARK_NODE_IMAGE
        defer { if isImage { replaceImage(node, url: url) } }
        if URLSafety.isDangerous(url) {
            url = ""
            cmark_node_set_url(node, "")
            return
        }
        if !url.hasPrefix("//"), !url.hasPrefix("#"), !url.contains(":"), !url.hasSuffix(".md"), !url.contains(".md#"),
           let asset = resolveAsset(url) {
            url = asset.url
            cmark_node_set_url(node, url)
            imageSize = asset.size
            return
        }
        imageSize = nil
        guard !isImage, !url.contains(":") else { return }
        let (pathPart, anchor) = ContentPath.splitAnchor(url)
        guard pathPart.hasSuffix(".md") else { return }
        switch resolve(.file(pathPart), anchor: anchor, needle: "(\(url)", shift: 1, node: node) {
        case let .success(link): cmark_node_set_url(node, link.url)
        case let .failure(diagnostic): diagnostics.append(diagnostic)
        }
    }

    /// The size of the image whose link was just rewritten, if known.
    package var imageSize: ImageDimensions? = nil

    /// Replaces an image node by an `<img>` with its size (when known) and lazy loading;
    /// an image without alternative text is a warning.
    package mutating func replaceImage(_ node: OpaquePointer, url: String) {
        if MarkdownRenderer.altText(of: node).trimmingCharacters(in: .whitespaces).isEmpty {
            diagnostics.append(.warning(location(of: "![", from: node),
                "image '\(url)' has no alternative text: describe it between the brackets, ![like this](\(url))"))
        }
        // cmark-gfm writes the tag (its URL escaping, its alt text from everything under the image);
        // the size and lazy loading are added in place of its closing ` />`. (Should it not render,
        // the image node stays, and cmark writes it with the rest, without them.)
        cmark_node_set_url(node, url)
        defer { imageSize = nil }
        guard var html = cmark_render_html(node, MarkdownRenderer.options | CMARK_OPT_UNSAFE, nil).map({ rendered in
            defer { free(rendered) }
            return String(cString: rendered)
        }), html.hasSuffix(" />") else { return }
        html.removeLast(3)
        if let size = imageSize { html += " width=\"\(size.width)\" height=\"\(size.height)\"" }
        html += " loading=\"lazy\">"
        let replacement = cmark_node_new(CMARK_NODE_HTML_INLINE)
        cmark_node_set_literal(replacement, html)
        cmark_node_replace(node, replacement)
        cmark_node_free(node)
    }

    /// Replaces `[[ref]]`, `[[ref|text]]` in the runs of text nodes under `parent` with link nodes.
    package mutating func expandWikiLinks(in parent: OpaquePointer) {
        // cmark splits text at each `[`: a paragraph without one (most of them) has nothing to
        // expand, and is passed over before any array is made.
        var bracket = false
        var first = cmark_node_first_child(parent)
        while let node = first, !bracket {
            bracket = cmark_node_get_type(node) == CMARK_NODE_TEXT && cmark_node_get_literal(node).map { strchr($0, 0x5B) != nil } == true
            first = cmark_node_next(node)
        }
        guard bracket else { return }
        var runs: [[OpaquePointer]] = []
        var current: [OpaquePointer] = []
        var child = cmark_node_first_child(parent)
        while let node = child {
            if cmark_node_get_type(node) == CMARK_NODE_TEXT { current.append(node) } else if !current.isEmpty {
                runs.append(current); current = []
            }
            child = cmark_node_next(node)
        }
        if !current.isEmpty { runs.append(current) }
        for run in runs {
            // cmark splits text at each `[`: a run without one (most of them) has nothing to expand.
            guard run.contains(where: { node in cmark_node_get_literal(node).map { strchr($0, 0x5B) != nil } ?? false }) else { continue }
            let text = run.map { cmark_node_get_literal($0).map { String(cString: $0) } ?? "" }.joined()
            guard text.utf8.firstRange(of: "[[") != nil else { continue }
            let pieces = WikiLinkScanner.scan(text)
            guard pieces.contains(where: { if case .link = $0 { return true } else { return false } }) else { continue }
            let anchorNode = run[0]
            for piece in pieces {
                switch piece {
                case let .text(literal):
                    let node = cmark_node_new(CMARK_NODE_TEXT)
                    cmark_node_set_literal(node, literal)
                    cmark_node_insert_before(anchorNode, node)
                case let .link(source, reference, label):
                    let (target, anchor) = ContentPath.splitAnchor(reference)
                    switch resolve(.reference(target), anchor: anchor, needle: source, shift: 2, node: parent) {
                    case let .success(link):
                        let linkNode = cmark_node_new(CMARK_NODE_LINK)
                        cmark_node_set_url(linkNode, link.url)
                        let textNode = cmark_node_new(CMARK_NODE_TEXT)
                        cmark_node_set_literal(textNode, label ?? link.title)
                        cmark_node_append_child(linkNode, textNode)
                        cmark_node_insert_before(anchorNode, linkNode)
                    case let .failure(diagnostic):
                        diagnostics.append(diagnostic)
                        let node = cmark_node_new(CMARK_NODE_TEXT)
                        cmark_node_set_literal(node, label ?? target)
                        cmark_node_insert_before(anchorNode, node)
                    }
                }
            }
            for node in run {
                cmark_node_unlink(node)
                cmark_node_free(node)
            }
        }
    }

}

package extension SourceLocation {
    package func shifted(by columns: Int) -> SourceLocation {
        SourceLocation(path: path, line: line, column: column + columns)
    }
}

/// Link destinations that must never reach a reader's browser.
public enum URLSafety {
    /// The schemes a link may have: any other (`javascript:`, `data:`, `file:`, `ms-msdt:`,
    /// `intent:`…) is dropped. Links without a scheme (relative, `#anchor`, `//host/`) are kept.
    public static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

    /// Whether `url` has a scheme other than the allowed ones, however it is spaced or cased
    /// (browsers drop white space and control characters before reading the scheme).
    public static func isDangerous(_ url: String) -> Bool {
        var scheme = ""
        for scalar in url.unicodeScalars {
            if scalar.properties.isWhitespace || scalar.properties.generalCategory == .control { continue }
            switch scalar {
            case ":":
                // A scheme starts with a letter (RFC 3986): `10:30` is a relative path.
                guard let first = scheme.unicodeScalars.first, first.properties.isAlphabetic else { return false }
                return !allowedSchemes.contains(scheme)
            case "a"..."z", "A"..."Z", "0"..."9", "+", "-", ".":
                scheme.unicodeScalars.append(scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar)
            default: return false // `/`, `?`, `#` or any other character first: no scheme.
            }
        }
        return false
    }
}

/// Splits text into plain runs and `[[target|label]]` links.
package enum WikiLinkScanner {
    package enum Piece: Equatable {
        case text(String)
        /// The whole source `[[…]]`, the reference, and the label if one was given.
        case link(source: String, reference: String, label: String?)
    }

    package static func scan(_ text: String) -> [Piece] {
        // Over the text's UTF-8: `[[`, `]]`, `[`, `|` and line breaks are ASCII, so every cut falls
        // between characters.
        var text = text
        return text.withUTF8 { bytes in
            func string(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
            func find(_ first: UInt8, _ second: UInt8, from start: Int) -> Int? {
                var index = start
                while index + 1 < bytes.count {
                    if bytes[index] == first && bytes[index + 1] == second { return index }
                    index += 1
                }
                return nil
            }
            var pieces: [Piece] = []
            var plainStart = 0
            var rest = 0
            while let open = find(0x5B, 0x5B, from: rest) {
                guard let close = find(0x5D, 0x5D, from: open + 2) else { break }
                let inner = (open + 2)..<close
                if inner.isEmpty || bytes[inner].contains(0x5B) || bytes[inner].contains(0x0A) {
                    rest = open + 2
                    continue
                }
                if open > plainStart { pieces.append(.text(string(plainStart..<open))) }
                let bar = bytes[inner].firstIndex(of: 0x7C)
                let reference = string(inner.lowerBound..<(bar ?? inner.upperBound)).trimmedOfWhitespace
                let label = bar.map { string(($0 + 1)..<inner.upperBound).trimmedOfWhitespace }
                pieces.append(.link(source: string(open..<(close + 2)), reference: reference,
                                    label: label?.isEmpty == true ? nil : label))
                rest = close + 2
                plainStart = rest
            }
            if plainStart < bytes.count { pieces.append(.text(string(plainStart..<bytes.count))) }
            return pieces
        }
    }
}

package extension String {
    /// Without leading and trailing white space and newlines (Foundation's trimming goes through NSString).
    package var trimmedOfWhitespace: String {
        // Most texts start and end with a visible ASCII character: nothing to trim, nothing to copy.
        if let first = utf8.first, let last = utf8.last, first > 0x20 && first < 0x80 && last > 0x20 && last < 0x80 { return self }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
