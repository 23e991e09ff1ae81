/// A bundle of the whole site that its pages link to (`build --offline-bundles`): "Télécharger
/// le site (zip, 2,1 Mo)".
public struct OfflineDownload: Sendable, Equatable {
    /// `zip` or `zim`.
    public let format: String
    /// Its path in the output (`offline/isv2003.zip`).
    public let path: String
    /// Its size in bytes.
    public let size: Int

    public init(format: String, path: String, size: Int) {
        self.format = format
        self.path = path
        self.size = size
    }

    /// Its MIME type, for the link's `type`.
    public var mimeType: String { format == "zip" ? "application/zip" : "application/x-zim" }
}
