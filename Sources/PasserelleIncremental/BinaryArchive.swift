import PasserelleContent
import PasserelleModel
import PasserellePages
import PasserelleResolve
import PasserelleTemplates
import PasserelleOutput
import Foundation

/// A compact binary encoding for the build snapshot: integers as LEB128 varints, strings as a
/// length then UTF-8 bytes. Hand-written because a snapshot of a 10,000-entry site has a million
/// fields, which `Codable` coders take seconds to go through.
struct ArchiveWriter {
    private(set) var bytes: [UInt8] = []
    /// Where full buffers go (a file), so that a large archive is never held whole; nil: kept in `bytes`.
    private let sink: ((UnsafeRawBufferPointer) -> Bool)?
    /// False once the sink failed.
    private(set) var succeeded = true
    /// The ids written so far, by their order of first writing (`id(_:)`), after `sharedIDs`.
    private var idIndices: [EntryID: Int] = [:]
    /// The ids of the writer this one's bytes go into (`raw`), known to their reader before them.
    private let sharedIDs: [EntryID: Int]

    /// The ids this writer has written, by place: for the writers of its parts (`init(sharing:)`).
    var writtenIDs: [EntryID: Int] { sharedIDs.isEmpty ? idIndices : sharedIDs.merging(idIndices) { first, _ in first } }

    /// `sharing`: the ids already written where this writer's bytes will go (`writtenIDs`),
    /// written by their place; the reader is given them (`ArchiveReader(_:sharing:)`).
    init(capacity: Int = 1 << 20, sink: ((UnsafeRawBufferPointer) -> Bool)? = nil, sharing ids: [EntryID: Int] = [:]) {
        self.sink = sink
        sharedIDs = ids
        bytes.reserveCapacity(capacity)
    }

    /// Hands the buffer to the sink (when there is one).
    mutating func flush() {
        guard let sink, !bytes.isEmpty else { return }
        if !bytes.withUnsafeBytes(sink) { succeeded = false }
        bytes.removeAll(keepingCapacity: true)
    }

    mutating func int(_ value: Int) {
        var rest = UInt64(bitPattern: Int64(value)) << 1 ^ UInt64(bitPattern: Int64(value) >> 63) // zigzag
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func uint64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8(of: $0) }
    }

    /// A text's bytes, as `string` writes a string's (read back by `string()`).
    mutating func text(_ value: UTF8Text) {
        value.bytes.withUnsafeBufferPointer { utf8(of: $0) }
    }

    /// UTF-8 bytes preceded by their length: what `string` and `text` write.
    private mutating func utf8(of text: UnsafeBufferPointer<UInt8>) {
        int(text.count)
        bytes.append(contentsOf: text)
        if sink != nil && bytes.count >= 1 << 20 { flush() }
    }

    /// Bytes another writer wrote.
    mutating func raw(_ part: [UInt8]) {
        bytes.append(contentsOf: part)
        if sink != nil && bytes.count >= 1 << 20 { flush() }
    }

    mutating func optional<T>(_ value: T?, _ write: (inout ArchiveWriter, T) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }

    mutating func array<T>(_ values: [T], _ write: (inout ArchiveWriter, T) -> Void) {
        int(values.count)
        for value in values { write(&self, value) }
    }

    mutating func strings(_ values: [String]) { array(values) { $0.string($1) } }

    /// An id: its text the first time this writer writes it, then its place among those (a
    /// snapshot names each id many times, and reading a text makes an id of it: `EntryID.Numbers`).
    mutating func id(_ id: EntryID) {
        if let index = sharedIDs[id] ?? idIndices[id] {
            int(index + 1)
        } else {
            idIndices[id] = sharedIDs.count + idIndices.count
            int(0)
            string(id.rawValue)
        }
    }
    mutating func ids(_ ids: [EntryID]) { array(ids) { $0.id($1) } }
    mutating func language(_ code: LanguageCode) { string(code.rawValue) }

    /// A dictionary, in key order so that the same model always gives the same bytes.
    mutating func dictionary<Key: ArchiveKey, T>(_ values: [Key: T], _ write: (inout ArchiveWriter, T) -> Void) {
        int(values.count)
        for (key, value) in values.sorted(by: { $0.key < $1.key }) {
            string(key.archiveKey)
            write(&self, value)
        }
    }

    /// A per-language table: its values in the site's language order (the reader knows the languages).
    mutating func table<T>(_ table: LanguageTable<T>, _ write: (inout ArchiveWriter, T) -> Void) {
        array(table.values, write)
    }
}

/// Reads what `ArchiveWriter` wrote. Any inconsistency (a truncated or foreign file) throws.
struct ArchiveReader {
    struct Corrupt: Error {}

