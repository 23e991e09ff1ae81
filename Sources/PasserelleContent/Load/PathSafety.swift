import PasserelleModel
import PasserelleOutput
/// Rules for names that become parts of output paths.
package enum PathSafety {
    /// A slug or path segment: no separators, no dot-dot, no control or percent characters.
    package static func isSafeSegment(_ segment: String) -> Bool {
        guard !segment.isEmpty, segment != ".", segment != ".." else { return false }
        return segment.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            // ASCII's controls, and `/ \ % ? # : * " < > |`, space and tab.
            case 0..<0x20, 0x7F, 0x2F, 0x5C, 0x25, 0x3F, 0x23, 0x3A, 0x2A, 0x22, 0x3C, 0x3E, 0x7C, 0x20: return false
            case 0x21..<0x7F: return true
            default: return scalar.properties.generalCategory != .control
            }
        } && !segment.hasPrefix(".")
    }

    /// An alias path: safe segments separated by `/`, optionally with leading and trailing slashes.
    package static func isSafePath(_ path: String) -> Bool {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        return !segments.isEmpty && segments.allSatisfy { isSafeSegment(String($0)) }
    }
}
