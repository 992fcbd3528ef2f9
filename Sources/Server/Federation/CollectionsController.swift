import ActorIdentity
import Foundation
import Hummingbird
import Outbox

/// `GET /outbox`, `GET /followers` (paged `OrderedCollection`s) and `GET /activities/{id}`
/// (contract §3): items and objects for authorised readers only; others see `totalItems` alone
/// and 404 for objects.
struct CollectionsController: Sendable {
    let urls: ActorURLs
    let readers: AuthorisedReaders
    let outbox: any OutboxReading
    let followers: any FollowerRegistry
    /// Items per page.
    let pageSize: Int

    /// A controller serving pages of `pageSize` items.
    init(urls: ActorURLs, readers: AuthorisedReaders, outbox: any OutboxReading, followers: any FollowerRegistry, pageSize: Int = 20) {
        self.urls = urls
        self.readers = readers
        self.outbox = outbox
        self.followers = followers
        self.pageSize = max(1, pageSize)
    }

    /// Registers the three routes (outside the browser group: no session).
    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("outbox") { request, context in try await self.outboxCollection(request, context: context) }
        router.get("followers") { request, context in try await self.followersCollection(request, context: context) }
        router.get("activities/:id") { request, context in
            try await self.activity(request, context: context, id: context.parameters.get("id"))
        }
    }

    /// `GET /outbox[?page=true[&after=CURSOR]]`.
    func outboxCollection(_ request: Request, context: AppRequestContext) async throws -> Response {
        let total = try await outbox.activityCount()
        let query = request.uri.queryParameters
        let wantsPage = query.get("page") != nil || query.get("after") != nil
        guard await readers.access(for: request, logger: context.logger).isAuthorised else {
            return CollectionResponse.document(CollectionDocuments.collection(id: urls.outbox, totalItems: total, first: nil))
        }
        guard wantsPage else {
            return CollectionResponse.document(CollectionDocuments.collection(
                id: urls.outbox, totalItems: total, first: urls.outbox + "?page=true"))
        }
        let cursor = query.get("after").flatMap { ActivityCursor($0) }
        let activities = try await outbox.activities(after: cursor, limit: pageSize)
        let next = activities.count == pageSize ? activities.last.map { urls.outbox + "?page=true&after=\($0.cursor)" } : nil
        let id = urls.outbox + "?page=true" + (cursor.map { "&after=\($0)" } ?? "")
        return CollectionResponse.bytes(CollectionDocuments.page(
            id: id, partOf: urls.outbox, totalItems: total, next: next, items: activities.map(\.json)))
    }

    /// `GET /followers[?page=true[&after=ACTOR]]`: accepted followers' actor IRIs.
    func followersCollection(_ request: Request, context: AppRequestContext) async throws -> Response {
        let total = try await followers.count(state: .accepted)
        let query = request.uri.queryParameters
        let wantsPage = query.get("page") != nil || query.get("after") != nil
        guard await readers.access(for: request, logger: context.logger).isAuthorised else {
            return CollectionResponse.document(CollectionDocuments.collection(id: urls.followers, totalItems: total, first: nil))
        }
        guard wantsPage else {
            return CollectionResponse.document(CollectionDocuments.collection(
                id: urls.followers, totalItems: total, first: urls.followers + "?page=true"))
        }
        let after = query.get("after")
        let page = try await followers.followers(state: .accepted, after: after, limit: pageSize)
        let next = page.count == pageSize ? page.last.map { urls.followers + "?page=true&after=" + Self.queryEncoded($0.actor.value) } : nil
        let id = urls.followers + "?page=true" + (after.map { "&after=" + Self.queryEncoded($0) } ?? "")
        return CollectionResponse.bytes(CollectionDocuments.page(
            id: id, partOf: urls.followers, totalItems: total, next: next,
            items: page.map { JSONValue.string($0.actor.value).serializedBytes() }))
    }

    /// `GET /activities/{id}`: the activity as delivered, for authorised readers; 404 otherwise.
    func activity(_ request: Request, context: AppRequestContext, id rawID: String?) async throws -> Response {
        guard let rawID, let id = UUID(uuidString: rawID) else { return CollectionResponse.notFound }
        guard await readers.access(for: request, logger: context.logger).isAuthorised,
              let activity = try await outbox.activity(id: id)
        else { return CollectionResponse.notFound }
        return CollectionResponse.bytes(activity.json)
    }

    /// `value` percent-encoded for a query parameter (IRIs hold `:`, `/`, `?`, `&`, `#`).
    static func queryEncoded(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }
}
