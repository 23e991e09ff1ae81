import Foundation

/// The width and height of an image, in CSS pixels.
public struct ImageDimensions: Hashable, Sendable {
    public let width: Int
    public let height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}
