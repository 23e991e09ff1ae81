/// `sitemap.xml`: every listed page with its absolute URL and its translations as `xhtml:link` alternates.
public struct Sitemap: Sendable {
    public let xml: String

    public init(pages: [PageRenderer.Page], config: SiteConfig) {
        var xml = #"<?xml version="1.0" encoding="utf-8"?>"# + "\n"
            + #"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">"# + "\n"
        // Pages in the order of their paths' bytes: the same order every build, without Unicode rules.
        for page in pages.filter({ $0.listed }).sorted(by: { String.utf8Precedes($0.path, $1.path) }) {
            xml += "<url><loc>" + XMLText.escape(SitePaths.absolute(page.path, baseURL: config.baseURL)) + "</loc>\n"
            for (hreflang, path) in page.alternates {
                xml += #"<xhtml:link rel="alternate" hreflang=""# + hreflang + #"" href=""#
                    + XMLText.escape(SitePaths.absolute(path, baseURL: config.baseURL)) + #""/>"# + "\n"
            }
            xml += "</url>\n"
        }
        xml += "</urlset>\n"
        self.xml = xml
    }

    /// `robots.txt` pointing at the sitemap.
    public static func robots(baseURL: String) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(baseURL)sitemap.xml\n"
    }
}
