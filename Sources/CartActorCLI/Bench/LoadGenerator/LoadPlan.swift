import NIOCore
import NIOHTTP1

/// What one load run sends on each connection, and at what pace.
struct LoadPlan<Source: LoadSource>: Sendable {
    /// How requests follow each other on a connection.
    enum Pace: Sendable {
        /// The next request leaves as soon as the previous answer is in, until `seconds` have
        /// passed (nil: until the source runs dry).
        case closedLoop(seconds: Double?)
        /// `perSecond` requests in all, spread evenly over the connections and in time, for
        /// `seconds`. A request whose connection is still busy leaves late, and its latency
        /// still counts from its scheduled time (no coordinated omission).
        case fixedRate(perSecond: Int, seconds: Double)
    }

    var host: String
    var port: Int
    var connections: Int
    var pace: Pace
    var source: Source
}

/// The requests of a load run, produced on the generator's thread as they are needed.
protocol LoadSource: Sendable {
    /// The `index`-th request of `connection`, or nil when that connection has nothing more to send.
    mutating func request(connection: Int, index: Int) -> LoadRequest?
}

/// One request, ready to write.
struct LoadRequest: Sendable {
    var head: HTTPRequestHead
    var body: ByteBuffer?
}

/// What a load run saw.
struct LoadOutcome: Sendable {
    /// Answers by status code.
    var statuses: [Int: Int] = [:]
    /// Milliseconds from each request's scheduled time to the end of its answer.
    var latencies: [Double] = []
    /// Milliseconds from the start of the run to each request's scheduled time (same order as
    /// `latencies`): shows whether slow answers come in bursts.
    var scheduledAt: [Double] = []
    /// Milliseconds each request left after its scheduled time (the generator's own lateness,
    /// included in `latencies`); empty for closed-loop runs, where a request is due when sent.
    var lateness: [Double] = []
    /// Seconds from the first request to the last answer.
    var seconds = 0.0

    /// Answers with `status`.
    func count(_ status: Int) -> Int { statuses[status] ?? 0 }
    /// Answers with any other status.
    func count(otherThan status: Int) -> Int { statuses.filter { $0.key != status }.values.reduce(0, +) }
}
