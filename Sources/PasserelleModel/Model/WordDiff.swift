/// A word diff of two texts, as a translator reads it: the words the new text keeps, inserts and
/// deletes, with the spaces and line breaks between words kept with them.
public enum WordDiff {
    public enum Change: String, Sendable, Hashable {
        case kept = "=", inserted = "+", deleted = "-"
    }

    public struct Segment: Sendable, Hashable {
        public let change: Change
        public let text: String
    }

    /// The segments that turn `old` into `new`, consecutive ones of one kind merged. Words are runs
    /// of non-space characters, each with the spaces that follow it.
    public static func segments(from old: String, to new: String) -> [Segment] {
        let a = words(old), b = words(new)
        // Common prefix and suffix first: a translator's source usually changes in a few places.
        var start = 0
        while start < a.count, start < b.count, a[start] == b[start] { start += 1 }
        var endA = a.count, endB = b.count
        while endA > start, endB > start, a[endA - 1] == b[endB - 1] { endA -= 1; endB -= 1 }
        var segments: [Segment] = []
        func add(_ change: Change, _ text: Substring) {
            if let last = segments.last, last.change == change {
                segments[segments.count - 1] = Segment(change: change, text: last.text + text)
            } else if !text.isEmpty {
                segments.append(Segment(change: change, text: String(text)))
            }
        }
        for word in a[..<start] { add(.kept, word) }
        for (change, word) in middle(Array(a[start..<endA]), Array(b[start..<endB])) { add(change, word) }
        for word in a[endA...] { add(.kept, word) }
        return segments
    }

    /// Whether anything changed.
    public static func hasChanges(_ segments: [Segment]) -> Bool { segments.contains { $0.change != .kept } }

    private static func words(_ text: String) -> [Substring] {
        var words: [Substring] = []
        var start = text.startIndex, index = text.startIndex, inSpace = false
        while index < text.endIndex {
            let isSpace = text[index].isWhitespace
            if !isSpace && inSpace {
                words.append(text[start..<index])
                start = index
            }
            inSpace = isSpace
            index = text.index(after: index)
        }
        if start < text.endIndex { words.append(text[start...]) }
        return words
    }

    /// The longest common subsequence's edit script of `a` into `b`, deletions before insertions.
    /// Quadratic in the changed middle only; beyond 4 million cells it falls back to deleting the
    /// old middle and inserting the new one.
    private static func middle(_ a: [Substring], _ b: [Substring]) -> [(Change, Substring)] {
        guard !a.isEmpty || !b.isEmpty else { return [] }
        guard a.count * b.count <= 4_000_000, !a.isEmpty, !b.isEmpty else {
            return a.map { (.deleted, $0) } + b.map { (.inserted, $0) }
        }
        let columns = b.count + 1
        var lengths = [Int32](repeating: 0, count: (a.count + 1) * columns)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i * columns + j] = a[i] == b[j] ? lengths[(i + 1) * columns + j + 1] + 1
                    : max(lengths[(i + 1) * columns + j], lengths[i * columns + j + 1])
            }
        }
        var script: [(Change, Substring)] = []
        var i = 0, j = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                script.append((.kept, a[i])); i += 1; j += 1
            } else if lengths[(i + 1) * columns + j] >= lengths[i * columns + j + 1] {
                script.append((.deleted, a[i])); i += 1
            } else {
                script.append((.inserted, b[j])); j += 1
            }
        }
        while i < a.count { script.append((.deleted, a[i])); i += 1 }
        while j < b.count { script.append((.inserted, b[j])); j += 1 }
        return script
    }
}
