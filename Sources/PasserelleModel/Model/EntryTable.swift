/// Values by entry id, each stored at its id's number (`EntryID.number`): a lookup is a bounds
/// check and an array read, where a dictionary hashes the id and probes its buckets. Entry
/// pages look their links' targets, places and link fields up tens of times each.
///
/// The numbers are handed out per process, close together (one per distinct id text, over
/// a few shards), so a table of a site's entries has about as many slots as the site has entries.
public struct EntryTable<Value: Sendable>: Sendable {
    private var slots: ContiguousArray<Value?> = []
    public private(set) var count = 0

    public init() {}

    /// The values of `pairs`; a later value of the same id wins.
    public init<Pairs: Sequence>(_ pairs: Pairs) where Pairs.Element == (EntryID, Value) {
        for (id, value) in pairs { self[id] = value }
    }

    /// The values of `dictionary`.
    public init(_ dictionary: [EntryID: Value]) {
        self.init(dictionary.lazy.map { ($0.key, $0.value) })
    }

    /// `body` given where the value of `id` is held (nil when there is none), read in place:
    /// a copy of a value retains what it holds, which pages rendered on other cores share. The
    /// pointer is valid during `body` only.
    @inline(__always)
    public func withValue<Result>(_ id: EntryID, _ body: (UnsafePointer<Value>?) -> Result) -> Result {
        let slot = Int(id.number)
        guard slot < slots.count else { return body(nil) }
        return slots.withUnsafeBufferPointer { slots in
            // An optional keeps its wrapped value at its start.
            slots[slot] == nil ? body(nil) : body(UnsafeRawPointer(slots.baseAddress! + slot).assumingMemoryBound(to: Value.self))
        }
    }

    /// The value of `id`; setting nil removes it.
    public subscript(id: EntryID) -> Value? {
        @inline(__always) get {
            let slot = Int(id.number)
            return slot < slots.count ? slots[slot] : nil
        }
        set {
            let slot = Int(id.number)
            if slot >= slots.count {
                guard newValue != nil else { return }
                slots.append(contentsOf: repeatElement(nil, count: slot + 1 - slots.count))
            }
            count += (newValue == nil ? 0 : 1) - (slots[slot] == nil ? 0 : 1)
            slots[slot] = newValue
        }
    }
}
