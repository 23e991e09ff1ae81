import PasserelleModel
import PasserelleOutput
/// Rules for names that become parts of output paths.
package enum PathSafety {
    /// A slug or path segment: no separators, no dot-dot, no control or percent characters.
    package static func isSafeSegment(_ segment: String) -> Bool {
        guard !segment.isEmpty, segment != ".", segment != ".." else { return false }
        return segment.unicodeScalars.allSatisfy { scalar in
            !(scalar.properties.generalCategory == .control) && !"/\\%?#:*\"<>| \t".unicodeScalars.contains(scalar)
        } && !segment.hasPrefix(".")
    }

    /// An alias path: safe segments separated by `/`, optionally with leading and trailing slashes.
    package static func isSafePath(_ path: String) -> Bool {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        return !segments.isEmpty && segments.allSatisfy { isSafeSegment(String($0)) }
    }
}
