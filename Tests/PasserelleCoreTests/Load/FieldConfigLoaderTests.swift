import Foundation
import XCTest
@testable import PasserelleContent
@testable import PasserelleModel

/// `fields:` and `catalog:` of a section in site.yaml: typed, in order, every mistake located.
final class FieldConfigLoaderTests: XCTestCase {
    private func load(_ sections: String) -> (SiteConfig?, [String]) {
        let text = "title: T\nlanguages:\n  - { code: fr }\n  - { code: en }\nsections:\n  plan: { kind: entry }\n" + sections
        let (config, diagnostics) = SiteConfigLoader.load(text: text, path: "site.yaml")
        return (config, diagnostics.map { "\($0.location.line):\($0.location.column): \($0.message)" })
    }

    func testFieldsAreReadInOrderWithTheirTypes() throws {
        let (config, messages) = load("""
          projects:
            kind: entry
            fields:
              countries: { type: countries, title: { fr: Pays, en: Countries }, slug: { fr: pays, en: countries } }
              status: { type: choice, title: État, values: { active: { fr: En cours, en: Active }, completed: Achevé } }
              since: { type: year }
              note: { type: text }
              addresses: { type: references, to: plan, inverse: { fr: Projets, en: Projects } }
            catalog: { facets: [countries, addresses, status], map: countries }

        """)
        XCTAssertEqual(messages, [])
        let section = try XCTUnwrap(config?.section(named: "projects"))
        XCTAssertEqual(section.fields.map(\.name), ["countries", "status", "since", "note", "addresses"])
        XCTAssertEqual(section.fields[0].slug(in: "fr"), "pays")
        XCTAssertEqual(section.fields[2].slug(in: "fr"), "since", "the key by default")
        XCTAssertEqual(section.fields[1].kind, .choice([.init(key: "active", titles: ["fr": "En cours", "en": "Active"]),
                                                        .init(key: "completed", titles: ["fr": "Achevé", "en": "Achevé"])]))
        XCTAssertEqual(section.fields[4].kind, .references(to: "plan", inverse: ["fr": "Projets", "en": "Projects"]))
        XCTAssertEqual(section.catalog, CatalogConfig(facets: ["countries", "addresses", "status"], map: "countries"))
    }

    func testACatalogNamesItsEntriesInEachLanguage() throws {
        let (config, messages) = load("""
          projects:
            kind: entry
            fields: { countries: { type: countries } }
            catalog: { facets: [countries], map: countries, noun: { fr: projet, en: project }, nouns: projects }

        """)
        XCTAssertEqual(messages, [])
        let catalog = try XCTUnwrap(config?.section(named: "projects")?.catalog)
        XCTAssertEqual(catalog.noun, ["fr": "projet", "en": "project"])
        XCTAssertEqual(catalog.nouns, ["fr": "projects", "en": "projects"], "one text serves every language")
    }

    func testMistakesAreErrorsWhereTheyAreWritten() {
        let (config, messages) = load("""
          projects:
            fields:
              countries: { type: country }
              kind: { type: choice }
              tags: { type: text }
              addresses: { type: references, to: plans, inverse: X, values: { a: A } }
              since: { type: year, to: plan }
            catalog: { facets: [countries, since, nope], map: since, filters: [] }

        """)
        XCTAssertNil(config)
        XCTAssertTrue(messages.contains("9:26: unknown field type 'country': use countries, choice, year, text, references (did you mean 'countries'?)"), "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("missing required key 'values' in a choice field ('kind')") }, "\(messages)")
        XCTAssertTrue(messages.contains("11:7: field 'tags' would hide the front-matter key 'tags': name it otherwise"), "\(messages)")
        XCTAssertTrue(messages.contains("12:42: unknown section 'plans' in 'to' (did you mean 'plan' or 'projects'?)") ||
                      messages.contains("12:42: unknown section 'plans' in 'to' (did you mean 'plan'?)"), "\(messages)")
        XCTAssertTrue(messages.contains { $0.hasPrefix("12:") && $0.contains("'values' is only for choice fields") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.hasPrefix("13:") && $0.contains("'to' is only for references fields") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("unknown field 'nope' in 'facets'") }, "\(messages)")
        XCTAssertFalse(messages.contains { $0.contains("unknown field 'countries'") }, "a broken field is reported once: \(messages)")
        XCTAssertTrue(messages.contains { $0.contains("'map' must name a countries field of section 'projects'") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("unknown key 'filters' in 'catalog' of section 'projects'") }, "\(messages)")
    }
}
