import Foundation

/// Runs `openssl speed -seconds N rsa2048` in this process's machine and reads its sign/s and
/// verify/s: the limit our own figures are compared against, measured in the same run.
enum OpenSSLSpeed {
    /// RSA-2048 operations per second as the openssl command measures them (single process).
    static func rsa2048(seconds: Int) throws -> (signsPerSecond: Double, verifiesPerSecond: Double) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl", "speed", "-seconds", String(seconds), "rsa2048"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        // `openssl speed` times itself with SIGALRM; a child inherits the spawning thread's signal
        // mask, and this process's threads block nearly every signal, so without this the child
        // never stops. The mask is cleared only around the spawn (no await in between).
        var cleared = sigset_t()
        var previous = sigset_t()
        sigemptyset(&cleared)
        pthread_sigmask(SIG_SETMASK, &cleared, &previous)
        do {
            try process.run()
            pthread_sigmask(SIG_SETMASK, &previous, nil)
        } catch {
            pthread_sigmask(SIG_SETMASK, &previous, nil)
            throw error
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        // "rsa 2048 bits 0.000403s 0.000022s   2481.2  45417.6"
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("rsa 2048 bits") }) else {
            throw BenchError.setup("`openssl speed rsa2048` printed no result line")
        }
        let numbers = line.split(separator: " ").compactMap { Double($0) }
        guard numbers.count >= 3, let verify = numbers.last else {
            throw BenchError.setup("cannot read `openssl speed` output: \(line)")
        }
        return (numbers[numbers.count - 2], verify)
    }
}
