import PasserelleModel

/// Reads a section's `fields:` and `catalog:` in `site.yaml` (CONTENT.md, "Typed fields, typed
/// relations and catalogs"), reporting every mistake where it is written.
package enum FieldConfigLoader {
    package static let fieldKeys = ["type", "title", "slug", "values", "to", "inverse"]
    package static let types = ["countries", "choice", "year", "text", "references"]
    package static let catalogKeys = ["facets", "map", "noun", "nouns"]
    /// Field types a catalog can filter by: each value is a page of its own.
    package static let facetTypes = ["countries", "choice", "year", "references"]

    /// The fields of section `section` (of `kind`: a field may not take one of its front-matter keys), in declared order. `sections`: every section's name, for
    /// the targets of `references`.
    package static func fields(_ node: YAMLNode, section: String, kind: SectionConfig.Kind, sections: [String], languages: [String], path: String,
                               diagnostics: inout [Diagnostic]) -> [FieldDefinition] {
        guard var mapping = YAMLFields(node, path: path, firstLine: 1, what: "'fields' of section '\(section)'", diagnostics: &diagnostics) else { return [] }
        var definitions: [FieldDefinition] = []
        let reserved = FrontMatterParser.allowedKeys(for: kind)
        for (name, keyNode, value) in mapping.pairs {
            guard PathSafety.isSafeSegment(name), name.first?.isLetter == true else {
                mapping.error(keyNode, "field name '\(Suggestion.visible(name))' must be letters, digits and '-', starting with a letter")
                continue
            }
            if reserved.contains(name) {
                mapping.error(keyNode, "field '\(name)' would hide the front-matter key '\(name)': name it otherwise")
                continue
            }
            guard var field = YAMLFields(value, path: path, firstLine: 1, what: "field '\(name)'", diagnostics: &diagnostics) else { continue }
            field.rejectUnknownKeys(fieldKeys, context: "field '\(name)'")
            let titles = field.localized("title", languages: languages) ?? [:]
            let slugs = field.localized("slug", languages: languages) ?? [:]
            for (code, slug) in slugs.sorted(by: { $0.key < $1.key }) where !PathSafety.isSafeSegment(slug) {
                field.error(field["slug"]!, "unsafe slug '\(slug)' for '\(code)': use letters, digits and '-'")
            }
            var kind: FieldDefinition.Kind?
            var written: String?
            if let typeNode = field.require("type", context: "field '\(name)'"), let type = field.string(typeNode, key: "type") {
                written = type
                switch type {
                case "countries": kind = .countries
                case "year": kind = .year
                case "text": kind = .text
                case "choice":
                    var values: [FieldDefinition.ChoiceValue] = []
                    if let valuesNode = field.require("values", context: "a choice field ('\(name)')"),
                       var choices = YAMLFields(valuesNode, path: path, firstLine: 1, what: "'values' of field '\(name)'", diagnostics: &diagnostics) {
                        for (key, keyNode, _) in choices.pairs {
                            guard PathSafety.isSafeSegment(key) else {
                                choices.error(keyNode, "choice '\(Suggestion.visible(key))' must be letters, digits and '-': it names a page")
                                continue
                            }
                            values.append(.init(key: key, titles: choices.localized(key, languages: languages) ?? [:]))
                        }
                        if choices.pairs.isEmpty { choices.error(valuesNode, "a choice field needs at least one value") }
                        diagnostics += choices.diagnostics
                    }
                    kind = .choice(values)
                case "references":
                    let inverse = field.localized("inverse", languages: languages)
                    if inverse == nil { _ = field.require("inverse", context: "a references field ('\(name)')") }
                    if let toNode = field.require("to", context: "a references field ('\(name)')"), let to = field.string(toNode, key: "to") {
                        if sections.contains(to) {
                            kind = .references(to: to, inverse: inverse ?? [:])
                        } else {
                            field.error(toNode, "unknown section '\(to)' in 'to'" + Suggestion.didYouMean(to, in: sections))
                        }
                    }
                default:
                    // `country` for `countries`: a type that begins the same way, when no spelling is close.
                    var hint = Suggestion.didYouMean(type, in: types)
                    if hint.isEmpty, type.count >= 4, let begun = types.first(where: { $0.hasPrefix(type.prefix(4)) }) {
                        hint = " (did you mean '\(begun)'?)"
                    }
                    field.error(typeNode, "unknown field type '\(type)': use \(types.joined(separator: ", "))" + hint)
                }
            }
            if let written, types.contains(written) {
                if written != "choice", let node = field.keyNode("values") { field.error(node, "'values' is only for choice fields") }
                for key in ["to", "inverse"] where written != "references" {
                    if let node = field.keyNode(key) { field.error(node, "'\(key)' is only for references fields") }
                }
            }
            diagnostics += field.diagnostics
            if let kind { definitions.append(FieldDefinition(name: name, kind: kind, titles: titles, slugs: slugs)) }
        }
        diagnostics += mapping.diagnostics
        return definitions
    }

    /// The keys written under a section's `fields`.
    package static func names(_ node: YAMLNode?) -> [String] {
        guard case let .mapping(mapping, _)? = node else { return [] }
        return mapping.compactMap { $0.key.string }
    }

    /// The catalog of a section whose fields are `fields`.
    /// `declared`: every key under `fields`, valid or not (a facet naming a broken field is not reported again).
    package static func catalog(_ node: YAMLNode, section: String, fields: [FieldDefinition], declared: [String], languages: [String],
                                path: String, diagnostics: inout [Diagnostic]) -> CatalogConfig? {
        guard var catalog = YAMLFields(node, path: path, firstLine: 1, what: "'catalog' of section '\(section)'", diagnostics: &diagnostics) else { return nil }
        catalog.rejectUnknownKeys(catalogKeys, context: "'catalog' of section '\(section)'")
        let names = fields.map(\.name)
        var facets: [String] = []
        for (facet, node) in catalog.strings("facets") ?? [] {
            guard let field = fields.first(where: { $0.name == facet }) else {
                if declared.contains(facet) { continue }
                catalog.error(node, "unknown field '\(facet)' in 'facets': declare it under 'fields' of section '\(section)'" + Suggestion.didYouMean(facet, in: names))
                continue
            }
            guard facetTypes.contains(field.kind.name) else {
                catalog.error(node, "field '\(facet)' is a \(field.kind.name) field: a facet is a countries, choice, year or references field")
                continue
            }
            if !facets.contains(facet) { facets.append(facet) }
        }
        var map: String?
        if let node = catalog["map"], let name = catalog.string(node, key: "map") {
            if let field = fields.first(where: { $0.name == name }), field.kind == .countries {
                map = name
            } else if !declared.contains(name) || fields.contains(where: { $0.name == name }) {
                let countries = fields.filter { $0.kind == .countries }.map(\.name)
                catalog.error(node, "'map' must name a countries field of section '\(section)'" + Suggestion.didYouMean(name, in: countries))
            }
        }
        let noun = catalog.localized("noun", languages: languages) ?? [:]
        let nouns = catalog.localized("nouns", languages: languages) ?? [:]
        diagnostics += catalog.diagnostics
        return CatalogConfig(facets: facets, map: map, noun: noun, nouns: nouns)
    }
}
