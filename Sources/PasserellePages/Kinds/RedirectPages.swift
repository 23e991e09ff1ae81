import PasserelleModel
import PasserelleTemplates

/// A redirect page at every alias of every text (`aliases:` in front matter).
package struct RedirectPages: PageKind {
    package var name: String { "redirects" }

    package func jobs(in site: Site) -> [PageJob] { [.atRoot] }

    package func render(_ job: PageJob, _ renderer: PageRenderer, pages: [PageRenderer.Page]) -> [PageRenderer.Page] {
        renderer.aliasRedirects().map { alias in
            var page = PageRenderer.Page(path: alias.path, content: renderer.redirect(from: alias.path, to: alias.target, title: alias.title))
            page.isRedirect = true
            return page
        }
    }
}

extension PageRenderer {
    /// Every alias of every text: the file it becomes, the page it leads to, where it was written.
    /// Made once (a walk over every text): the redirect pages and the build's collision check read it.
    package func aliasRedirects() -> [AliasRedirect] { aliasMemo.value(for: "") { makeAliasRedirects() } }

    private func makeAliasRedirects() -> [AliasRedirect] {
        var result: [AliasRedirect] = []
        for id in site.entryIDs {
            let entry = site[id]
            for language in languages {
                guard let variant = entry.variants[language] else { continue }
                for alias in variant.metadata.aliases {
                    result.append((PageRenderer.aliasPath(alias.text), entry.pages[language].outputPath, variant.metadata.title, alias.location))
                }
            }
        }
        return result
    }

    /// `/old/page.htm` stays a file; `/old/page/` becomes `old/page/index.html`.
    static func aliasPath(_ alias: String) -> String {
        let trimmed = alias.split(separator: "/").joined(separator: "/")
        let last = trimmed.split(separator: "/").last.map(String.init) ?? ""
        if last.hasSuffix(".html") || last.hasSuffix(".htm") { return trimmed }
        return trimmed + "/index.html"
    }

    func redirect(from path: String, to target: String, title: String) -> String {
        let relative = XMLText.escape(SitePaths.relative(from: path, to: target))
        let canonical = XMLText.escape(SitePaths.absolute(target, baseURL: site.config.baseURL))
        return """
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>\(XMLText.escape(title))</title>
        <link rel="canonical" href="\(canonical)"><meta name="robots" content="noindex">
        <meta http-equiv="refresh" content="0; url=\(relative)"></head>
        <body><p><a href="\(relative)">\(XMLText.escape(title))</a></p></body></html>

        """
    }
}
