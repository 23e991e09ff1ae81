import PasserelleModel
import PasserelleTemplates
import Foundation

/// The Atom 1.0 feed of one language: the latest entries by `updated`, `date`, or event start.
public struct AtomFeed: Sendable {
    public static let size = 20

    public let xml: String

    public init(site: Site, language: LanguageCode) {
        let base = site.config.baseURL
        let latest = AtomFeed.latest(site: site, language: language)
        let updated = latest.first.map { $0.stamp } ?? ICalendarWriter.rfc3339(site.buildDate)
        let home = SitePaths.absolute(SitePaths.home(language), baseURL: base)
        var lines = [
            #"<?xml version="1.0" encoding="utf-8"?>"#,
            #"<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\#(language)">"#,
            "<title>\(XMLText.escape(site.config.title(in: language)))</title>",
            #"<link rel="self" type="application/atom+xml" href="\#(XMLText.escape(base + SitePaths.feed(language)))"/>"#,
            #"<link rel="alternate" type="text/html" href="\#(XMLText.escape(home))"/>"#,
            "<id>\(XMLText.escape(home))</id>",
            "<updated>\(updated)</updated>",
            "<author><name>\(XMLText.escape(site.config.title(in: language)))</name></author>",
            "<generator>Passerelle</generator>",
        ]
        for item in latest {
            let page = item.entry.pages[language]
            let meta = item.entry.shownText(in: language).metadata
            let url = XMLText.escape(SitePaths.absolute(page.outputPath, baseURL: base))
            let lang = page.isFallback ? #" xml:lang="\#(page.textLanguage)""# : ""
            lines.append("<entry\(lang)>")
            lines.append("<title>\(XMLText.escape(meta.title))</title>")
            lines.append(#"<link rel="alternate" type="text/html" href="\#(url)"/>"#)
            lines.append("<id>\(url)</id>")
            lines.append("<updated>\(item.stamp)</updated>")
            if let published = item.published { lines.append("<published>\(published)</published>") }
            lines.append(#"<category term="\#(XMLText.escape(item.entry.section.name))" label="\#(XMLText.escape(item.entry.section.title(in: language)))"/>"#)
            let summary = meta.summary ?? String(page.plainText.string.prefix(300))
            lines.append("<summary>\(XMLText.escape(summary.isEmpty ? meta.title : summary))</summary>")
            // The body itself, for readers that read in their feed reader (links in it are relative to the page: xml:base).
            if !page.html.isEmpty {
                lines.append(#"<content type="html" xml:base="\#(url)">\#(XMLText.escape(page.html.string))</content>"#)
            }
            lines.append("</entry>")
        }
        lines.append("</feed>")
        xml = lines.joined(separator: "\n") + "\n"
    }

    static func timestamp(_ date: CalendarDate) -> String { date.iso + "T00:00:00Z" }

    /// When a timed event starts, as an instant (RFC 3339, UTC): in its time zone (the first of
    /// two instants when the time occurs twice), or read as UTC when it has none.
    static func timestamp(_ start: DateTimeValue, timezone: String?) -> String {
        let instant = timezone.flatMap(TimeZone.init(identifier:)).map { LocalTime.instant(of: start, in: $0) } ?? LocalTime.seconds(of: start)
        return ICalendarWriter.rfc3339(Date(timeIntervalSince1970: TimeInterval(instant)))
    }

    /// One entry of the feed: the day it is dated by (for the order), and its `updated` and `published` stamps.
    package struct Item {
        package let date: CalendarDate
        package let stamp: String
        package let published: String?
        package let entry: Entry
    }

    /// The entries the feed of `language` lists, latest first, with the date it shows and when each was published.
    package static func latest(site: Site, language: LanguageCode) -> ArraySlice<Item> {
        // The newest first (then by id): kept as they come, a few among thousands, not sorted all.
        func precedes(_ a: Item, _ b: Item) -> Bool {
            (b.date, a.entry.id) < (a.date, b.entry.id)
        }
        var newest: [Item] = []
        newest.reserveCapacity(AtomFeed.size + 1)
        for entry in site.entries.values {
            // Its fields read where they are: a copy of the metadata retains a dozen strings.
            let variant = entry.variant(for: language, order: site.languageCodes)
            guard let date = variant.metadata.updated ?? variant.metadata.date ?? variant.metadata.event?.start.date else { continue }
            // Passed over by its date and id before its timestamps are made (time zones: the
            // dearest part), as most entries are.
            if newest.count == AtomFeed.size, let last = newest.last, (date, last.entry.id) < (last.date, entry.id) { continue }
            let meta = variant.metadata
            let start = meta.event.map { event in
                event.start.isAllDay ? timestamp(event.start.date) : timestamp(event.start, timezone: event.timezone)
            }
            let stamp = meta.updated.map(timestamp) ?? meta.date.map(timestamp) ?? start ?? timestamp(date)
            let item = Item(date: date, stamp: stamp, published: meta.date.map(timestamp) ?? start, entry: entry)
            newest.insert(item, at: newest.firstIndex { precedes(item, $0) } ?? newest.count)
            if newest.count > AtomFeed.size { newest.removeLast() }
        }
        return newest[...]
    }
}