    private let bytes: UnsafeRawBufferPointer
    /// The data `bytes` are the memory of, when the reader was made from it: parts are slices of it.
    private let data: Data?
    private var offset = 0
    /// The ids read so far, in the order they were first written, after `sharedIDs`.
    private var idsRead: [EntryID] = []
    /// The ids the writer of these bytes was given (`ArchiveWriter(sharing:)`).
    private let sharedIDs: [EntryID]

    /// The ids this reader has read, by place: for the readers of its parts.
    var readIDs: [EntryID] { sharedIDs + idsRead }

    /// A reader of `bytes`, which are the memory of `data` when given.
    init(_ bytes: UnsafeRawBufferPointer, of data: Data? = nil, sharing ids: [EntryID] = []) {
        self.bytes = bytes
        self.data = data
        sharedIDs = ids
    }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func int() throws -> Int {
        var result: UInt64 = 0, shift: UInt64 = 0
        while true {
            guard offset < bytes.count, shift < 64 else { throw Corrupt() }
            let byte = bytes[offset]
            offset += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        return Int(Int64(bitPattern: result >> 1 ^ (0 &- (result & 1))))
    }

    /// A count of items that follow, each at least one byte long: bounded by what is left.
    mutating func count() throws -> Int {
        let count = try int()
        guard count >= 0, count <= bytes.count - offset else { throw Corrupt() }
        return count
    }

    mutating func bool() throws -> Bool {
        guard offset < bytes.count, bytes[offset] <= 1 else { throw Corrupt() }
        offset += 1
        return bytes[offset - 1] == 1
    }

    mutating func uint64() throws -> UInt64 {
        guard offset + 8 <= bytes.count else { throw Corrupt() }
        defer { offset += 8 }
        return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    mutating func string() throws -> String {
        let length = try int()
        guard length >= 0, length <= bytes.count - offset else { throw Corrupt() }
        defer { offset += length }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + length]), as: UTF8.self)
    }

    /// Bytes another writer wrote, preceded by their length (as `int`): read in place, not copied.
    mutating func part() throws -> Data {
        let length = try int()
        guard length >= 0, length <= bytes.count - offset else { throw Corrupt() }
        defer { offset += length }
        // A slice shares the data's storage (the mapped file); without data, the bytes are copied.
        guard let data else { return Data(bytes[offset..<offset + length]) }
        return data[(data.startIndex + offset)..<(data.startIndex + offset + length)]
    }

    mutating func optional<T>(_ read: (inout ArchiveReader) throws -> T) throws -> T? {
        try bool() ? read(&self) : nil
    }

    mutating func array<T>(_ read: (inout ArchiveReader) throws -> T) throws -> [T] {
        let count = try count()
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(&self)) }
        return values
    }

    mutating func strings() throws -> [String] { try array { try $0.string() } }

    /// An id `ArchiveWriter.id(_:)` wrote: its text, or the place of one read before.
    mutating func id() throws -> EntryID {
        let tag = try int()
        if tag == 0 {
            let id = EntryID(try string())
            idsRead.append(id)
            return id
        }
        guard tag > 0, tag <= sharedIDs.count + idsRead.count else { throw Corrupt() }
        return tag <= sharedIDs.count ? sharedIDs[tag - 1] : idsRead[tag - 1 - sharedIDs.count]
    }
    mutating func ids() throws -> [EntryID] { try array { try $0.id() } }
    mutating func language() throws -> LanguageCode { LanguageCode(try string()) }

    mutating func dictionary<Key: ArchiveKey, T>(_ read: (inout ArchiveReader) throws -> T) throws -> [Key: T] {
        let count = try count()
        // Most are empty; `reserveCapacity` is not inlined (a generic call, its metadata looked up each time).
        guard count > 0 else { return [:] }
        var values = [Key: T](minimumCapacity: count)
        for _ in 0..<count {
            let key = Key(archiveKey: try string())
            values[key] = try read(&self)
        }
        return values
    }

    /// A table `ArchiveWriter.table` wrote, for the site's `languages` (a table of another length is corrupt).
    mutating func table<T>(languages: [LanguageCode], _ read: (inout ArchiveReader) throws -> T) throws -> LanguageTable<T> {
        let values = try array(read)
        guard values.count == languages.count else { throw Corrupt() }
        return LanguageTable(languages: languages, values: values)
    }
}

/// A dictionary key the archive writes as its text.
protocol ArchiveKey: Hashable, Comparable {
    var archiveKey: String { get }
    init(archiveKey: String)
}

extension String: ArchiveKey {
    var archiveKey: String { self }
    init(archiveKey: String) { self = archiveKey }
}

extension EntryID: ArchiveKey {
    var archiveKey: String { rawValue }
    init(archiveKey: String) { self.init(archiveKey) }
}

extension LanguageCode: ArchiveKey {
    var archiveKey: String { rawValue }
    init(archiveKey: String) { self.init(archiveKey) }
}
