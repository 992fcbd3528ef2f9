import ActorIdentity
import Hummingbird

extension FederationController {
    /// `GET /.well-known/webfinger?resource=…`: the JRD for the actor, 404 for anything else.
    func webFinger(_ request: Request) -> Response {
        let query = request.uri.queryParameters
        guard let document = WebFinger.document(
            resource: query.get("resource"), urls: urls, rels: query.getAll("rel"))
        else {
            return FederationResponse.notFound("No such account here. This service has one: acct:\(urls.handle)")
        }
        return FederationResponse.json(document, contentType: ActivityMediaType.jrdJSON, public: true)
    }
}
