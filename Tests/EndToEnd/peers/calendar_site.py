"""The calendar peer: puts booked entries into a visitor's cart by handle (Add), hands a
handle's cart to a user (rose:Adopt), and confirms the hold of every order that holds one of
its entries (Accept of the order's Create)."""

import html
import threading

import vocab
from actor_site import ActorSite
from web import Response

ENTRY_NAME = "Pottery class"
ENTRY_PRICE = 1200
TICKET_NAME = "Concert seat"
TICKET_PRICE = 800


class CalendarSite(ActorSite):
    """The calendar service's actor."""

    def __init__(self, *args, page_iri, currency, **kwargs):
        super().__init__("calendar", *args, **kwargs)
        self.page_iri, self.currency = page_iri, currency
        self.entries = {}
        self.answer_mode = "accept"
        self._accepted = set()
        self._lock = threading.Lock()

    def handle_more(self, request):
        """Control endpoints and entry pages."""
        if request.method == "POST" and request.path == "/_control/add-entry":
            return self.add_entry(request.json())
        if request.method == "POST" and request.path == "/_control/adopt":
            return self.adopt(request.json())
        if request.method == "POST" and request.path == "/_control/add-ticket":
            return self.add_ticket(request.json())
        if request.method == "POST" and request.path == "/_control/remove":
            return self.remove(request.json())
        if request.method == "POST" and request.path == "/_control/answer-mode":
            mode = request.json().get("mode")
            if mode not in ("accept", "reject", "none"):
                return Response.json({"error": "mode is accept, reject or none"}, status=400)
            self.answer_mode = mode
            return Response.json({"mode": mode})
        if request.method == "GET" and request.path.startswith("/entries/"):
            return self.entry_page(self.origin + request.path)
        return Response(404, "not found")

    @staticmethod
    def cart_of(body):
        """The cart a control request names: {"cart_handle": H} or {"customer": USER_IRI}."""
        if body.get("cart_handle"):
            return vocab.cart_by_handle(body["cart_handle"])
        if body.get("customer"):
            return vocab.cart_by_customer(body["customer"])
        return None

    def add_entry(self, body):
        """Add{rose:CalendarEntry}: a new entry into the named cart."""
        cart = self.cart_of(body)
        if cart is None:
            return Response.json({"error": "cart_handle or customer is required"}, status=400)
        iri = vocab.new_id(self.origin, "entries")
        day = vocab.now_iso(offset_days=7)[:10]
        entry = vocab.calendar_entry(iri, ENTRY_NAME, self.page_iri, ENTRY_PRICE, self.currency,
                                     day + "T10:00:00Z", day + "T12:00:00Z")
        with self._lock:
            self.entries[iri] = entry
        add = vocab.activity(self.origin, self.actor, "Add", entry, target=cart)
        return self.answer(add, self.send(add))

    def add_ticket(self, body):
        """Add{rose:Ticket}: `quantity` seats of a ticket type of one entry; a repeat sets the quantity."""
        cart, quantity = self.cart_of(body), int(body.get("quantity", 1))
        if cart is None:
            return Response.json({"error": "cart_handle or customer is required"}, status=400)
        entry = body.get("entry") or vocab.new_id(self.origin, "entries")
        iri = body.get("ticket") or entry.replace("/entries/", "/tickets/")
        day = vocab.now_iso(offset_days=8)[:10]
        ticket = vocab.calendar_entry(iri, TICKET_NAME, self.page_iri, TICKET_PRICE, self.currency,
                                      day + "T19:00:00Z", day + "T22:00:00Z")
        ticket.update({"type": "rose:Ticket", "rose:entry": entry, "rose:quantity": quantity})
        with self._lock:
            self.entries[iri] = ticket
        add = vocab.activity(self.origin, self.actor, "Add", ticket, target=cart)
        return self.answer(add, self.send(add))

    def remove(self, body):
        """Remove{object: entry or ticket IRI, target: the handle's cart}."""
        cart, item = self.cart_of(body), body.get("item")
        if cart is None or not item:
            return Response.json({"error": "item and cart_handle or customer are required"}, status=400)
        remove = vocab.activity(self.origin, self.actor, "Remove", item, target=cart)
        return self.answer(remove, self.send(remove))

    def adopt(self, body):
        """rose:Adopt: the handle's cart now belongs to `user`."""
        handle, user = body.get("cart_handle"), body.get("user")
        if not handle or not user:
            return Response.json({"error": "cart_handle and user are required"}, status=400)
        adopt = vocab.activity(self.origin, self.actor, "rose:Adopt", vocab.cart_by_handle(handle), target=user)
        return self.answer(adopt, self.send(adopt))

    def entry_page(self, iri):
        """A small HTML page for an entry IRI (so links to it resolve)."""
        entry = self.entries.get(iri)
        if entry is None:
            return Response(404, "no such entry")
        return Response.html(entry["name"], "<h1>%s</h1><p>%s to %s</p>" % (
            html.escape(entry["name"]), entry["startTime"], entry["endTime"]))

    def react(self, activity):
        """Accepts the hold of an order whose Create names one of our entries, once per Create."""
        if activity.get("type") != "Create" or "rose:Order" not in vocab.types_of(activity.get("object")):
            return
        order, items = vocab.order_items(activity)
        ours = [item.get("rose:entry") or item.get("rose:ticket") for item in items if isinstance(item, dict)
                and str(item.get("rose:entry") or item.get("rose:ticket") or "").startswith(self.origin + "/")]
        with self._lock:
            if not ours or activity.get("id") in self._accepted or self.answer_mode == "none":
                return
            self._accepted.add(activity.get("id"))
        kind = "Accept" if self.answer_mode == "accept" else "Reject"
        answer = vocab.activity(self.origin, self.actor, kind, activity.get("id"), to=[activity.get("actor")])
        self.send(answer, order=order.get("id"), entries=ours)
