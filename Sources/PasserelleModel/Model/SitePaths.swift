/// Where each kind of page is written, and how one page links to another.
public enum SitePaths {
    public static func home(_ language: LanguageCode) -> String { "\(language)/index.html" }

    public static func section(_ section: SectionConfig, _ language: LanguageCode) -> String {
        "\(language)/\(section.slug(in: language))/index.html"
    }

    /// Every folder that holds one of `paths` (`fr`, `fr/recommandations`…), without the root.
    public static func folders<Paths: Sequence>(holding paths: Paths) -> Set<String> where Paths.Element == String {
        var folders = Set<String>()
        for path in paths {
            var rest = Substring(path)
            while let slash = rest.lastIndex(of: "/") {
                rest = rest[..<slash]
                guard folders.insert(String(rest)).inserted else { break }
            }
        }
        return folders
    }

    /// The page of one facet value of a catalog: `fr/projets/pays/sn/index.html`, then
    /// `fr/projets/pays/sn/page/2/index.html` for the next hundred entries.
    /// Page `page` of a paginated section listing (a catalog of more than a hundred entries).
    public static func sectionPage(_ section: SectionConfig, page: Int, _ language: LanguageCode) -> String {
        page > 1 ? "\(language)/\(section.slug(in: language))/page/\(page)/index.html" : self.section(section, language)
    }

    /// The page of a catalog's field that lists all its values with their counts.
    public static func facetField(_ section: SectionConfig, field: FieldDefinition, _ language: LanguageCode) -> String {
        "\(language)/\(section.slug(in: language))/\(field.slug(in: language))/index.html"
    }

    /// The script beside a paginated catalog listing that holds every entry, for filtering in place.
    public static func catalogData(_ section: SectionConfig, _ language: LanguageCode) -> String {
        "\(language)/\(section.slug(in: language))/entries.js"
    }

    public static func facetValue(_ section: SectionConfig, field: FieldDefinition, value: String, page: Int = 1, _ language: LanguageCode) -> String {
        "\(language)/\(section.slug(in: language))/\(field.slug(in: language))/\(value)/" + (page > 1 ? "page/\(page)/index.html" : "index.html")
    }

    public static func entry(_ section: SectionConfig, slug: String, _ language: LanguageCode) -> String {
        "\(language)/\(section.slug(in: language))/\(slug)/index.html"
    }

    /// A relative URL from the page written at `from` to the file at `to` (both relative to the output root).
    /// Links keep `index.html` so that they work from `file://`, where folders do not open their index.
    public static func relative(from: String, to: String) -> String {
        // On the bytes: called for every link of every page. Paths are normalised ("a/b/c.html").
        var from = from, to = to
        return from.withUTF8 { source in
            to.withUTF8 { target in
                let slash = UInt8(ascii: "/")
                var common = 0, index = 0 // common: just after the last folder both paths share
                let shared = Swift.min(source.count, target.count)
                while index < shared, source[index] == target[index] {
                    if source[index] == slash { common = index + 1 }
                    index += 1
                }
                var ups = 0
                for index in common..<source.count where source[index] == slash { ups += 1 }
                let rest = UnsafeBufferPointer(rebasing: target[common...])
                if ups == 0 && rest.isEmpty { return "./" }
                return String(unsafeUninitializedCapacity: ups * 3 + rest.count) { buffer in
                    var written = 0
                    for _ in 0..<ups {
                        buffer[written] = UInt8(ascii: ".")
                        buffer[written + 1] = UInt8(ascii: ".")
                        buffer[written + 2] = slash
                        written += 3
                    }
                    _ = UnsafeMutableBufferPointer(rebasing: buffer[written...]).initialize(from: rest)
                    return written + rest.count
                }
            }
        }
    }

    /// The prefix that leads from the page at `from` to the output root (`../../`), or `""` at the root.
    public static func rootPrefix(from: String) -> String {
        String(repeating: "../", count: depth(from.utf8))
    }

    /// How many folders deep a path is: its number of `/`.
    @inlinable package static func depth<Bytes: Sequence>(_ path: Bytes) -> Int where Bytes.Element == UInt8 {
        path.reduce(0) { $0 + ($1 == UInt8(ascii: "/") ? 1 : 0) }
    }

    /// The public URL of a written file: `baseURL` + path, without a trailing `index.html`.
    public static func absolute(_ path: String, baseURL: String) -> String {
        // On the bytes: every page names its own URL and its translations'.
        let index: StaticString = "index.html"
        guard path.utf8HasSuffix(index) else { return baseURL + path }
        var path = path
        return path.withUTF8 { baseURL + String(decoding: UnsafeBufferPointer(rebasing: $0.dropLast(index.utf8CodeUnitCount)), as: UTF8.self) }
    }
}

package extension SitePaths {
    /// The year view of an event section's calendar: `fr/evenements/2005/index.html`.
    public static func calendarYear(_ section: SectionConfig, _ language: LanguageCode, _ year: Int) -> String {
        "\(language)/\(section.slug(in: language))/\(String(format4: year))/index.html"
    }

    /// A month grid: `fr/evenements/2005/11/index.html`.
    public static func calendarMonth(_ section: SectionConfig, _ language: LanguageCode, _ month: YearMonth) -> String {
        "\(language)/\(section.slug(in: language))/\(String(format4: month.year))/\(String(format2: month.month))/index.html"
    }

    /// All events of a language, as iCalendar: `fr/calendar.ics`.
    public static func languageCalendar(_ language: LanguageCode) -> String { "\(language)/calendar.ics" }

    /// One event as iCalendar, beside its page: `fr/evenements/smsi-tunis-2005/smsi-tunis-2005.ics`.
    public static func eventCalendar(pagePath: String, slug: String) -> String {
        String(pagePath.dropLast("index.html".count)) + slug + ".ics"
    }
}

package extension SitePaths {
    /// A generated page of a language (`az`, `tags`, `search`): `fr/index-a-z/index.html`.
    public static func generated(_ page: String, _ config: SiteConfig, _ language: LanguageCode) -> String {
        "\(language)/\(config.generatedSlug(page, language))/index.html"
    }

    /// The page of one tag: `fr/mots-cles/smsi/index.html`.
    public static func tag(_ slug: String, _ config: SiteConfig, _ language: LanguageCode) -> String {
        "\(language)/\(config.generatedSlug("tags", language))/\(slug)/index.html"
    }

    public static func feed(_ language: LanguageCode) -> String { "\(language)/atom.xml" }
    public static func searchIndex(_ language: LanguageCode) -> String { "\(language)/search.json" }
    public static func searchScriptIndex(_ language: LanguageCode) -> String { "\(language)/search-index.js" }
    public static func notFound(_ language: LanguageCode) -> String { "\(language)/404.html" }
}
