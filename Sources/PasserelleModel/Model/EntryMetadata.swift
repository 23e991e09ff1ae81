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
    /// The values of the section's typed fields (`FieldDefinition`), by key.
    public var fields: [String: FieldValue] = [:]
    /// `translated_from: "fr:3f2a9c1"`: the version of another language's text this one was made from.
    public var translatedFrom: TranslatedFrom?

    /// Every stored property, as the memberwise initializer takes them (visible to the other stages).
    package init(title: String = "", summary: String? = nil, weight: Int? = nil, category: String? = nil, tags: [String] = [], related: [ReferenceText] = [], slug: String? = nil, aliases: [ReferenceText] = [], draft: Bool = false, date: CalendarDate? = nil, updated: CalendarDate? = nil, location: String? = nil, url: String? = nil, event: EventDetails? = nil) {
        self.title = title
        self.summary = summary
        self.weight = weight
        self.category = category
        self.tags = tags
        self.related = related
        self.slug = slug
        self.aliases = aliases
        self.draft = draft
        self.date = date
        self.updated = updated
        self.location = location
        self.url = url
        self.event = event
    }
}

/// Which version of another language's text a translation was made from (`translated_from`): the
/// language and the git blob id, or an abbreviation of it, of that language's file.
public struct TranslatedFrom: Hashable, Sendable {
    public let language: LanguageCode
    /// Lower-case hex, 7 to 40 digits.
    public let blob: String
    /// Where the value is written.
    public let location: SourceLocation

    package init(language: LanguageCode, blob: String, location: SourceLocation) {
        self.language = language
        self.blob = blob
        self.location = location
    }

    /// Whether the file whose blob id is `current` is the version recorded.
    public func matches(_ current: String) -> Bool { current.hasPrefix(blob) }
}

/// A reference as written by an editor (`recommendations/calendar#anchor`), and where.
public struct ReferenceText: Hashable, Sendable {
    public let text: String
    public let location: SourceLocation

    /// Every stored property, as the memberwise initializer takes them (visible to the other stages).
    package init(text: String, location: SourceLocation) {
        self.text = text
        self.location = location
    }
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

    /// Every stored property, as the memberwise initializer takes them (visible to the other stages).
    package init(start: DateTimeValue, end: DateTimeValue? = nil, timezone: String? = nil, status: Status = .confirmed, recurrence: Recurrence? = nil) {
        self.start = start
        self.end = end
        self.timezone = timezone
        self.status = status
        self.recurrence = recurrence
    }
}
