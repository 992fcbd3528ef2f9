import ActorIdentity
import Commerce
import Foundation

/// Turns a classified activity into an `InboxCommand`, refusing payloads that cannot be read
/// (400) and object ids off the sender's origin (403).
struct CommandReader: Sendable {
    /// Our actor's IRI prefix (`CART_BASE_URL`).
    let base: String

    /// Our actor IRI.
    var ourActor: String { base + "/actor" }

    func command(_ activity: ParsedActivity, kind: ActivityKind) throws(InboxRefusal) -> InboxCommand {
        let actorIRI = try iri(activity.actor, "actor")
        switch kind {
        case .follow:
            guard activity.objectID == ourActor else { return .ignored("a Follow of someone else") }
            return .follow(followID: try iri(activity.id, "id"))
        case .undoFollow:
            return .undoFollow(followID: activity.objectID)
        case .deleteSelf:
            return .deleteActor
        case .answerToOurFollow(let accepted):
            return .answerToOurFollow(accepted: accepted)
        case .calendarAdd:
            return try calendarAdd(activity, calendar: actorIRI)
        case .calendarRemove:
            guard let objectID = activity.objectID else { throw InboxRefusal(.badRequest, "Remove has no object") }
            let item = try iri(objectID, "object")
            try requireSameOrigin(item, actorIRI)
            return .calendarRemove(item, cart: try cart(activity.target, activity.terms))
        case .adopt:
            return try adopt(activity)
        case .orderAnswer(let accepted):
            return .orderAnswer(try orderTarget(activity), accepted: accepted)
        case .productUpsert:
            return .productUpsert(try product(activity, market: actorIRI))
        case .productDelete:
            guard let objectID = activity.objectID else { throw InboxRefusal(.badRequest, "Delete has no object") }
            let product = try iri(objectID, "object")
            try requireSameOrigin(product, actorIRI)
            return .productDelete(product)
        case .other:
            return .ignored("\(activity.metricType) is not handled")
        }
    }

    // MARK: Calendar

    private func calendarAdd(_ activity: ParsedActivity, calendar: IRI) throws(InboxRefusal) -> InboxCommand {
        guard let object = activity.object, case .object = object else {
            throw InboxRefusal(.badRequest, "Add needs an embedded rose:CalendarEntry or rose:Ticket")
        }
        let terms = activity.terms.adding(object["@context"])
        let types = terms.types(of: object)
        let isTicket = types.contains(Rose.ticket)
        guard isTicket || types.contains(Rose.calendarEntry) else {
            throw InboxRefusal(.badRequest, "Add's object must be a rose:CalendarEntry or rose:Ticket")
        }
        let itemIRI = try iri(terms.id(of: object), "object id")
        try requireSameOrigin(itemIRI, calendar)
        var entry: IRI?
        var quantity = 1
        if isTicket {
            entry = try iri(terms.id(of: terms.value(object, Rose.entry)), "rose:entry")
            if let entry { try requireSameOrigin(entry, calendar) }
            guard let count = terms.integer(object, Rose.quantity), (1...99).contains(count) else {
                throw InboxRefusal(.badRequest, "a ticket needs rose:quantity between 1 and 99")
            }
            quantity = Int(count)
        }
        let item = CalendarItem(
            iri: itemIRI, entryIRI: entry,
            pageIRI: try iri(terms.id(of: terms.value(object, Rose.page)), "rose:page"),
            name: try name(terms.string(object, AS.name)),
            price: try money(terms.value(object, Rose.price), terms),
            startTime: terms.string(object, AS.startTime).flatMap(InboxDates.parse),
            endTime: terms.string(object, AS.endTime).flatMap(InboxDates.parse),
            calendarActor: calendar)
        return .calendarAdd(item, quantity: quantity, cart: try cart(activity.target, activity.terms))
    }

    private func adopt(_ activity: ParsedActivity) throws(InboxRefusal) -> InboxCommand {
        guard let object = activity.object else { throw InboxRefusal(.badRequest, "rose:Adopt has no object") }
        let terms = activity.terms.adding(object["@context"])
        guard let handle = terms.string(object, Rose.handle), !handle.isEmpty, handle.utf8.count <= 256 else {
            throw InboxRefusal(.badRequest, "rose:Adopt's object must be a rose:Cart with rose:handle")
        }
        let user = try iri(activity.terms.id(of: activity.target), "target (the user IRI)")
        return .adopt(handle: handle, user: user)
    }

