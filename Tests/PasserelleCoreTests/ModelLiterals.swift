import PasserelleModel

// Tests write ids and language codes as literals; the sources never do (they come from files).
extension EntryID: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self.init(value) }
}

extension LanguageCode: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self.init(value) }
}
