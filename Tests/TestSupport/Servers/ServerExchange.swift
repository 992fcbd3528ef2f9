/// A request as a loopback test server saw it, in plain types.
public struct ServerRequest: Sendable {
    /// The method, e.g. `GET`.
    public var method: String
    /// Path and query, e.g. `/actor?x=1`.
    public var path: String
    /// Headers in order.
    public var headers: [(String, String)]
    /// The body bytes.
    public var body: [UInt8]

    /// The first value of header `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }
}

/// What a loopback test server answers.
public struct ServerResponse: Sendable {
    /// The status code.
    public var status: Int
    /// Headers in order.
    public var headers: [(String, String)]
    /// The body bytes.
    public var body: [UInt8]

    /// A response; see the properties.
    public init(status: Int = 200, headers: [(String, String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A text body with `status`.
    public static func text(_ text: String, status: Int = 200) -> ServerResponse {
        ServerResponse(status: status, headers: [("Content-Type", "text/plain")], body: Array(text.utf8))
    }

    /// An `application/activity+json` body.
    public static func activityJSON(_ json: String, status: Int = 200) -> ServerResponse {
        ServerResponse(status: status, headers: [("Content-Type", "application/activity+json")], body: Array(json.utf8))
    }

    /// A redirect to `location` (302 unless told).
    public static func redirect(to location: String, status: Int = 302) -> ServerResponse {
        ServerResponse(status: status, headers: [("Location", location)])
    }
}

/// Records what a test server received, so tests can count requests.
public actor RequestLog {
    /// Every request so far, oldest first.
    public private(set) var requests: [ServerRequest] = []

    /// An empty log.
    public init() {}

    /// Appends `request`.
    public func record(_ request: ServerRequest) {
        requests.append(request)
    }

    /// How many requests had `path`.
    public func count(path: String) -> Int {
        requests.filter { $0.path == path }.count
    }
}
