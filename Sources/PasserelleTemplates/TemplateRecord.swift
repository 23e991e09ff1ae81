import PasserelleModel

/// A value a template shows: the types page contexts are made of, and nothing else.
public enum TemplateValue: Sendable, Equatable {
    case text(String)
    /// A text as its UTF-8 bytes, shown as they are (a body's HTML, not validated again).
    case utf8Text(UTF8Text)
    case number(Int)
    case bool(Bool)
    case record(TemplateRecord)
    case records([TemplateRecord])
    /// A table of strings by name: a language's UI strings (`{{t.home}}`).
    case table(TemplateTable)

    /// Whether an inverted section shows for it (Mustache's "falsey": false, or an empty list;
    /// a missing value too).
    var isFalsy: Bool {
        switch self {
        case let .bool(value): return !value
        case let .records(records): return records.isEmpty
        case .text, .utf8Text, .number, .record, .table: return false
        }
    }
}

extension TemplateValue {
    /// The payload of the value at `value`, whose case holds a `Payload`, where it is held: read
    /// in place, not copied out (a copy retains it; shared by the pages other threads render,
    /// its count's cache line goes back and forth between the cores). An enum with several
    /// payloads none of whose spare bits all share keeps its payload as it is at its start and
    /// its case in a byte after it (`TemplateRecordTests` holds this enum to that layout).
    @inline(__always)
    static func payload<Payload>(of value: UnsafePointer<TemplateValue>, as _: Payload.Type) -> UnsafePointer<Payload> {
        UnsafeRawPointer(value).assumingMemoryBound(to: Payload.self)
    }
}

/// Literal texts, numbers, booleans and lists of records stand for themselves in records.
extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByStringInterpolation, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(stringInterpolation: DefaultStringInterpolation) { self = .text(String(stringInterpolation: stringInterpolation)) }
    public init(integerLiteral value: Int) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral records: TemplateRecord...) { self = .records(records) }
}

/// The named values a template shows (`{{title}}`, `{{#entries}}`): what a page kind builds
/// for every page, list item and link.
///
/// A dictionary would do, but it hashes every name on every insertion and on every lookup, at
/// every level of the context stack a lookup walks through. A record keeps its few names in
/// order with a cheap 64-bit key each (`key(of:)`), which the compiled templates compute once
/// per tag: a lookup compares integers, and strings only to confirm a match.
public struct TemplateRecord: ExpressibleByDictionaryLiteral, Sendable, Equatable {
    private struct Field: Sendable, Equatable {
        /// First, so that where a field is, its value is (`valueAddress`).
        var value: TemplateValue
        /// `key(of: name)`.
        let key: UInt64
        let name: String
    }

    /// Whether a field's value is at its start, as `valueAddress` reads it.
    package static var valueIsAtTheStartOfItsField: Bool { MemoryLayout<Field>.offset(of: \Field.value) == 0 }

    private var fields: [Field]

    /// The fields of the record this one is laid over (`init(over:)`): shown where `fields` has
    /// none of their name. One array, shared by every record laid over the same one.
    private var baseFields: [Field]

    public init() {
        fields = []
        baseFields = []
    }

    /// A record that shows the fields of `base` but those set on it: what a copy of `base` with
    /// those fields set would show, in the same order, without copying (and retaining) each of
    /// `base`'s values. The chrome every page of a folder shares, a link every list shows.
    public init(over base: TemplateRecord) {
        fields = []
        baseFields = base.flattened
    }

    /// The values are `TemplateValue`s, written as literals or as cases (`"title": .text(title)`):
    /// typed, so that no value is boxed as an existential on its way into a record.
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        fields = elements.map { Field(value: $0.1, key: TemplateRecord.key(of: $0.0), name: $0.0) }
        baseFields = []
        assert(Set(elements.map(\.0)).count == elements.count, "a name given twice in a record literal")
    }

    /// The key of `name`: FNV-1a over its UTF-8 bytes. Names are short; collisions only cost a
    /// string comparison.
    @inline(__always)
    static func key(of name: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    /// The value named `name`; setting nil removes it.
    public subscript(name: String) -> TemplateValue? {
        get { valueAddress(of: name, key: TemplateRecord.key(of: name))?.pointee }
        set {
            let key = TemplateRecord.key(of: name)
            guard let newValue else {
                // A name its base shows too: the record stops being laid over it to leave it out.
                if TemplateRecord.index(of: name, key: key, in: baseFields) != nil {
                    fields = flattened
                    baseFields = []
                }
                fields.removeAll { $0.key == key && $0.name == name }
                return
            }
            if let index = index(of: name, key: key) {
                fields[index].value = newValue
            } else {
                fields.append(Field(value: newValue, key: key, name: name))
            }
        }
    }

    /// Where the value named `name` (whose `key(of:)` is `key`) is held, read without copying it:
    /// the pointer stays valid while this record's storage lives unchanged (while a template
    /// renders the record, which holds it, and its base).
    @inline(__always)
    func valueAddress(of name: String, key: UInt64) -> UnsafePointer<TemplateValue>? {
        if let address = TemplateRecord.address(of: name, key: key, in: fields) { return address }
        return TemplateRecord.address(of: name, key: key, in: baseFields)
    }

    @inline(__always)
    private static func address(of name: String, key: UInt64, in fields: [Field]) -> UnsafePointer<TemplateValue>? {
        guard let index = index(of: name, key: key, in: fields) else { return nil }
        return fields.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress! + index).assumingMemoryBound(to: TemplateValue.self) }
    }

    /// The names and values, in the order they were set (a base's first, as a copy of it would have them).
    public var pairs: [(name: String, value: TemplateValue)] { flattened.map { ($0.name, $0.value) } }

    /// The fields shown: the base's, with those set here in their place or after them.
    private var flattened: [Field] {
        guard !baseFields.isEmpty else { return fields }
        var shown = baseFields
        for field in fields {
            if let index = TemplateRecord.index(of: field.name, key: field.key, in: shown) {
                shown[index].value = field.value
            } else {
                shown.append(field)
            }
        }
        return shown
    }

    public static func == (left: TemplateRecord, right: TemplateRecord) -> Bool { left.flattened == right.flattened }

    /// Where the field `name` is among those set on this record (not its base's).
    @inline(__always)
    private func index(of name: String, key: UInt64) -> Int? { TemplateRecord.index(of: name, key: key, in: fields) }

    /// Where the field `name` is in `fields`. Reads the fields through a pointer, in place: a
    /// copy of a field, which `for field in fields` makes, would retain and release its name and value.
    @inline(__always)
    private static func index(of name: String, key: UInt64, in fields: [Field]) -> Int? {
        fields.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return nil }
            for index in 0..<buffer.count where base[index].key == key && (base + index).pointee.name == name {
                return index
            }
            return nil
        }
    }

    /// Adds the fields of `other`, which win over fields of the same name.
    public mutating func merge(_ other: TemplateRecord) {
        for field in other.flattened { self[field.name] = field.value }
    }
}
