import ActorIdentity
import Foundation
import Hummingbird
import Outbox

/// The activity+json face of `GET /orders/{id}` (contract §3): the `rose:Order` as last
/// published, for authorised readers; 404 for anyone else. It runs as middleware so that the
/// browser route on the same path (the order page) keeps its own handler: only requests whose
/// `Accept` names `application/activity+json` or `application/ld+json` stop here.
struct OrderObjectMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let urls: ActorURLs
    let readers: AuthorisedReaders
    let outbox: any OutboxReading

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get || request.method == .head,
              let rawID = Self.orderID(inPath: request.uri.path),
              Self.asksForActivityJSON(request.headers[values: .accept])
        else { return try await next(request, context) }
        guard let id = UUID(uuidString: rawID),
              await readers.access(for: request, logger: context.logger).isAuthorised,
              let order = try await outbox.orderSnapshot(orderID: id)
        else { return CollectionResponse.notFound }
        return CollectionResponse.document(ActivityContext.withContext(OrderObject.json(order, urls: urls)))
    }

    /// The `{id}` of `/orders/{id}` (nothing after it), else nil.
    static func orderID(inPath path: String) -> String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].isEmpty, parts[1] == "orders", !parts[2].isEmpty else { return nil }
        return String(parts[2])
    }

    /// True when an `Accept` range is activity+json or ld+json with a non-zero quality. Plain
    /// `application/json`, `*/*` and no header are left to the HTML page (browsers and people).
    static func asksForActivityJSON(_ values: [String]) -> Bool {
        for value in values {
            for range in value.split(separator: ",") {
                let parts = range.split(separator: ";")
                guard let head = parts.first else { continue }
                let essence = ActivityMediaType.essence(of: String(head))
                guard essence == ActivityMediaType.activityJSON || essence == ActivityMediaType.ldJSON else { continue }
                let zero = parts.dropFirst().contains { parameter in
                    let pair = parameter.split(separator: "=", maxSplits: 1)
                    return pair.count == 2 && ActivityMediaType.essence(of: String(pair[0])) == "q"
                        && (Double(ActivityMediaType.essence(of: String(pair[1]))) ?? 1) == 0
                }
                if !zero { return true }
            }
        }
        return false
    }
}
