import Foundation

/// The Atom 1.0 feed of one language: the latest entries by `updated`, `date`, or event start.
public struct AtomFeed: Sendable {
    public static let size = 20

    public let xml: String

    public init(site: Site, language: String) {
        let base = site.config.baseURL
        let latest = AtomFeed.latest(site: site, language: language)
        let updated = latest.first.map { AtomFeed.timestamp($0.date) } ?? ICalendarWriter.rfc3339(site.buildDate)
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
            let page = item.entry.pages[language]!
            let meta = item.entry.variants[page.textLanguage]!.metadata
            let url = XMLText.escape(SitePaths.absolute(page.outputPath, baseURL: base))
            let lang = page.isFallback ? #" xml:lang="\#(page.textLanguage)""# : ""
            lines.append("<entry\(lang)>")
            lines.append("<title>\(XMLText.escape(meta.title))</title>")
            lines.append(#"<link rel="alternate" type="text/html" href="\#(url)"/>"#)
            lines.append("<id>\(url)</id>")
            lines.append("<updated>\(AtomFeed.timestamp(item.date))</updated>")
            if let published = item.published { lines.append("<published>\(AtomFeed.timestamp(published))</published>") }
            lines.append(#"<category term="\#(XMLText.escape(item.entry.section.name))" label="\#(XMLText.escape(item.entry.section.title(in: language)))"/>"#)
            let summary = meta.summary ?? String(page.plainText.prefix(300))
            if !summary.isEmpty { lines.append("<summary>\(XMLText.escape(summary))</summary>") }
            lines.append("</entry>")
        }
        lines.append("</feed>")
        xml = lines.joined(separator: "\n") + "\n"
    }

    static func timestamp(_ date: CalendarDate) -> String { date.iso + "T00:00:00Z" }

    /// The entries the feed of `language` lists, latest first, with the date it shows and when each was published.
    static func latest(site: Site, language: String) -> ArraySlice<(date: CalendarDate, published: CalendarDate?, entry: Entry)> {
        // The newest first (then by id): kept as they come, a few among thousands, not sorted all.
        func precedes(_ a: (date: CalendarDate, published: CalendarDate?, entry: Entry), _ b: (date: CalendarDate, published: CalendarDate?, entry: Entry)) -> Bool {
            (b.date, a.entry.id) < (a.date, b.entry.id)
        }
        var newest: [(date: CalendarDate, published: CalendarDate?, entry: Entry)] = []
        newest.reserveCapacity(AtomFeed.size + 1)
        for entry in site.entries.values {
            let meta = entry.variant(for: language, order: site.languageCodes).metadata
            guard let date = meta.updated ?? meta.date ?? meta.event?.start.date else { continue }
            let item = (date: date, published: meta.date ?? meta.event?.start.date, entry: entry)
            if newest.count == AtomFeed.size, let last = newest.last, precedes(last, item) { continue }
            newest.insert(item, at: newest.firstIndex { precedes(item, $0) } ?? newest.count)
            if newest.count > AtomFeed.size { newest.removeLast() }
        }
        return newest[...]
    }
}
