import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// CPU time used by this process so far (all threads, user and system), so a benchmark can say
/// what one request costs, and how much of the machine's cores the run used.
enum ProcessCPU {
    /// Seconds of CPU since the process started.
    static func seconds() -> Double {
        var now = timespec()
        guard clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now) == 0 else { return 0 }
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    /// The machine's 1-minute load average (`/proc/loadavg`), "?" where there is none: the
    /// machine may be shared, and the figures mean little without it.
    static func loadAverage() -> String {
        let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)
        return text?.split(separator: " ").first.map(String.init) ?? "?"
    }
}
