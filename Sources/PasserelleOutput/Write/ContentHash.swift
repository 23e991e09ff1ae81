import PasserelleModel
/// A fast, stable 64-bit hash of bytes, for telling whether a file's content changed between
/// builds. Not cryptographic; always compared together with the size.
public enum ContentHash {
    /// `seed` gives an independent hash of the same bytes (two make a 128-bit key).
    public static func of(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(bytes.count) ^ (seed &* 0x9E37_79B9_7F4A_7C15)
        var offset = 0
        if bytes.count >= 32 {
            // Four lanes of the word mix below, over every fourth word: four multiplications in
            // flight rather than one after another (a build hashes all of its output). Each lane
            // starts apart, so that words trading places change the hash; under 32 bytes (paths,
            // names) the hash is what one lane gives.
            var a = hash, b = hash ^ 0x243F_6A88_85A3_08D3, c = hash ^ 0x1319_8A2E_0370_7344, d = hash ^ 0xA409_3822_299F_31D0
            while offset + 32 <= bytes.count {
                a = (a ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
                b = (b ^ bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
                c = (c ^ bytes.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
                d = (d ^ bytes.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
                a ^= a >> 32
                b ^= b >> 32
                c ^= c >> 32
                d ^= d >> 32
                offset += 32
            }
            hash = (a ^ b) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 32
            hash = (hash ^ c) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 32
            hash = (hash ^ d) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 32
        }
        while offset + 8 <= bytes.count {
            hash = (hash ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 32
            offset += 8
        }
        while offset < bytes.count {
            hash = (hash ^ UInt64(bytes[offset])) &* 0x100_0000_01B3
            offset += 1
        }
        // Final mix (MurmurHash3's fmix64) so that every input bit reaches every output bit.
        hash ^= hash >> 33
        hash &*= 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        hash &*= 0xC4CE_B9FE_1A85_EC53
        hash ^= hash >> 33
        return hash
    }

    public static func of(_ text: String, seed: UInt64 = 0) -> UInt64 {
        var text = text
        return text.withUTF8 { of(UnsafeRawBufferPointer($0), seed: seed) }
    }
}

/// A content hash of a stream, taken in blocks of 1 MB as they come: the same value for the same
/// bytes however they are cut into pieces, without holding them all (a large snapshot is hashed
/// while it is written, and while it is read, never mapped or read again for it).
package struct BlockHash {
    package static let blockSize = 1 << 20
    private var pending: [UInt8] = []
    private var combined: UInt64 = 0x6A09_E667_F3BC_C908
    private var length = 0

    package init() {}

    package mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var rest = bytes[...]
        length += bytes.count
        while !rest.isEmpty {
            if pending.isEmpty && rest.count >= BlockHash.blockSize {
                let block = UnsafeRawBufferPointer(rebasing: rest.prefix(BlockHash.blockSize))
                mix(ContentHash.of(block))
                rest = rest.dropFirst(BlockHash.blockSize)
                continue
            }
            let take = min(BlockHash.blockSize - pending.count, rest.count)
            pending.append(contentsOf: rest.prefix(take))
            rest = rest.dropFirst(take)
            if pending.count == BlockHash.blockSize {
                pending.withUnsafeBytes { mix(ContentHash.of($0)) }
                pending.removeAll(keepingCapacity: true)
            }
        }
    }

    private mutating func mix(_ block: UInt64) {
        combined = (combined ^ block) &* 0x9E37_79B9_7F4A_7C15
        combined ^= combined >> 29
    }

    /// The hash of everything added.
    package var value: UInt64 {
        var copy = self
        copy.pending.withUnsafeBytes { copy.mix(ContentHash.of($0)) }
        copy.mix(UInt64(length))
        return copy.combined
    }

    /// The hash of `bytes`, as adding them in any pieces gives.
    package static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash = BlockHash()
        hash.add(bytes)
        return hash.value
    }
}
