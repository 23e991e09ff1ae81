import Foundation
import Mustache
@testable import PasserelleTemplates

/// swift-mustache, the reference Passerelle's template engine is held to: the same templates
/// rendered from the same contexts, made into the values swift-mustache reads.
struct SwiftMustacheOracle: TemplateEngine {
    let library: MustacheLibrary

    /// The templates `texts` (by name), as swift-mustache parses them.
    init(_ texts: [String: String]) throws {
        var library = MustacheLibrary()
        for (name, text) in texts { try library.register(text, named: name) }
        self.library = library
    }

    func render(_ template: String, _ context: TemplateRecord) -> [UInt8] {
        Array((library.render(SwiftMustacheOracle.value(.record(context)), withTemplate: template) ?? "<no template>").utf8)
    }

    /// A record as swift-mustache reads one: a `MustacheParent`.
    struct Parent: MustacheParent, @unchecked Sendable {
        let record: TemplateRecord
        func child(named name: String) -> Any? { record[name].map { SwiftMustacheOracle.value($0) } }
    }

    static func value(_ value: TemplateValue) -> Any {
        switch value {
        case let .text(text): return text
        case let .utf8Text(text): return text.string
        case let .number(number): return number
        case let .bool(bool): return bool
        case let .record(record): return Parent(record: record)
        case let .records(records): return records.map(Parent.init)
        case let .table(table): return table.texts
        }
    }
}
