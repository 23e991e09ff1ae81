import PasserelleModel
import CCmarkGFM
import Foundation

/// The plain text of a Markdown document: byte for byte what `cmark_render_plaintext` writes at
/// width 0, in one walk over the AST.
///
/// cmark's own renderer sends every character through its line-wrapping machinery (decode,
/// measure, re-encode), which cost more than parsing the document. At width 0 nothing wraps,
/// so the text can be copied a node at a time; the rules below (line prefixes of list items,
/// blank lines between blocks, tight lists, tables) are those of cmark's `plaintext.c`,
/// `render.c` and the table extension. A document with a node these rules do not cover
/// (footnotes, task list items, strikethrough, any other extension) is left to cmark: `render`
/// returns nil.
package struct PlainTextRenderer {
    private var buffer: [UInt8] = []
    /// Written at the start of every line: the indentation of the list items the text is in.
    private var prefix: [UInt8] = []
    /// Line breaks owed before the next text: 1 ends the line, 2 leaves a blank line.
    private var neededBreaks = 0
    private var atLineStart = true
    private var inTightListItem = false
    private var inHeading = false
    private var inTableCell = false

    /// The plain text of `document`, or nil when cmark must write it.
    package static func render(_ document: OpaquePointer) -> String? {
        renderBytes(document).map { String(decoding: $0, as: UTF8.self) }
    }

    /// `render(_:)` as UTF-8 bytes (valid: the document's literals, valid as its text was, and ASCII).
    package static func renderBytes(_ document: OpaquePointer) -> [UInt8]? {
        var renderer = PlainTextRenderer()
        renderer.buffer.reserveCapacity(4_096)
        let table = cmark_find_syntax_extension("table")
        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            guard renderer.visit(node, entering: event == CMARK_EVENT_ENTER, table: table) else { return nil }
        }
        if renderer.buffer.last != UInt8(ascii: "\n") { renderer.buffer.append(UInt8(ascii: "\n")) }
        return renderer.buffer
    }

    /// Writes what `node` adds on entering or leaving it; false for a node left to cmark.
    private mutating func visit(_ node: OpaquePointer, entering: Bool, table: OpaquePointer?) -> Bool {
        let type = cmark_node_get_type(node)
        let parent = cmark_node_parent(node)
        if entering {
            if let parent, cmark_node_get_type(parent) == CMARK_NODE_ITEM {
                inTightListItem = cmark_node_get_list_tight(cmark_node_parent(parent)) != 0
            }
        } else if type == CMARK_NODE_LIST {
            if let parent, cmark_node_get_type(parent) == CMARK_NODE_ITEM {
                inTightListItem = cmark_node_get_list_tight(cmark_node_parent(parent)) != 0
            } else {
                inTightListItem = false
            }
        }
        if let syntax = cmark_node_get_syntax_extension(node) {
            guard syntax == table else { return false }
            visitTable(node, entering: entering)
            return true
        }
        switch type {
        case CMARK_NODE_DOCUMENT, CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_HTML_BLOCK, CMARK_NODE_CUSTOM_BLOCK,
             CMARK_NODE_HTML_INLINE, CMARK_NODE_CUSTOM_INLINE, CMARK_NODE_STRONG, CMARK_NODE_EMPH,
             CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            break
        case CMARK_NODE_LIST:
            if !entering, let next = cmark_node_next(node),
               [CMARK_NODE_CODE_BLOCK, CMARK_NODE_LIST].contains(cmark_node_get_type(next)) {
                lineBreak()
            }
        case CMARK_NODE_ITEM:
            let list = cmark_node_parent(node)
            let isBullet = cmark_node_get_list_type(list) == CMARK_BULLET_LIST
            var marker = "  - "
            if !isBullet {
                // cmark 0.29.0.gfm.6 numbers an item by its place in the list.
                var number = Int(cmark_node_get_list_start(list))
                var previous = cmark_node_previous(node)
                while let item = previous {
                    number += 1
                    previous = cmark_node_previous(item)
                }
                marker = "\(number)" + (cmark_node_get_list_delim(list) == CMARK_PAREN_DELIM ? ")" : ".") + (number < 10 ? "  " : " ")
            }
            let width = marker.utf8.count
            if entering {
                write(marker, escapingPipes: false)
                prefix.append(contentsOf: repeatElement(UInt8(ascii: " "), count: width))
            } else {
                prefix.removeLast(min(width, prefix.count))
                lineBreak()
            }
        case CMARK_NODE_HEADING:
            inHeading = entering
            if !entering { blankLine() }
        case CMARK_NODE_CODE_BLOCK:
            let firstInItem = cmark_node_previous(node) == nil && parent.map { cmark_node_get_type($0) == CMARK_NODE_ITEM } == true
            if !firstInItem { blankLine() }
            write(literalOf: node, literal: true)
            blankLine()
        case CMARK_NODE_THEMATIC_BREAK:
            blankLine()
        case CMARK_NODE_PARAGRAPH:
            if !entering { blankLine() }
        case CMARK_NODE_TEXT:
            write(literalOf: node, literal: false)
        case CMARK_NODE_CODE:
            write(literalOf: node, literal: true)
        case CMARK_NODE_LINEBREAK:
            lineBreak()
        case CMARK_NODE_SOFTBREAK:
            if inHeading { write(" ", escapingPipes: false) } else { lineBreak() }
        default:
            return false // Footnotes, and node types this writer does not know.
        }
        return true
    }

    /// The table extension's rendering (the same for plain text as for CommonMark).
    private mutating func visitTable(_ node: OpaquePointer, entering: Bool) {
        // The node's type name compared in place (a string made for each cell cost more than the cell).
        guard let type = cmark_node_get_type_string(node) else { return }
        if strcmp(type, "table") == 0 {
            blankLine()
        } else if strcmp(type, "table_row") == 0 || strcmp(type, "table_header") == 0 {
            if entering {
                lineBreak()
                write("|", escapingPipes: false)
            }
        } else { // "table_cell"
            inTableCell = entering
            guard !entering else { return write(" ", escapingPipes: false) }
            write(" |", escapingPipes: false)
            guard let row = cmark_node_parent(node), cmark_gfm_extensions_get_table_row_is_header(row) != 0,
                  cmark_node_next(node) == nil, let table = cmark_node_parent(row) else { return }
            let columns = Int(cmark_gfm_extensions_get_table_columns(table))
            let alignments = cmark_gfm_extensions_get_table_alignments(table)
            lineBreak()
            write("|", escapingPipes: false)
            for column in 0..<columns {
                switch alignments?[column] ?? 0 {
                case UInt8(ascii: "l"): write(" :-- |", escapingPipes: false)
                case UInt8(ascii: "c"): write(" :-: |", escapingPipes: false)
                case UInt8(ascii: "r"): write(" --: |", escapingPipes: false)
                default: write(" --- |", escapingPipes: false)
                }
            }
            lineBreak()
        }
    }

    private mutating func lineBreak() { neededBreaks = max(neededBreaks, 1) }
    private mutating func blankLine() { neededBreaks = max(neededBreaks, 2) }

    private mutating func write(literalOf node: OpaquePointer, literal: Bool) {
        guard let text = cmark_node_get_literal(node) else {
            return write(UnsafeBufferPointer(start: nil, count: 0), literal: literal, escapingPipes: false)
        }
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self), count: strlen(text))
        write(bytes, literal: literal, escapingPipes: inTableCell)
    }

    private mutating func write(_ text: StaticString, escapingPipes: Bool) {
        write(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount), literal: true, escapingPipes: escapingPipes)
    }

    private mutating func write(_ text: String, escapingPipes: Bool) {
        var text = text
        text.withUTF8 { write($0, literal: true, escapingPipes: escapingPipes) }
    }

    /// cmark's `S_out` at width 0: owed line breaks first (a blank line carries the prefix), then
    /// the text, with the prefix at the start of each line. In a literal, a newline starts a line.
    private mutating func write(_ bytes: UnsafeBufferPointer<UInt8>, literal: Bool, escapingPipes: Bool) {
        if inTightListItem && neededBreaks > 1 { neededBreaks = 1 }
        var last = buffer.count - 1
        while neededBreaks > 0 {
            if last < 0 || buffer[last] == UInt8(ascii: "\n") {
                last -= 1
            } else {
                buffer.append(UInt8(ascii: "\n"))
                if neededBreaks > 1 { buffer.append(contentsOf: prefix) }
            }
            atLineStart = true
            neededBreaks -= 1
        }
        guard !escapingPipes else {
            for byte in bytes {
                if atLineStart { buffer.append(contentsOf: prefix) }
                if byte == UInt8(ascii: "|") { buffer.append(UInt8(ascii: "\\")) }
                buffer.append(byte)
                atLineStart = literal && byte == UInt8(ascii: "\n")
            }
            return
        }
        // A line at a time: only a newline in a literal starts a line, and each line gets the prefix.
        var rest = bytes[...]
        while !rest.isEmpty {
            if atLineStart { buffer.append(contentsOf: prefix) }
            let newline = literal ? rest.firstIndex(of: UInt8(ascii: "\n")) : nil
            let end = newline.map { $0 + 1 } ?? rest.endIndex
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: rest[..<end]))
            atLineStart = newline != nil
            rest = rest[end...]
        }
    }
}
