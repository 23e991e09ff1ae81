import Foundation

/// Prints how long each build phase took (wall and CPU time: their ratio is how many cores it
/// kept busy), and the peak memory so far, to standard error when
/// `PASSERELLE_TIMINGS` is set.
package struct PhaseClock {
    let enabled: Bool
    private var last = Date()
    private var lastCPU = 0.0

    package init(enabled: Bool) {
        self.enabled = enabled
        if enabled { lastCPU = PhaseClock.usage().cpu }
    }

    /// User and system CPU time of the process so far (all threads together), and its peak memory in MB.
    private static func usage() -> (cpu: Double, peakMB: Int) {
        var usage = rusage()
        getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        return (cpu, usage.ru_maxrss / 1024)
    }

    /// Prints a remark between the phases (why a build is a full one).
    package func note(_ text: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data("timing: \(text)\n".utf8))
    }

    package mutating func lap(_ phase: String) {
        guard enabled else { return }
        let now = Date()
        let (cpu, peak) = PhaseClock.usage()
        FileHandle.standardError.write(Data(("timing: \(phase) \(Int(now.timeIntervalSince(last) * 1000)) ms"
            + " (cpu \(Int((cpu - lastCPU) * 1000)) ms, peak \(peak) MB)\n").utf8))
        lastCPU = cpu
        last = now
    }
}
