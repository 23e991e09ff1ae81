extension Collection where Element == UInt8 {
    /// The first occurrence of `needle`'s UTF-8 bytes. Foundation's `range(of:)` goes through
    /// CFString and UTF-16, which made it a visible share of large builds.
    func firstRange(of needle: String) -> Range<Index>? {
        let wanted = Array(needle.utf8)
        guard let first = wanted.first else { return nil }
        var start = startIndex
        while let found = self[start...].firstIndex(of: first) {
            var cursor = found, matched = 0
            while matched < wanted.count, cursor != endIndex, self[cursor] == wanted[matched] {
                cursor = index(after: cursor)
                matched += 1
            }
            if matched == wanted.count { return found..<cursor }
            start = index(after: found)
        }
        return nil
    }
}
