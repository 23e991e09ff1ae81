/// `sitemap.xml`: every listed page with its absolute URL and its translations as `xhtml:link` alternates.
public struct Sitemap: Sendable {
    public let xml: String

    public init(pages: [PageRenderer.Page], config: SiteConfig) {
        var lines = [#"<?xml version="1.0" encoding="utf-8"?>"#,
                     #"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">"#]
        for page in pages.filter({ $0.listed }).sorted(by: { $0.path < $1.path }) {
            lines.append("<url><loc>\(XMLText.escape(SitePaths.absolute(page.path, baseURL: config.baseURL)))</loc>")
            for (hreflang, path) in page.alternates {
                lines.append(#"<xhtml:link rel="alternate" hreflang="\#(hreflang)" href="\#(XMLText.escape(SitePaths.absolute(path, baseURL: config.baseURL)))"/>"#)
            }
            lines.append("</url>")
        }
        lines.append("</urlset>")
        xml = lines.joined(separator: "\n") + "\n"
    }

    /// `robots.txt` pointing at the sitemap.
    public static func robots(baseURL: String) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(baseURL)sitemap.xml\n"
    }
}
