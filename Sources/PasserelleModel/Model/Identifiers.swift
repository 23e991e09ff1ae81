/// An entry's identity: `<section>/<file slug>` (`recommendations/calendar`), shared by its translations.
///
/// Ordered as its text is, so that lists sorted by id stay in the order they always had. Equal
/// and hashed by its number (`EntryID.Numbers`): pages look ids up in tables tens of times
/// each, and comparing two texts there read each one's storage, a cache miss apiece.
public struct EntryID: Hashable, Comparable, Sendable, CustomStringConvertible, TextOutputStreamable {
    public let rawValue: String
    /// The same for every id of the same text made in this process, from any thread; never written
    /// down. Small and close together (`Numbers`): `EntryTable` stores values at it.
    let number: UInt32

    public init(_ rawValue: String) {
        self.rawValue = rawValue
        number = EntryID.numbers.number(of: rawValue)
    }

    public init(section: String, fileSlug: String) { self.init(section + "/" + fileSlug) }

    /// The section's name: what comes before the first `/`.
    public var section: Substring { rawValue.prefix { $0 != "/" } }
    public var description: String { rawValue }
    public func write<Target: TextOutputStream>(to target: inout Target) { target.write(rawValue) }
    @inlinable public static func < (a: EntryID, b: EntryID) -> Bool { a.rawValue < b.rawValue }
    public static func == (a: EntryID, b: EntryID) -> Bool { a.number == b.number }
    public func hash(into hasher: inout Hasher) { hasher.combine(number) }

    private static let numbers = Numbers()

    /// One number per distinct text, handed out as ids are made: the texts are spread over
    /// shards (ids are made by every core at once), and kept for the life of the process: a
    /// site's ids, and those of its edits.
    final class Numbers: Sendable {
        private let shards = Sharded<[String: UInt32]> { [:] }

        func number(of text: String) -> UInt32 {
            shards.withLock(for: text) { table, shard in
                if let known = table[text] { return known }
                // A shard's count, with the shard in the low bits: unique across shards.
                let number = UInt32(table.count * Sharded<[String: UInt32]>.count + shard)
                table[text] = number
                return number
            }
        }
    }
}

/// A language code as `site.yaml` lists it (`fr`, `en`), naming one of the site's languages.
public struct LanguageCode: Hashable, Comparable, Sendable, CustomStringConvertible, TextOutputStreamable {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// No language: what the files at the site's root (the language chooser, the sitemap) are in.
    public static let root = LanguageCode("")

    public var description: String { rawValue }
    public func write<Target: TextOutputStream>(to target: inout Target) { target.write(rawValue) }
    @inlinable public static func < (a: LanguageCode, b: LanguageCode) -> Bool { a.rawValue < b.rawValue }
}

/// One value for each of the site's languages, stored by the language's position in `site.yaml`.
///
/// Total: reading the value of one of the site's languages never fails, so rendering has no
/// lookup that may find nothing. Reading a code the site does not have is a programming error.
public struct LanguageTable<Value: Sendable>: Sendable {
    /// The site's languages, in `site.yaml` order: the keys, by position.
    public let languages: [LanguageCode]
    /// The values, by the position of their language.
    @inlinable public var values: [Value] { storage }
    @usableFromInline var storage: [Value]

    @inlinable
    public init(languages: [LanguageCode], _ value: (LanguageCode) throws -> Value) rethrows {
        self.languages = languages
        storage = try languages.map(value)
    }

    /// A table of `values` given in the order of `languages` (as many of them).
    @inlinable
    public init(languages: [LanguageCode], values: [Value]) {
        precondition(values.count == languages.count, "\(values.count) values for \(languages.count) languages")
        self.languages = languages
        storage = values
    }

    /// The position of `language` among the site's languages.
    @inlinable
    public func position(of language: LanguageCode) -> Int {
        // Two to six languages: a scan of inline strings is quicker than hashing one.
        guard let position = languages.firstIndex(of: language) else {
            preconditionFailure("'\(language)' is not one of the site's languages \(languages)")
        }
        return position
    }

    @inlinable
    public subscript(language: LanguageCode) -> Value {
        get { storage[position(of: language)] }
        set { storage[position(of: language)] = newValue }
    }

    /// The same table with each value transformed.
    @inlinable
    public func map<T: Sendable>(_ transform: (LanguageCode, Value) throws -> T) rethrows -> LanguageTable<T> {
        LanguageTable<T>(languages: languages, values: try zip(languages, storage).map(transform))
    }

    /// (language, value) pairs in `site.yaml` order.
    @inlinable
    public var pairs: Zip2Sequence<[LanguageCode], [Value]> { zip(languages, storage) }
}
