/// A typed front-matter key that a section declares in `site.yaml` (`fields:`), such as a
/// project's countries, status, start year or the action-plan items it addresses.
public struct FieldDefinition: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// ISO 3166-1 alpha-2 codes, upper case; shown by their names in the page's language.
        case countries
        /// One key of `values`, in their declared order.
        case choice([ChoiceValue])
        /// An integer year.
        case year
        /// A string.
        case text
        /// References into the section `to`; each target lists the entries naming it under `inverse`.
        case references(to: String, inverse: [String: String])

        /// The type's name in `site.yaml`.
        public var name: String {
            switch self {
            case .countries: return "countries"
            case .choice: return "choice"
            case .year: return "year"
            case .text: return "text"
            case .references: return "references"
            }
        }
    }

    /// One value of a `choice` field: its key, and its title per language.
    public struct ChoiceValue: Hashable, Sendable {
        public let key: String
        public let titles: [String: String]

        public init(key: String, titles: [String: String]) {
            self.key = key
            self.titles = titles
        }

        public func title(in language: LanguageCode) -> String { titles[language.rawValue] ?? key }
    }

    /// The front-matter key.
    public let name: String
    public let kind: Kind
    public let titles: [String: String]
    /// The field's name in URLs per language (facet pages); the key by default.
    public let slugs: [String: String]

    public init(name: String, kind: Kind, titles: [String: String], slugs: [String: String]) {
        self.name = name
        self.kind = kind
        self.titles = titles
        self.slugs = slugs
    }

    public func title(in language: LanguageCode) -> String { titles[language.rawValue] ?? name }
    public func slug(in language: LanguageCode) -> String { slugs[language.rawValue] ?? name }

    /// The section a `references` field points into.
    public var target: String? {
        if case let .references(to, _) = kind { return to }
        return nil
    }
}

/// A section listing made a catalog (`catalog: { facets: [...], map: countries }`).
public struct CatalogConfig: Hashable, Sendable {
    /// The fields to filter by, in order.
    public let facets: [String]
    /// The `countries` field drawn as a map, if any.
    public let map: String?
    /// What one entry is called, by language ("projet"), and several ("projets"): the map names
    /// each country with its count in these words. Either may be empty.
    public let noun: [String: String]
    public let nouns: [String: String]

    public init(facets: [String], map: String?, noun: [String: String] = [:], nouns: [String: String] = [:]) {
        self.facets = facets
        self.map = map
        self.noun = noun
        self.nouns = nouns
    }
}

/// The value of a typed field in one file's front matter.
public enum FieldValue: Hashable, Sendable {
    case countries([String])
    case choice(String)
    case year(Int)
    case text(String)
    case references([ReferenceText])
}
