/// The front matter of one content file, validated and typed.
public struct EntryMetadata: Hashable, Sendable {
    public var title: String = ""
    public var summary: String?
    public var weight: Int?
    public var category: String?
    public var tags: [String] = []
    public var related: [ReferenceText] = []
    public var slug: String?
    public var aliases: [ReferenceText] = []
    public var draft: Bool = false
    public var date: CalendarDate?
    public var updated: CalendarDate?
    /// A place (events, projects).
    public var location: String?
    /// An external link (events, projects).
    public var url: String?
    public var event: EventDetails?
}

/// A reference as written by an editor (`recommendations/calendar#anchor`), and where.
public struct ReferenceText: Hashable, Sendable {
    public let text: String
    public let location: SourceLocation
}

/// What an entry of an event section says about when and where it happens.
public struct EventDetails: Hashable, Sendable {
    public enum Status: String, Sendable, CaseIterable { case confirmed, tentative, cancelled }
    public enum Recurrence: String, Sendable, CaseIterable { case yearly }

    public var start: DateTimeValue
    public var end: DateTimeValue?
    public var timezone: String?
    public var status: Status = .confirmed
    public var recurrence: Recurrence?

    /// The last day the event covers (inclusive).
    public var lastDay: CalendarDate { end?.date ?? start.date }
}
