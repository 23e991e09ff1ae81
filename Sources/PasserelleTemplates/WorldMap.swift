import PasserelleModel

/// A theme's world map (`map/world.tsv`): the SVG viewBox and each country's outline, drawn by a
/// catalog with `map:`. The file's lines are `# comment`, `viewBox<TAB>0 0 W H`, and
/// `CODE<TAB>path data` (an ISO 3166-1 alpha-2 code, or `--` for land that has none).
public struct WorldMap: Sendable, Equatable {
    public struct Country: Sendable, Equatable {
        /// ISO 3166-1 alpha-2, upper case; nil for land without a code (drawn, never shaded).
        public let code: String?
        /// SVG path data.
        public let path: String
    }

    /// Where a theme keeps its map.
    public static let file = "map/world.tsv"

    public let viewBox: String
    /// In the file's order.
    public let countries: [Country]

    /// The map in `text`, or nil and the diagnostics that say where `path` is wrong.
    public static func parse(_ text: String, path: String) -> (WorldMap?, [Diagnostic]) {
        var viewBox: String?, countries: [Country] = [], diagnostics: [Diagnostic] = []
        var codes = Set<String>()
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let location = SourceLocation(path: path, line: index + 1, column: 1)
            let parts = line.split(separator: "\t", maxSplits: 1)
            guard parts.count == 2, !parts[1].isEmpty else {
                diagnostics.append(.error(location, "expected a code, a tab and SVG path data"))
                continue
            }
            let key = String(parts[0]), data = String(parts[1])
            if key == "viewBox" {
                let numbers = data.split(separator: " ").compactMap { Double($0) }
                guard numbers.count == 4, numbers[2] > 0, numbers[3] > 0 else {
                    diagnostics.append(.error(location, "viewBox must be four numbers, 'x y width height'"))
                    continue
                }
                viewBox = data
            } else if key == "--" {
                countries.append(Country(code: nil, path: data))
            } else if key.utf8.count == 2, key.utf8.allSatisfy({ (65...90).contains($0) }) {
                guard codes.insert(key).inserted else {
                    diagnostics.append(.error(location, "country '\(key)' is drawn twice"))
                    continue
                }
                guard data.utf8.allSatisfy({ pathBytes.contains($0) }) else {
                    diagnostics.append(.error(location, "path data of '\(key)' holds characters SVG path data does not"))
                    continue
                }
                countries.append(Country(code: key, path: data))
            } else {
                diagnostics.append(.error(location, "'\(key)' is not an ISO 3166-1 alpha-2 code (two capital letters) nor '--'"))
            }
        }
        if viewBox == nil, diagnostics.isEmpty {
            diagnostics.append(.error(SourceLocation(path: path), "missing the 'viewBox' line"))
        }
        guard let viewBox, diagnostics.isEmpty else { return (nil, diagnostics) }
        return (WorldMap(viewBox: viewBox, countries: countries), [])
    }

    /// What path data may hold: commands, digits, signs, points, separators. Nothing that could
    /// end the attribute it is written into.
    private static let pathBytes = Set("MmLlHhVvCcSsQqTtAaZz0123456789+-.,eE ".utf8)
}
