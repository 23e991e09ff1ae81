import Foundation

package extension Collection where Element == UInt8 {
    /// The first occurrence of `needle`'s UTF-8 bytes. Foundation's `range(of:)` goes through
    /// CFString and UTF-16, which made it a visible share of large builds.
    @inlinable func firstRange(of needle: String) -> Range<Index>? {
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

package extension String {
    /// Whether `a` comes before `b` in the order of their UTF-8 bytes (code point order), by
    /// `memcmp`: the order of the cache's and the manifest's file lists, which sort tens of
    /// thousands of paths and need no Unicode rules, only the same order every time.
    @inlinable package static func utf8Precedes(_ a: String, _ b: String) -> Bool {
        let result = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y -> Bool in
                let common = Swift.min(x.count, y.count)
                let order = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
                return order != 0 ? order < 0 : x.count < y.count
            }
        }
        return (result ?? nil) ?? a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// Whether the UTF-8 ends with `suffix`'s bytes, compared in place by `memcmp` (`hasSuffix`
    /// compares characters: a visible cost over every page's path).
    @inlinable func utf8HasSuffix(_ suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        let result = utf8.withContiguousStorageIfAvailable { bytes in
            bytes.count >= count && (count == 0 || memcmp(bytes.baseAddress! + (bytes.count - count), suffix.utf8Start, count) == 0)
        }
        return result ?? utf8.reversed().starts(with: UnsafeBufferPointer(start: suffix.utf8Start, count: count).reversed())
    }

    /// Whether a byte of the UTF-8 satisfies `predicate`, read in place: the generic
    /// `utf8.contains(where:)` steps through String indices, about ten times the cost.
    @inlinable func utf8Contains(where predicate: (UInt8) -> Bool) -> Bool {
        utf8.withContiguousStorageIfAvailable { $0.contains(where: predicate) } ?? utf8.contains(where: predicate)
    }
}
