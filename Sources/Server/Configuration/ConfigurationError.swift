/// Why the service refuses to start: one line per missing or unsafe setting.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    /// One self-contained line per problem, naming the setting and what to do.
    public let problems: [String]

    /// An error listing `problems`.
    public init(problems: [String]) { self.problems = problems }

    public var description: String { problems.joined(separator: "\n") }
}
