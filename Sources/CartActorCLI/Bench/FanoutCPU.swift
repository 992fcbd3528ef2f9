import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// CPU seconds (user + system) this process has used so far, all threads: read before and after
/// a phase, the difference is what the phase cost whatever else the machine was doing. And the
/// machine's load, printed beside the figures (the machine may be shared).
enum FanoutCPU {
    /// The 1-minute load average (`/proc/loadavg`), nil where there is none.
    static func loadAverage() -> String? {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return nil }
        return text.split(separator: " ").first.map(String.init)
    }

    /// User and system CPU seconds of this process (not of children such as `openssl speed`).
    static func seconds() -> Double {
        var usage = rusage()
        #if os(Linux)
        // Glibc imports RUSAGE_SELF as an enum case; getrusage takes its raw Int32.
        guard getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage) == 0 else { return 0 }
        #else
        guard getrusage(RUSAGE_SELF, &usage) == 0 else { return 0 }
        #endif
        func value(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return value(usage.ru_utime) + value(usage.ru_stime)
    }
}
