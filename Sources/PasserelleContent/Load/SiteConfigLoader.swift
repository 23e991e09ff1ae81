import PasserelleModel
import PasserelleOutput
/// Reads and validates `site.yaml`.
package enum SiteConfigLoader {
    package static let allowedKeys = ["title", "baseURL", "languages", "theme", "sections", "unsafeHTML", "paths", "budget"]
    package static let budgetKeys = ["page"]
    package static let pathKeys = ["az", "tags", "search"]
    package static let sectionKeys = ["kind", "slug", "title", "fields", "catalog"]
    package static let languageKeys = ["code", "name", "locale"]

    package static func load(text: String, path: String) -> (SiteConfig?, [Diagnostic]) {
        let document = YAMLDocument(text: text, path: path)
        var diagnostics = document.diagnostics
        guard document.diagnostics.isEmpty else { return (nil, diagnostics) }
        guard var fields = YAMLFields(document.root, path: path, firstLine: 1, what: "site.yaml", diagnostics: &diagnostics) else {
            if document.root == nil { diagnostics.append(.error(SourceLocation(path: path), "site.yaml is empty")) }
            return (nil, diagnostics)
        }
        fields.rejectUnknownKeys(allowedKeys, context: "site.yaml")

        var languages: [Language] = []
        if let node = fields.require("languages", context: "site.yaml") {
            if case let .sequence(items, _) = node, !items.isEmpty {
                for item in items {
                    guard var lang = YAMLFields(item, path: path, firstLine: 1, what: "a language", diagnostics: &diagnostics) else { continue }
                    lang.rejectUnknownKeys(languageKeys, context: "a language")
                    let code = lang.require("code", context: "a language").flatMap { lang.string($0, key: "code") }
                    if let code {
                        if code.isEmpty || !code.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "-") }) {
                            lang.error(lang["code"]!, "language code '\(code)' must be letters, like 'fr'")
                        } else if languages.contains(where: { $0.code.rawValue == code }) {
                            lang.error(lang["code"]!, "language '\(code)' is declared twice")
                        } else {
                            let locale = lang.string("locale") ?? code
                            languages.append(Language(code: LanguageCode(code), name: lang.string("name") ?? Language.autonym(code, locale: locale),
                                                      locale: locale))
                        }
                    }
                    diagnostics += lang.diagnostics
                }
            } else {
                fields.error(node, "'languages' must be a non-empty list of { code, name, locale }")
            }
        }
        let codes = languages.map(\.code.rawValue)
        let title = fields.localized("title", languages: codes) ?? [:]
        if fields["title"] == nil { _ = fields.require("title", context: "site.yaml") }
        var baseURL = fields.string("baseURL") ?? "/"
        if !baseURL.hasSuffix("/") { baseURL += "/" }
        let theme = fields.string("theme") ?? "default"
        let unsafeHTML = fields.bool("unsafeHTML") ?? false

        var sections: [SectionConfig] = []
        if let node = fields["sections"] {
            if case let .mapping(mapping, _) = node {
                let sectionNames = mapping.compactMap { $0.key.string }
                for pair in mapping {
                    let (nameNode, value) = (pair.key, pair.value)
                    let name = nameNode.string ?? ""
                    guard var section = YAMLFields(value, path: path, firstLine: 1, what: "section '\(name)'", diagnostics: &diagnostics) else { continue }
                    section.rejectUnknownKeys(sectionKeys, context: "section '\(name)'")
                    var kind = SectionConfig.Kind.entry
                    if let raw = section.string("kind") {
                        if let parsed = SectionConfig.Kind(rawValue: raw) { kind = parsed } else {
                            section.error(section["kind"]!, "unknown section kind '\(raw)'"
                                + Suggestion.didYouMean(raw, in: SectionConfig.Kind.allCases.map(\.rawValue)))
                        }
                    }
                    let slugs = section.localized("slug", languages: codes) ?? [:]
                    for (code, slug) in slugs.sorted(by: { $0.key < $1.key }) where !PathSafety.isSafeSegment(slug) {
                        section.error(section["slug"]!, "unsafe slug '\(slug)' for '\(code)': use letters, digits and '-'")
                    }
                    let fields = section["fields"].map {
                        FieldConfigLoader.fields($0, section: name, kind: kind, sections: sectionNames, languages: codes, path: path, diagnostics: &diagnostics)
                    } ?? []
                    let catalog = section["catalog"].flatMap {
                        FieldConfigLoader.catalog($0, section: name, fields: fields, declared: FieldConfigLoader.names(section["fields"]),
                                                  languages: codes, path: path, diagnostics: &diagnostics)
                    }
                    sections.append(SectionConfig(name: name, kind: kind,
                                                  slugs: slugs.filter { PathSafety.isSafeSegment($0.value) },
                                                  titles: section.localized("title", languages: codes) ?? [:],
                                                  fields: fields, catalog: catalog))
                    diagnostics += section.diagnostics
                }
            } else {
                fields.error(node, "'sections' must be a mapping of folder names to settings")
            }
        }
        var generatedSlugs: [String: [String: String]] = [:]
        if let node = fields["paths"] {
            if var paths = YAMLFields(node, path: path, firstLine: 1, what: "'paths'", diagnostics: &diagnostics) {
                paths.rejectUnknownKeys(pathKeys, context: "'paths'")
                for key in pathKeys where paths[key] != nil {
                    let slugs = paths.localized(key, languages: codes) ?? [:]
                    for (code, slug) in slugs.sorted(by: { $0.key < $1.key }) where !PathSafety.isSafeSegment(slug) {
                        paths.error(paths[key]!, "unsafe slug '\(slug)' for '\(code)': use letters, digits and '-'")
                    }
                    generatedSlugs[key] = slugs
                }
                diagnostics += paths.diagnostics
            }
        }
        var pageBudget: PageBudget?
        if let node = fields["budget"], var budget = YAMLFields(node, path: path, firstLine: 1, what: "'budget'", diagnostics: &diagnostics) {
            budget.rejectUnknownKeys(budgetKeys, context: "'budget'")
            if let value = budget["page"] {
                if let text = value.string, let bytes = PageBudget.bytes(text) {
                    pageBudget = PageBudget(bytes: bytes, text: text, location: budget.location(value))
                } else {
                    budget.error(value, "a page budget is a size, like 60KB, 1.5MB or 50000 (bytes)")
                }
            }
            diagnostics += budget.diagnostics
        }
        diagnostics += fields.diagnostics
        guard !languages.isEmpty, !diagnostics.hasErrors else { return (nil, diagnostics) }
        return (SiteConfig(title: title, baseURL: baseURL, languages: languages, theme: theme,
                           sections: sections, unsafeHTML: unsafeHTML, generatedSlugs: generatedSlugs, pageBudget: pageBudget), diagnostics)
    }
}
