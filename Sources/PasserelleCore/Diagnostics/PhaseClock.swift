import Foundation

/// Prints how long each build phase took, and the peak memory so far, to standard error when
/// `PASSERELLE_TIMINGS` is set.
struct PhaseClock {
    let enabled: Bool
    private var last = Date()

    init(enabled: Bool) { self.enabled = enabled }

    mutating func lap(_ phase: String) {
        guard enabled else { return }
        let now = Date()
        var usage = rusage()
        getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
        FileHandle.standardError.write(Data("timing: \(phase) \(Int(now.timeIntervalSince(last) * 1000)) ms (peak \(usage.ru_maxrss / 1024) MB)\n".utf8))
        last = now
    }
}