    /// The cart a `target` names: `rose:customer` (or a bare user IRI) or `rose:handle`.
    private func cart(_ target: JSONValue?, _ outer: LDTerms) throws(InboxRefusal) -> CartReference {
        guard let target else { throw InboxRefusal(.badRequest, "no target cart") }
        if case .string(let user) = target { return .owner(.user(try iri(user, "target"))) }
        let terms = outer.adding(target["@context"])
        if let customer = terms.id(of: terms.value(target, Rose.customer)) { return .owner(.user(try iri(customer, "rose:customer"))) }
        if let handle = terms.string(target, Rose.handle), !handle.isEmpty, handle.utf8.count <= 256 { return .handle(handle) }
        throw InboxRefusal(.badRequest, "target must be a rose:Cart with rose:customer or rose:handle")
    }

    // MARK: Orders

    /// The order an Accept/Reject answers: the Create activity's id `BASE/activities/{event}`
    /// (looked up later), or the embedded Create's object `BASE/orders/{id}`.
    private func orderTarget(_ activity: ParsedActivity) throws(InboxRefusal) -> OrderTarget {
        let activities = base + "/activities/"
        if let objectID = activity.objectID, objectID.hasPrefix(activities),
           let id = UUID(uuidString: String(objectID.dropFirst(activities.count))) {
            return .activity(eventID: id)
        }
        if let object = activity.object, case .object = object,
           let order = activity.terms.id(of: activity.terms.value(object, AS.object)),
           order.hasPrefix(base + "/orders/"), let id = UUID(uuidString: String(order.dropFirst(base.count + 8))) {
            return .order(id)
        }
        throw InboxRefusal(.badRequest, "the answered order is not BASE/activities/{id} nor an embedded Create of BASE/orders/{id}")
    }

    // MARK: Market

    private func product(_ activity: ParsedActivity, market: IRI) throws(InboxRefusal) -> Product {
        guard let object = activity.object else { throw InboxRefusal(.badRequest, "no product") }
        let terms = activity.terms.adding(object["@context"])
        let productIRI = try iri(terms.id(of: object), "product id")
        try requireSameOrigin(productIRI, market)
        var available: Int?
        if let count = terms.integer(object, Rose.available) {
            guard (0...1_000_000_000).contains(count) else { throw InboxRefusal(.badRequest, "rose:available out of range") }
            available = Int(count)
        }
        return Product(
            iri: productIRI, pageIRI: try iri(terms.id(of: terms.value(object, Rose.page)), "rose:page"),
            name: try name(terms.string(object, AS.name)), price: try money(terms.value(object, Rose.price), terms),
            available: available, withdrawn: false,
            updated: terms.string(object, AS.updated).flatMap(InboxDates.parse))
    }

    // MARK: Values

    private func iri(_ text: String?, _ what: String) throws(InboxRefusal) -> IRI {
        guard let text, let iri = IRI(text) else { throw InboxRefusal(.badRequest, "\(what) is not an http(s) IRI") }
        return iri
    }

    private func name(_ text: String?) throws(InboxRefusal) -> String {
        guard let text, !text.isEmpty, text.count <= 500 else { throw InboxRefusal(.badRequest, "name missing or longer than 500 characters") }
        return text
    }

    /// `{"type": "rose:Money", "rose:currency": "GBP", "rose:minorUnits": 1250}`.
    private func money(_ value: JSONValue?, _ outer: LDTerms) throws(InboxRefusal) -> Money {
        guard let value else { throw InboxRefusal(.badRequest, "rose:price missing") }
        let terms = outer.adding(value["@context"])
        guard let code = terms.string(value, Rose.currency), let currency = Currency(code: code.uppercased()) else {
            throw InboxRefusal(.badRequest, "rose:price has no supported rose:currency")
        }
        guard let minor = terms.integer(value, Rose.minorUnits), minor >= 0, minor <= 100_000_000_00 else {
            throw InboxRefusal(.badRequest, "rose:price needs integer rose:minorUnits (never a float)")
        }
        return Money(minor, currency)
    }

    private func requireSameOrigin(_ object: IRI, _ actor: IRI) throws(InboxRefusal) {
        guard object.origin == actor.origin else {
            throw InboxRefusal(.forbidden, "\(object.value) is not on \(actor.origin), the sender's origin")
        }
    }
}
