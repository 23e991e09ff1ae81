import PasserelleModel
import Foundation

/// Where the files of a build go. The render jobs hand each file to `write` as soon as it is
/// made, from any thread; the build then calls `finish` once all went well (the files become
/// the output, whole, at once) or `discard` (the output stays as it was). Implementations: the
/// folder swapped in for `output/` (`OutputStaging`), a few files replaced where they are
/// (`InPlaceReplacement`, a text edit), nothing at all (`DiscardingOutput`, `check`), memory
/// (`MemoryOutput`, `serve`).
public protocol OutputSink: Sendable {
    /// Receives the file at `path` (relative to the output's root). Safe from any thread.
    func write(_ path: String, _ content: OutputWriter.FileContent)
    /// Makes the files written the output; throws (and leaves the output as it was) when it cannot.
    func finish() throws
    /// Abandons the files written: the output stays as it was.
    func discard()
}

/// `check`: every page is rendered (templates can fail), none is kept.
public struct DiscardingOutput: OutputSink {
    public init() {}
    public func write(_ path: String, _ content: OutputWriter.FileContent) {}
    public func finish() throws {}
    public func discard() {}
}

/// A few files of the current output replaced where they are, when finished
/// (`OutputWriter.replaceInPlace`): what a text edit writes.
public final class InPlaceReplacement: OutputSink, Sendable {
    private let writer: OutputWriter
    /// The output's manifest file, checked intact.
    private let current: Data
    private let lock: OutputWriter.Lock
    private let files = Locked<[(path: String, content: OutputWriter.FileContent)]>([])

    package init(writer: OutputWriter, current: Data, holding lock: OutputWriter.Lock) {
        self.writer = writer
        self.current = current
        self.lock = lock
    }

    public func write(_ path: String, _ content: OutputWriter.FileContent) {
        files.withLock { $0.append((path, content)) }
    }

    public func finish() throws {
        let files = self.files.withLock { $0.take() }.sorted { String.utf8Precedes($0.path, $1.path) }
        _ = try writer.replaceInPlace(files, current: current, holding: lock)
    }

    public func discard() {
        files.withLock { $0 = [] }
    }
}
