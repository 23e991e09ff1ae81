import Foundation

/// Prints how long each build phase took (wall and CPU time: their ratio is how many cores it
/// kept busy), and the peak memory so far, to standard error when
/// `PASSERELLE_TIMINGS` is set.
struct PhaseClock {
    let enabled: Bool
    private var last = Date()
    private var lastCPU = 0.0

    init(enabled: Bool) {
        self.enabled = enabled
        if enabled { lastCPU = PhaseClock.cpuSeconds() }
    }

    /// User and system CPU time of the process so far, all threads together.
    private static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    mutating func lap(_ phase: String) {
        guard enabled else { return }
        let now = Date()
        var usage = rusage()
        getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
        let cpu = PhaseClock.cpuSeconds()
        FileHandle.standardError.write(Data(("timing: \(phase) \(Int(now.timeIntervalSince(last) * 1000)) ms"
            + " (cpu \(Int((cpu - lastCPU) * 1000)) ms, peak \(usage.ru_maxrss / 1024) MB)\n").utf8))
        lastCPU = cpu
        last = now
    }
}
