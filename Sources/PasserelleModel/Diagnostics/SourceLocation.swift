/// A position in a source file: the path as shown to the user, 1-based line and column.
public struct SourceLocation: Hashable, Sendable, Comparable {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int = 1, column: Int = 1) {
        self.path = path
        self.line = max(1, line)
        self.column = max(1, column)
    }

    /// The file at `path` as a whole (a link, a FIFO, a folder named like an entry): no line, no column.
    public static func file(_ path: String) -> SourceLocation {
        var location = SourceLocation(path: path)
        location.line = 0
        location.column = 0
        return location
    }

    /// A location as recorded: line 0 is the whole file (`file(_:)`).
    package static func recorded(path: String, line: Int, column: Int) -> SourceLocation {
        line == 0 ? .file(path) : SourceLocation(path: path, line: line, column: column)
    }

    /// Whether the location names a line (not the whole file).
    public var hasLine: Bool { line > 0 }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
    }
}
