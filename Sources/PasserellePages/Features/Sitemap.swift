import PasserelleModel
import PasserelleTemplates
/// `sitemap.xml`: every listed page with its absolute URL and its translations as `xhtml:link` alternates.
public struct Sitemap: Sendable {
    public let xml: String

    public init(pages: [PageRenderer.Page], config: SiteConfig) {
        // Written as bytes, one append per piece: tens of thousands of pages, at the end of a
        // build, while little else runs: each half of them sorted and written on its own core.
        // Pages in the order of their paths' bytes: the same order every build, without Unicode
        // rules (their indices sorted, not the pages themselves).
        let listed = pages.indices.filter { pages[$0].listed }
        let precedes: @Sendable (Int, Int) -> Bool = { a, b in String.utf8Precedes(pages[a].path, pages[b].path) }
        let halves = [Array(listed[..<(listed.count / 2)]), Array(listed[(listed.count / 2)...])].concurrentMap { $0.sorted(by: precedes) }
        // The two sorted halves merged; then each half of the order written on its own core.
        var order: [Int] = []
        order.reserveCapacity(listed.count)
        var first = 0, second = 0
        while first < halves[0].count || second < halves[1].count {
            if second == halves[1].count || (first < halves[0].count && !precedes(halves[1][second], halves[0][first])) {
                order.append(halves[0][first]); first += 1
            } else {
                order.append(halves[1][second]); second += 1
            }
        }
        let parts = [Array(order[..<(order.count / 2)]), Array(order[(order.count / 2)...])].concurrentMap { part in
            Sitemap.entries(part.map { pages[$0] }, config: config)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(parts[0].count + parts[1].count + 256)
        bytes.append(contentsOf: (#"<?xml version="1.0" encoding="utf-8"?>"# + "\n"
            + #"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">"# + "\n").utf8)
        bytes.append(contentsOf: parts[0])
        bytes.append(contentsOf: parts[1])
        bytes.append(contentsOf: "</urlset>\n".utf8)
        xml = String(decoding: bytes, as: UTF8.self)
    }

    /// The `<url>` elements of `pages`, in their order.
    private static func entries(_ pages: [PageRenderer.Page], config: SiteConfig) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(pages.count * 512)
        func append(_ text: String) { bytes.append(contentsOf: text.utf8) }
        func appendURL(of path: String) { append(XMLText.escape(SitePaths.absolute(path, baseURL: config.baseURL))) }
        for page in pages {
            append("<url><loc>")
            appendURL(of: page.path)
            append("</loc>")
            if let day = page.lastModified { append("<lastmod>" + day.iso + "</lastmod>") }
            append("\n")
            for (hreflang, path) in page.alternates {
                append(#"<xhtml:link rel="alternate" hreflang=""#)
                append(hreflang)
                append(#"" href=""#)
                appendURL(of: path)
                append(#""/>"# + "\n")
            }
            append("</url>\n")
        }
        return bytes
    }

    /// `robots.txt` pointing at the sitemap.
    public static func robots(baseURL: String) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(baseURL)sitemap.xml\n"
    }
}
