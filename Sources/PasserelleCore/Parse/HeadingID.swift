import Foundation

/// Turns heading text into a URL fragment: lower case, accents folded, words joined by `-`.
public enum HeadingID {
    public static func make(from text: String) -> String {
        let folded = TextFolding.fold(text)
        var result = ""
        var pendingDash = false
        for scalar in folded.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingDash && !result.isEmpty { result += "-" }
                pendingDash = false
                result.unicodeScalars.append(scalar)
            } else if scalar == "-" || scalar == "_" || scalar.properties.isWhitespace || scalar == "'" || scalar == "’" {
                pendingDash = true
            }
        }
        return result
    }
}
