import AsyncHTTPClient
import NIOCore

/// Maps AsyncHTTPClient and NIO errors to `TransportError.Reason`.
enum ErrorMapping {
    /// The reason for `error` thrown while exchanging one request with a cap of `limit` bytes.
    static func reason(for error: any Error, limit: Int) -> TransportError.Reason {
        if error is NIOTooManyBytesError { return .responseTooLarge(limit: limit) }
        if let client = error as? HTTPClientError {
            switch client {
            case .connectTimeout, .getConnectionFromPoolTimeout, .tlsHandshakeTimeout: return .connectTimeout
            case .deadlineExceeded, .readTimeout, .writeTimeout: return .timedOut
            default: return .network(client.description)
            }
        }
        if let channel = error as? ChannelError, case .connectTimeout = channel { return .connectTimeout }
        if error is CancellationError { return .network("cancelled") }
        return .network(String(describing: error))
    }
}
