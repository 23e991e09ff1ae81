/// Rewriting UTF-8 byte by byte, as the JSON, XML and iCalendar escapings need.
@usableFromInline package enum ByteEscaping {
    /// Appends `bytes` from `start` to `result` rewritten: the runs of bytes `isKept` accepts are
    /// copied at once, and for every other byte `escape` writes what stands for it, given the
    /// bytes and the byte's index; it moves `index` past what it read (at least that byte). What
    /// `escape` writes or drops must leave the UTF-8 valid (every byte these escapings change is
    /// ASCII or starts a sequence they read whole).
    @inlinable package static func append(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0, kept isKept: (UInt8) -> Bool,
                                          _ escape: (UnsafeBufferPointer<UInt8>, inout Int, inout [UInt8]) -> Void, to result: inout [UInt8]) {
        var index = start
        while index < bytes.count {
            let run = index
            while index < bytes.count, isKept(bytes[index]) { index += 1 }
            if index > run { result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index])) }
            if index < bytes.count { escape(bytes, &index, &result) }
        }
    }
}

package extension String {
    /// The text rewritten over its UTF-8 (`ByteEscaping.append`); the text itself when every byte is kept.
    @inlinable func escapingBytes(kept isKept: (UInt8) -> Bool,
                                  _ escape: (UnsafeBufferPointer<UInt8>, inout Int, inout [UInt8]) -> Void) -> String {
        var text = self
        return text.withUTF8 { bytes in
            guard let index = bytes.firstIndex(where: { !isKept($0) }) else { return self }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + bytes.count / 8 + 16)
            result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<index]))
            ByteEscaping.append(bytes, from: index, kept: isKept, escape, to: &result)
            return String(decoding: result, as: UTF8.self)
        }
    }
}
