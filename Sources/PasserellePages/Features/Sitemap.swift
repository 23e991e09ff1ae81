import PasserelleModel
import PasserelleTemplates
/// `sitemap.xml`: every listed page with its absolute URL and its translations as `xhtml:link` alternates.
public struct Sitemap: Sendable {
    public let xml: String

    public init(pages: [PageRenderer.Page], config: SiteConfig) {
        // Written as bytes, one append per piece: tens of thousands of pages, on one core at the
        // end of a build. Pages in the order of their paths' bytes: the same order every build,
        // without Unicode rules (their indices sorted, not the pages themselves).
        var order = pages.indices.filter { pages[$0].listed }
        order.sort { String.utf8Precedes(pages[$0].path, pages[$1].path) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(order.count * 512)
        func append(_ text: String) { bytes.append(contentsOf: text.utf8) }
        func appendURL(of path: String) { append(XMLText.escape(SitePaths.absolute(path, baseURL: config.baseURL))) }
        append(#"<?xml version="1.0" encoding="utf-8"?>"# + "\n"
            + #"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">"# + "\n")
        for index in order {
            append("<url><loc>")
            appendURL(of: pages[index].path)
            append("</loc>")
            if let day = pages[index].lastModified { append("<lastmod>" + day.iso + "</lastmod>") }
            append("\n")
            for (hreflang, path) in pages[index].alternates {
                append(#"<xhtml:link rel="alternate" hreflang=""#)
                append(hreflang)
                append(#"" href=""#)
                appendURL(of: path)
                append(#""/>"# + "\n")
            }
            append("</url>\n")
        }
        append("</urlset>\n")
        xml = String(decoding: bytes, as: UTF8.self)
    }

    /// `robots.txt` pointing at the sitemap.
    public static func robots(baseURL: String) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(baseURL)sitemap.xml\n"
    }
}
