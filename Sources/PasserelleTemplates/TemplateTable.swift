/// Texts by name: a language's UI strings (`{{t.home}}`), a dozen of which every page shows.
///
/// A text is found by its name's key (`TemplateRecord.key(of:)`, which the compiled templates
/// compute once per tag) in a small open-addressing index, and read where it is held, as a
/// record's values are: the name is not hashed again, the text not copied.
public struct TemplateTable: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    private struct Field: Sendable, Equatable {
        /// First, so that where a field is, its value is (`valueAddress`).
        let value: TemplateValue
        let key: UInt64
        let name: String
    }

    /// The texts as `.text` values, in the order of their names.
    private let fields: [Field]
    /// A power of two of slots, at most half of them taken: 0 when empty, else 1 + a field's index.
    private let slots: [Int32]

    public init(_ texts: [String: String]) {
        fields = texts.sorted { $0.key < $1.key }.map { Field(value: .text($0.value), key: TemplateRecord.key(of: $0.key), name: $0.key) }
        var count = 8
        while count < fields.count * 2 { count *= 2 }
        var slots = [Int32](repeating: 0, count: count)
        for (index, field) in fields.enumerated() {
            var slot = Int(truncatingIfNeeded: field.key) & (count - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (count - 1) }
            slots[slot] = Int32(index + 1)
        }
        self.slots = slots
    }

    /// A name given twice keeps its last text.
    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { $1 }))
    }

    /// The texts by name.
    public var texts: [String: String] {
        Dictionary(uniqueKeysWithValues: fields.map { field in
            guard case let .text(text) = field.value else { preconditionFailure("a table holds texts") }
            return (field.name, text)
        })
    }

    /// The text named `name` (whose `TemplateRecord.key(of:)` is `key`).
    public subscript(name: String) -> String? {
        guard let address = valueAddress(of: name, key: TemplateRecord.key(of: name)), case let .text(text) = address.pointee else { return nil }
        return text
    }

    /// Where the text named `name` is held, as a `.text` value, read without copying it: valid
    /// while this table's storage lives (while a template renders a record that holds it).
    @inline(__always)
    func valueAddress(of name: String, key: UInt64) -> UnsafePointer<TemplateValue>? {
        slots.withUnsafeBufferPointer { slots in
            fields.withUnsafeBufferPointer { fields -> UnsafePointer<TemplateValue>? in
                guard let base = fields.baseAddress else { return nil }
                let mask = slots.count - 1
                var slot = Int(truncatingIfNeeded: key) & mask
                while slots[slot] != 0 {
                    let field = base + Int(slots[slot] - 1)
                    if field.pointee.key == key && field.pointee.name == name {
                        return UnsafeRawPointer(field).assumingMemoryBound(to: TemplateValue.self)
                    }
                    slot = (slot + 1) & mask
                }
                return nil
            }
        }
    }
}
