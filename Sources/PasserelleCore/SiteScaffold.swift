import Foundation
import PasserelleModel

/// What `passerelle init DIR --languages fr,en,ar` writes: a new site that builds at once, as
/// `hugo new site` and `zola init` make one: `content/site.yaml` with the languages (each named
/// in its own words, from CLDR), one section, a home text per language, and the theme.
public struct SiteScaffold {
    public let languages: [String]
    public let title: String

    public init(languages: [String], title: String) {
        self.languages = languages
        self.title = title
    }

    /// Why the languages cannot make a site, if they cannot: none, a code that is not letters
    /// (`pt-BR` is fine), or one named twice.
    public var problem: String? {
        if languages.isEmpty { return "name at least one language: --languages fr,en" }
        for code in languages where code.isEmpty || !code.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "-") }) {
            return "language code '\(code)' must be letters, like 'fr'"
        }
        if Set(languages).count != languages.count { return "a language is named twice in --languages" }
        return nil
    }

    /// The files of the content folder, by path relative to the site's folder.
    public var files: [(path: String, text: String)] {
        let quoted = { (text: String) in "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
        let perLanguage = { (value: (String) -> String) in "{ " + languages.map { "\($0): \(quoted(value($0)))" }.joined(separator: ", ") + " }" }
        var yaml = "# The site: its title, address, languages (the first is the default) and sections.\n"
        yaml += "# See the content guide in Passerelle's README.\n"
        yaml += "title: \(perLanguage { _ in title })\n"
        yaml += "baseURL: \"https://example.org/\"   # where the site is published\n"
        yaml += "languages:\n"
        for code in languages {
            yaml += "  - { code: \(code), name: \(quoted(Language.autonym(code, locale: code))), locale: \(code) }\n"
        }
        yaml += "theme: default\n"
        yaml += "sections:\n"
        yaml += "  articles: { kind: entry, slug: \(perLanguage { _ in "articles" }), title: \(perLanguage { SiteScaffold.articles($0) }) }\n"
        var files = [(path: "content/site.yaml", text: yaml)]
        for code in languages {
            files.append((path: "content/_index.\(code).md", text: "---\ntitle: \(quoted(title))\n---\n\n\(SiteScaffold.welcome(code))\n"))
        }
        files.append((path: "content/articles/.gitkeep", text: ""))
        return files
    }

    /// Writes the files into `folder` and copies `theme` to `folder/themes/default`; refuses a
    /// folder that already holds a `content/` or `themes/default/`, and writes nothing then.
    public func write(into folder: URL, theme: URL) throws {
        let manager = FileManager.default
        for existing in ["content", "themes/default"] where manager.fileExists(atPath: folder.appendingPathComponent(existing).path) {
            throw Refusal(message: "\(folder.appendingPathComponent(existing).path) already exists; nothing was written")
        }
        for file in files {
            let url = folder.appendingPathComponent(file.path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.text.utf8).write(to: url, options: .withoutOverwriting)
        }
        try manager.createDirectory(at: folder.appendingPathComponent("themes"), withIntermediateDirectories: true)
        try manager.copyItem(at: theme, to: folder.appendingPathComponent("themes/default"))
    }

    public struct Refusal: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    /// "Articles" in the languages the default theme speaks; the English word elsewhere.
    static func articles(_ code: String) -> String {
        ["fr": "Articles", "en": "Articles", "es": "Artículos", "ar": "مقالات", "zh": "文章", "ru": "Статьи"][code] ?? "Articles"
    }

    static func welcome(_ code: String) -> String {
        ["fr": "Bienvenue. Écrivez ici le texte de la page d’accueil.",
         "en": "Welcome. Write the home page's text here.",
         "es": "Bienvenidos. Escriba aquí el texto de la página de inicio.",
         "ar": "مرحبًا. اكتب هنا نص الصفحة الرئيسية.",
         "zh": "欢迎。请在此撰写首页的文字。",
         "ru": "Добро пожаловать. Напишите здесь текст главной страницы."][code] ?? "Welcome. Write the home page's text here."
    }
}
