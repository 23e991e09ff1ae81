import PasserelleModel
import PasserelleTemplates
import Foundation

/// Every entry of a language, sorted by the language's collation and grouped by initial letter
/// (accents and case folded, `Œ` under `O`, digits and signs under `#`).
public struct AtoZIndex: Sendable {
    public struct Group: Sendable {
        public let letter: String
        public let entryIDs: [EntryID]
    }

    public let groups: [Group]

    public init(site: Site, language: LanguageCode) {
        let collation = TitleCollation(locale: site.config.locale(of: language))
        let titled = site.entries.values.map { entry in
            (entry.id, entry.variant(for: language, order: site.languageCodes).metadata.title)
        }
        var groups: [Group] = []
        var letter = "", ids: [EntryID] = []
        for (id, title) in collation.sorted(titled, title: \.1, tieBreak: \.0) {
            let next = AtoZIndex.letter(for: title)
            if next != letter, !ids.isEmpty {
                groups.append(Group(letter: letter, entryIDs: ids))
                ids = []
            }
            letter = next
            ids.append(id)
        }
        if !ids.isEmpty { groups.append(Group(letter: letter, entryIDs: ids)) }
        // "#" (digits, signs) always comes first, wherever the collation put it.
        self.groups = groups.filter { $0.letter == "#" } + groups.filter { $0.letter != "#" }
    }

    /// The letter a title files under: its first letter without accents, upper case; `#` when it starts otherwise.
    public static func letter(for title: String) -> String {
        guard let first = title.first(where: { !$0.isWhitespace && !"«»\"'“”‘’([¡¿".contains($0) }) else { return "#" }
        // TextFolding: Foundation's folding (whose Latin table it is made from) without a CFString
        // per title; it also turns œ and æ into oe and ae, so they file under O and A.
        let folded = TextFolding.fold(String(first)).uppercased()
        guard let scalar = folded.unicodeScalars.first, ("A"..."Z").contains(scalar) else { return "#" }
        return String(scalar)
    }
}
