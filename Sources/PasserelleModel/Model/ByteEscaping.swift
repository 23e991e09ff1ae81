package extension String {
    /// The text rewritten over its UTF-8, as the JSON, XML and iCalendar escapings need: the runs
    /// of bytes `isKept` accepts are copied at once, and for every other byte `escape` writes what
    /// stands for it, given the bytes and the byte's index; it moves `index` past what it read
    /// (at least that byte). The text itself when every byte is kept. What `escape` writes or
    /// drops must leave the UTF-8 valid (every byte these escapings change is ASCII or starts a
    /// sequence they read whole).
    @inlinable func escapingBytes(kept isKept: (UInt8) -> Bool,
                                  _ escape: (UnsafeBufferPointer<UInt8>, inout Int, inout [UInt8]) -> Void) -> String {
        var text = self
        return text.withUTF8 { bytes in
            guard var index = bytes.firstIndex(where: { !isKept($0) }) else { return self }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + bytes.count / 8 + 16)
            result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<index]))
            while index < bytes.count {
                escape(bytes, &index, &result)
                let run = index
                while index < bytes.count, isKept(bytes[index]) { index += 1 }
                if index > run { result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index])) }
            }
            return String(decoding: result, as: UTF8.self)
        }
    }
}
