import Foundation

/// Reads `inbox` and `endpoints.sharedInbox` from an actor document.
enum ActorEndpointsParser {
    /// The endpoints in `body`, which must be a JSON object whose `id` is `actor`.
    static func parse(_ body: [UInt8], actor: String) throws(ActorDirectoryError) -> ActorEndpoints {
        func invalid(_ why: String) -> ActorDirectoryError { ActorDirectoryError(actor: actor, reason: .invalidDocument(why)) }
        guard let object = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] else {
            throw invalid("not a JSON object")
        }
        // The id must be the IRI asked for, or a redirect could hand us someone else's inbox.
        guard let id = object["id"] as? String, id == actor else { throw invalid("its id is not \(actor)") }
        guard let inbox = object["inbox"] as? String, isHTTPURL(inbox) else { throw invalid("no http(s) inbox") }
        let shared = (object["endpoints"] as? [String: Any])?["sharedInbox"] as? String
        return ActorEndpoints(inbox: inbox, sharedInbox: shared.flatMap { isHTTPURL($0) ? $0 : nil })
    }

    private static func isHTTPURL(_ text: String) -> Bool {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              let host = components.host, !host.isEmpty else { return false }
        return scheme == "http" || scheme == "https"
    }
}
