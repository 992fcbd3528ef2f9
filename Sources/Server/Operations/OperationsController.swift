import ActorIdentity
import Hummingbird
import Prometheus
import Storage

/// `GET /healthz` (the database answers) and `GET /metrics` (Prometheus text for loopback
/// clients, or with `Authorization: Bearer CART_METRICS_TOKEN`).
struct OperationsController: Sendable {
    let database: Database
    let metricsToken: String?
    let registry: PrometheusCollectorRegistry

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("healthz", use: health)
        router.get("metrics", use: metrics)
    }

    @Sendable func health(_ request: Request, context: AppRequestContext) async throws -> Response {
        do {
            try await database.ping()
            return Self.text("ok\n", status: .ok)
        } catch {
            context.logger.error("health check: database unreachable", metadata: ["error": "\(error)"])
            return Self.text("database unreachable\n", status: .serviceUnavailable)
        }
    }

    @Sendable func metrics(_ request: Request, context: AppRequestContext) async throws -> Response {
        if !context.client.isLoopback {
            guard let token = metricsToken else { return Self.text("not found\n", status: .notFound) }
            let given = request.headers[.authorization].flatMap { $0.hasPrefix("Bearer ") ? String($0.dropFirst(7)) : nil }
            guard let given, ConstantTime.equals(Array(given.utf8), Array(token.utf8)) else {
                return Self.text("forbidden: send Authorization: Bearer CART_METRICS_TOKEN\n", status: .forbidden)
            }
        }
        let bytes = registry.emitToBuffer()
        return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    private static func text(_ text: String, status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
