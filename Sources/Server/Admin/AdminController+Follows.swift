import Commerce
import Foundation
import Hummingbird
import Outbox

/// `/admin/follows`: follow requests with approve/reject, followers with remove, and whom the
/// actor follows. Approve and reject record their `Accept`/`Reject` in the same transaction as
/// the change (FollowerRegistry), so the running outbox delivers them exactly as after
/// `peers approve`/`peers reject`.
extension AdminController {
    /// Rows per list on the page.
    static let followsPageSize = 200

    /// `GET /admin/follows[?after=IRI]`.
    @Sendable func follows(_ request: Request, context: AppRequestContext) async throws -> Response {
        let frame = try frame(request, context)
        let after = request.queryFields["after"].flatMap { $0.isEmpty ? nil : $0 }
        let pending = try await followers.followers(state: .pending, after: nil, limit: Self.followsPageSize)
        let accepted = try await followers.followers(state: .accepted, after: after, limit: Self.followsPageSize)
        let model = AdminFollowsModel(
            frame: frame, pending: pending, accepted: accepted, ourFollows: try await followers.ourFollows(),
            pendingTotal: try await followers.count(state: .pending), acceptedTotal: try await followers.count(state: .accepted),
            nextAfter: accepted.count == Self.followsPageSize ? accepted.last.map { AdminPaths.query($0.actor.value) } : nil)
        return try await render(.adminFollows, title: "Follows", model: model, frame: frame, context: context,
                                returnTo: AdminPaths.follows)
    }

    /// `POST /admin/follows/approve` (`actor`): pending -> accepted, Accept sent by the outbox.
    @Sendable func approve(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (_, form) = try await actionForm(request, context)
        guard let actor = form["actor"].flatMap(IRI.init) else { return followsProblem(form, context) }
        let notice: AdminNotice = try await followers.approve(actor: actor, now: deps.clock.now())
            ? .done("Accepted \(actor.value): an Accept is on its way, and it receives order activities from now on.")
            : .problem("\(actor.value) has no pending follow request (already handled?). The list below is current.")
        return done(notice, form: form, fallback: AdminPaths.follows, context: context)
    }

    /// `POST /admin/follows/reject` (`actor`): the request or follower is dropped, Reject sent.
    @Sendable func reject(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (_, form) = try await actionForm(request, context)
        guard let actor = form["actor"].flatMap(IRI.init) else { return followsProblem(form, context) }
        let notice: AdminNotice = try await followers.reject(actor: actor, now: deps.clock.now())
            ? .done("Rejected \(actor.value): a Reject is on its way.")
            : .problem("\(actor.value) neither follows nor asked to. The list below is current.")
        return done(notice, form: form, fallback: AdminPaths.follows, context: context)
    }

    /// `POST /admin/follows/remove` (`actor`): forgets a follower without answering.
    @Sendable func removeFollower(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (_, form) = try await actionForm(request, context)
        guard let actor = form["actor"].flatMap(IRI.init) else { return followsProblem(form, context) }
        let notice: AdminNotice = try await followers.remove(actor: actor)
            ? .done("Removed \(actor.value): it no longer receives order activities (nothing is sent to it).")
            : .problem("\(actor.value) is not a follower. The list below is current.")
        return done(notice, form: form, fallback: AdminPaths.follows, context: context)
    }

    private func followsProblem(_ form: FormFields, _ context: AppRequestContext) -> Response {
        done(.problem("The form named no actor IRI. Reload the page and use its buttons."), form: form,
             fallback: AdminPaths.follows, context: context)
    }
}
