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
        // Titles start with a few dozen characters: each one's letter is found once.
        var letters: [Character: String] = [:]
        for (id, title) in collation.sorted(titled, title: { $0.1 }, tieBreak: { $0.0 }) {
            let next = AtoZIndex.firstCharacter(of: title).map { first in
                if let known = letters[first] { return known }
                let found = AtoZIndex.letter(of: first)
                letters[first] = found
                return found
            } ?? "#"
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

    /// The letter a title files under, in its own script: a Latin letter without accents, upper
    /// case; an Arabic letter (the alef of أ إ آ ٱ); a Cyrillic or Greek capital; for Chinese
    /// characters, the initial of their pinyin; `#` when it starts otherwise (digits, signs).
    public static func letter(for title: String) -> String {
        firstCharacter(of: title).map(letter(of:)) ?? "#"
    }

    /// The character a title files by: its first but spaces, quotes, opening brackets and
    /// Spanish opening marks.
    static func firstCharacter(of title: String) -> Character? {
        // A title that starts with an ASCII letter or digit followed by an ASCII byte starts with
        // that character (a combining mark after it would not be ASCII): no grapheme walk.
        var utf8 = title.utf8.makeIterator()
        if let first = utf8.next(), (0x30...0x39).contains(first) || (0x41...0x5A).contains(first) || (0x61...0x7A).contains(first),
           utf8.next().map({ $0 < 0x80 }) ?? true {
            return Character(Unicode.Scalar(first))
        }
        return title.first(where: { !$0.isWhitespace && !"«»\"'“”‘’([¡¿".contains($0) })
    }

    /// The letter of titles whose `firstCharacter` is `first`.
    static func letter(of first: Character) -> String {
        // TextFolding: Foundation's folding (whose Latin table it is made from) without a CFString
        // per title; it also turns œ and æ into oe and ae, so they file under O and A.
        let folded = TextFolding.fold(String(first)).uppercased()
        if let scalar = folded.unicodeScalars.first, ("A"..."Z").contains(scalar) { return String(scalar) }
        guard let scalar = first.unicodeScalars.first, scalar.properties.isAlphabetic else { return "#" }
        switch scalar.value {
        case 0...0x024F, 0x1E00...0x1EFF: return "#" // Latin letters that fold to no A–Z letter (Ø, Þ, ß…)
        case 0x0622, 0x0623, 0x0625, 0x0671: return "\u{0627}"
        case 0x0600...0x06FF, 0x0750...0x077F: return String(first)
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F:
            let pinyin = String(first).applyingTransform(StringTransform("Han-Latin"), reverse: false) ?? ""
            let initial = TextFolding.fold(pinyin).uppercased().unicodeScalars.first { ("A"..."Z").contains($0) }
            return initial.map(String.init) ?? "#"
        default: return String(first).uppercased()
        }
    }
}
