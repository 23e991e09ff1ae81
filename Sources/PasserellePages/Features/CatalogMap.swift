import PasserelleModel
import PasserelleTemplates

/// A catalog's map in one language: every country of the theme's map, those with entries shaded
/// in one of three levels by how many they have (quantiles of the counts, darker is more), each
/// level a count range the legend names.
package struct CatalogMap: Sendable {
    package struct Country: Sendable {
        package let path: String
        /// The facet value, for a country with entries.
        package let value: Catalog.Value?
        /// 1…`levels.count` for a country with entries, else 0.
        package let level: Int
    }

    package let viewBox: String
    /// Countries without entries first, then those with: the shaded ones are drawn on top.
    package let countries: [Country]
    /// The count range of each level, from the lightest; one to three of them.
    package let levels: [ClosedRange<Int>]

    package init(facet: Catalog.Facet, map: WorldMap) {
        viewBox = map.viewBox
        let levels = CatalogMap.levels(counts: facet.values.map(\.entries.count))
        self.levels = levels
        var plain: [Country] = [], shaded: [Country] = []
        for country in map.countries {
            if let code = country.code, let value = facet[code] {
                let level = (levels.firstIndex { $0.contains(value.entries.count) } ?? levels.count - 1) + 1
                shaded.append(Country(path: country.path, value: value, level: level))
            } else {
                plain.append(Country(path: country.path, value: nil, level: 0))
            }
        }
        countries = plain + shaded
    }

    /// Up to three count ranges splitting `counts` into thirds (ranges never empty, never overlapping).
    package static func levels(counts: [Int]) -> [ClosedRange<Int>] {
        let sorted = counts.filter { $0 > 0 }.sorted()
        guard let highest = sorted.last else { return [] }
        var bounds: [Int] = []
        for third in [1, 2] {
            let bound = sorted[(sorted.count * third - 1) / 3]
            if bound < highest && bound > (bounds.last ?? 0) { bounds.append(bound) }
        }
        bounds.append(highest)
        var low = sorted[0]
        return bounds.map { high in
            defer { low = high + 1 }
            return low...high
        }
    }
}
