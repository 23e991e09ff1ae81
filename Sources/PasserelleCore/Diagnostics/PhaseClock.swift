import Foundation

/// Prints how long each build phase took to standard error, when `PASSERELLE_TIMINGS` is set.
struct PhaseClock {
    let enabled: Bool
    private var last = Date()

    init(enabled: Bool) { self.enabled = enabled }

    mutating func lap(_ phase: String) {
        guard enabled else { return }
        let now = Date()
        FileHandle.standardError.write(Data("timing: \(phase) \(Int(now.timeIntervalSince(last) * 1000)) ms\n".utf8))
        last = now
    }
}
