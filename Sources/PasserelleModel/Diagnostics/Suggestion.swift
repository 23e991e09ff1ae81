/// "Did you mean" suggestions: the candidates closest to a misspelt name.
public enum Suggestion {
    /// Candidates within a small edit distance of `word`, closest first (at most three).
    public static func closest(to word: String, in candidates: [String]) -> [String] {
        let target = Array(word.lowercased())
        let limit = max(2, target.count / 3)
        let scored = candidates.compactMap { candidate -> (Int, String)? in
            let lowered = candidate.lowercased()
            if lowered.hasSuffix("/" + word.lowercased()) || lowered.hasPrefix(word.lowercased() + "/") {
                return (0, candidate)
            }
            let distance = editDistance(target, Array(lowered))
            return distance <= limit ? (distance, candidate) : nil
        }
        // Only the closest candidates: one good hint beats three vague ones.
        guard let best = scored.map(\.0).min() else { return [] }
        return scored.filter { $0.0 == best }.sorted { $0.1 < $1.1 }.prefix(3).map(\.1)
    }

    /// A suffix for a message: ` (did you mean 'a' or 'b'?)`, or nothing.
    public static func didYouMean(_ word: String, in candidates: [String]) -> String {
        let found = closest(to: word, in: candidates)
        guard !found.isEmpty else { return "" }
        return " (did you mean " + found.map { "'\($0)'" }.joined(separator: " or ") + "?)"
    }

    /// Edit distance where swapping two neighbouring letters (`titel` → `title`) costs one, as typing errors do.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var before = Array(repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = Swift.min(current[j], before[j - 2] + 1)
                }
            }
            before = previous
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// Text with control characters made visible (`\u{7}`), for messages about unsafe names.
    public static func visible(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.properties.generalCategory == .control {
                result += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
