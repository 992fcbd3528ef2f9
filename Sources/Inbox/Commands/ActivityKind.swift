/// The kind of a received activity, decided from its types alone so role checks (403) come
/// before any reading of the payload (400).
enum ActivityKind: Sendable, Equatable {
    case follow, undoFollow, deleteSelf, answerToOurFollow(accepted: Bool)
    case calendarAdd, calendarRemove, adopt, orderAnswer(accepted: Bool)
    case productUpsert, productDelete
    case other

    /// Classifies `activity` addressed to the actor whose IRIs start with `base`.
    init(_ activity: ParsedActivity, base: String) {
        let objectTypes = activity.objectTypes
        if activity.isA(AS.follow) { self = .follow }
        else if activity.isA(AS.undo) {
            self = objectTypes.isEmpty || objectTypes.contains(AS.follow) ? .undoFollow : .other
        } else if activity.isA(AS.delete) {
            if activity.objectID == activity.actor { self = .deleteSelf }
            else if objectTypes.isEmpty || objectTypes.contains(Rose.product) || objectTypes.contains(AS.tombstone) {
                self = .productDelete
            } else { self = .other }
        } else if activity.isA(AS.accept) || activity.isA(AS.reject) {
            let accepted = activity.isA(AS.accept)
            self = Self.answersOrder(activity, base: base) ? .orderAnswer(accepted: accepted) : .answerToOurFollow(accepted: accepted)
        } else if activity.isA(AS.add) { self = .calendarAdd }
        else if activity.isA(AS.remove) { self = .calendarRemove }
        else if activity.isA(Rose.adopt) { self = .adopt }
        else if (activity.isA(AS.create) || activity.isA(AS.update)) && objectTypes.contains(Rose.product) { self = .productUpsert }
        else { self = .other }
    }

    /// An Accept/Reject whose object is one of our activities, or an embedded Create of one of our orders.
    /// Our Follows have ids under /activities/ too: an embedded object typed Follow (how Mastodon,
    /// GoToSocial and bovine answer) is an answer to our Follow, whatever its id.
    private static func answersOrder(_ activity: ParsedActivity, base: String) -> Bool {
        guard let objectID = activity.objectID else { return false }
        let types = activity.objectTypes
        if types.contains(AS.follow) { return false }
        if objectID.hasPrefix(base + "/activities/") { return types.isEmpty || types.contains(AS.create) }
        guard let object = activity.object, activity.terms.types(of: object).contains(AS.create) else { return false }
        return activity.terms.id(of: activity.terms.value(object, AS.object))?.hasPrefix(base + "/orders/") ?? false
    }

    /// Who may send it.
    var requiredRole: RequiredRole {
        switch self {
        case .follow, .undoFollow, .deleteSelf: .anyone
        case .answerToOurFollow: .followed
        case .calendarAdd, .calendarRemove, .adopt, .orderAnswer: .calendar
        case .productUpsert, .productDelete: .market
        case .other: .followerOrPeer
        }
    }
}
