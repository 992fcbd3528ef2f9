/// Expanded IRIs of the terms the inbox reads: what every compaction of them expands to.
enum AS {
    static let namespace = "https://www.w3.org/ns/activitystreams#"
    static func term(_ name: String) -> String { namespace + name }

    static let follow = term("Follow"), undo = term("Undo"), delete = term("Delete"), accept = term("Accept")
    static let reject = term("Reject"), add = term("Add"), remove = term("Remove"), create = term("Create")
    static let update = term("Update"), tombstone = term("Tombstone")
    static let actor = term("actor"), object = term("object"), target = term("target"), to = term("to"), cc = term("cc")
    static let name = term("name"), startTime = term("startTime"), endTime = term("endTime"), updated = term("updated")
}

/// The `rose:` namespace (contract §4).
enum Rose {
    static let namespace = "https://rose-ash.com/ns#"
    static func term(_ name: String) -> String { namespace + name }

    static let calendarEntry = term("CalendarEntry"), ticket = term("Ticket"), adopt = term("Adopt"), cart = term("Cart")
    static let product = term("Product"), order = term("Order")
    static let page = term("page"), price = term("price"), currency = term("currency"), minorUnits = term("minorUnits")
    static let entry = term("entry"), quantity = term("quantity"), available = term("available")
    static let handle = term("handle"), customer = term("customer")
}
