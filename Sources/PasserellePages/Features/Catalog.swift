import Foundation
import PasserelleModel

/// The facets of a catalog section in one language (`catalog:` in `site.yaml`): each facet's
/// values, in order, with the entries that have each, in the section's listing order.
package struct Catalog: Sendable {
    /// One value of a facet: the countries code, choice key, year or target entry id it stands
    /// for, its slug in URLs, its label in the language, and its entries.
    package struct Value: Sendable {
        package let key: String
        package let slug: String
        package let label: String
        package var entries: [EntryID]
    }

    package struct Facet: Sendable {
        package let field: FieldDefinition
        package let values: [Value]
        /// The position of each value in `values`, by key.
        package let positions: [String: Int]

        package init(field: FieldDefinition, values: [Value]) {
            self.field = field
            self.values = values
            positions = Dictionary(values.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
        }

        /// The value whose key is `key`, if any entry has it.
        package subscript(key: String) -> Value? { positions[key].map { values[$0] } }
    }

    package let section: SectionConfig
    package let language: LanguageCode
    package let facets: [Facet]
    /// The facet of the countries field drawn as a map (`catalog: { map: … }`), if any.
    package let map: Facet?
    /// Every facet with pages of its own: the facets, and the map's field when it is not one.
    package let facetsWithPages: [Facet]
    /// The section's entries in listing order.
    package let entries: [EntryID]
    /// Where a value stands: its facet's position in `facets`, its own in the facet's `values`.
    package struct ValuePosition: Sendable, Hashable {
        package let facet: Int
        package let value: Int
    }
    /// Each entry's facet values, by facet then value order.
    package let valuesOf: [EntryID: [ValuePosition]]

    /// Entries a facet page lists at most; the rest go on following pages.
    package static let pageSize = 100

    package init(section: Section, site: Site, language: LanguageCode) {
        self.section = section.config
        self.language = language
        entries = section.orderedEntries[language]
        let locale = site.config.foundationLocale(of: language)
        let collation = TitleCollation(locale: site.config.locale(of: language))
        let make = { (field: FieldDefinition) in
            Catalog.facet(field, entries: section.orderedEntries[language], site: site, language: language, locale: locale, collation: collation)
        }
        let facets = (section.config.catalog?.facets ?? []).compactMap { section.config.field(named: $0) }.map(make)
        let mapField = section.config.catalog?.map.flatMap { section.config.field(named: $0) }
        self.facets = facets
        var valuesOf: [EntryID: [ValuePosition]] = [:]
        for (facet, values) in facets.enumerated() {
            for (value, found) in values.values.enumerated() {
                for id in found.entries { valuesOf[id, default: []].append(ValuePosition(facet: facet, value: value)) }
            }
        }
        self.valuesOf = valuesOf
        let map = mapField.map { field in facets.first { $0.field.name == field.name } ?? make(field) }
        self.map = map
        facetsWithPages = map.map { map in facets.contains { $0.field.name == map.field.name } ? facets : facets + [map] } ?? facets
    }


    /// The values of `field` among `entries`, each with its entries, in the field's order.
    private static func facet(_ field: FieldDefinition, entries: [EntryID], site: Site, language: LanguageCode,
                              locale: Locale, collation: TitleCollation) -> Facet {
        var found: [String: Value] = [:], order: [String] = []
        for id in entries {
            let entry = site[id]
            for (key, slug, label) in Catalog.values(of: entry, field: field, language: language, site: site, locale: locale) {
                if found[key] == nil {
                    found[key] = Value(key: key, slug: slug, label: label, entries: [])
                    order.append(key)
                }
                if found[key]?.entries.last != id { found[key]?.entries.append(id) }
            }
        }
        var values = order.compactMap { found[$0] }
        switch field.kind {
        case let .choice(choices):
            let rank = Dictionary(uniqueKeysWithValues: choices.enumerated().map { ($1.key, $0) })
            values.sort { rank[$0.key, default: 0] < rank[$1.key, default: 0] }
        case .year:
            values.sort { (Int($0.key) ?? 0) > (Int($1.key) ?? 0) }
        case .references:
            // The targets in their own section's listing order.
            let target = field.target.flatMap { name in site.sections.first { $0.config.name == name } }
            let rank = Dictionary(uniqueKeysWithValues: (target?.orderedEntries[language] ?? []).enumerated().map { ($1.rawValue, $0) })
            values.sort { (rank[$0.key] ?? .max, $0.key) < (rank[$1.key] ?? .max, $1.key) }
        case .countries, .text:
            values = collation.sorted(values, title: \.label, tieBreak: \.key)
        }
        return Facet(field: field, values: values)
    }

    /// The values `entry` has for `field` in `language`: (key, slug, label).
    package static func values(of entry: Entry, field: FieldDefinition, language: LanguageCode, site: Site, locale: Locale) -> [(String, String, String)] {
        let page = entry.pages[language]
        switch entry.shownText(in: language).metadata.fields[field.name] {
        case let .countries(codes)?:
            return codes.map { ($0, $0.lowercased(), Countries.name($0, locale: locale)) }
        case let .choice(key)?:
            guard case let .choice(choices) = field.kind else { return [] }
            return [(key, key, choices.first { $0.key == key }?.title(in: language) ?? key)]
        case let .year(year)?:
            return [(String(year), String(year), String(year))]
        case .references?:
            return (page.fieldTargets[field.name] ?? []).map { id in
                let target = site[id]
                return (id.rawValue, target.pages[language].slug, target.shownText(in: language).metadata.title)
            }
        default:
            return []
        }
    }

    /// A facet with more values than this shows on the listing only its `shownValues` with the
    /// most entries, and links to its page of all values.
    package static let valuesShownInFull = 30
    package static let shownValues = 20

    /// The values of `facet` the listing shows: all of them, or the `shownValues` with the most
    /// entries (ties in the facet's order), in the facet's order.
    package static func listedValues(_ facet: Facet) -> [Value] {
        guard facet.values.count > valuesShownInFull else { return facet.values }
        let kept = Set(facet.values.indices.sorted { (-facet.values[$0].entries.count, $0) < (-facet.values[$1].entries.count, $1) }.prefix(shownValues))
        return facet.values.indices.filter(kept.contains).map { facet.values[$0] }
    }

    /// How many pages a listing of `count` entries takes, a hundred a page.
    package static func pageCount(entries count: Int) -> Int { max(1, (count + pageSize - 1) / pageSize) }

    /// How many pages the value's listing takes.
    package static func pageCount(_ value: Value) -> Int { pageCount(entries: value.entries.count) }

    /// The path of page `page` of the catalog's own listing.
    package func listingPath(page: Int = 1) -> String { SitePaths.sectionPage(section, page: page, language) }

    /// The path of the page of all the values of `facet`.
    package func fieldPath(_ facet: Facet) -> String { SitePaths.facetField(section, field: facet.field, language) }

    /// The path of page `page` of a value's listing.
    package func path(_ facet: Facet, _ value: Value, page: Int = 1) -> String {
        SitePaths.facetValue(section, field: facet.field, value: value.slug, page: page, language)
    }
}
