"""Activities exactly as contract §4 spells them (prefixed rose: terms under the contract's context)."""

import datetime
import uuid

CONTEXT = [
    "https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1",
    {"rose": "https://rose-ash.com/ns#", "xsd": "http://www.w3.org/2001/XMLSchema#",
     "rose:page": {"@type": "@id"}, "rose:customer": {"@type": "@id"},
     "rose:product": {"@type": "@id"}, "rose:entry": {"@type": "@id"}, "rose:ticket": {"@type": "@id"},
     "rose:items": {"@container": "@list"},
     "rose:minorUnits": {"@type": "xsd:integer"}, "rose:quantity": {"@type": "xsd:integer"},
     "rose:available": {"@type": "xsd:integer"}, "rose:orderNumber": {"@type": "xsd:integer"},
     "rose:holdUntil": {"@type": "xsd:dateTime"}},
]


def new_id(origin, kind="activities"):
    """A fresh IRI on `origin`."""
    return "%s/%s/%s" % (origin, kind, uuid.uuid4())


def now_iso(offset_days=0):
    """Now (plus days), ISO 8601 UTC to the second."""
    moment = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=offset_days)
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def money(minor, currency):
    """rose:Money in minor units."""
    return {"type": "rose:Money", "rose:currency": currency, "rose:minorUnits": minor}


def activity(origin, actor, kind, obj, **extra):
    """An activity with the contract's context and a fresh id."""
    value = {"@context": CONTEXT, "id": new_id(origin), "type": kind, "actor": actor, "object": obj}
    value.update(extra)
    return value


def cart_by_handle(handle):
    """A cart named by a visitor's handle."""
    return {"type": "rose:Cart", "rose:handle": handle}


def cart_by_customer(user):
    """A cart named by its user's IRI."""
    return {"type": "rose:Cart", "rose:customer": user}


def product(iri, name, page, minor, currency, available, updated):
    """A rose:Product as contract §4 lists its fields."""
    return {"id": iri, "type": "rose:Product", "name": name, "rose:page": page,
            "rose:price": money(minor, currency), "rose:available": available, "updated": updated,
            "url": iri}


def calendar_entry(iri, name, page, minor, currency, start, end):
    """A rose:CalendarEntry as contract §4 lists its fields."""
    return {"id": iri, "type": "rose:CalendarEntry", "name": name, "startTime": start, "endTime": end,
            "rose:page": page, "rose:price": money(minor, currency)}


def types_of(value):
    """The `type` of a JSON-LD object as a list."""
    kind = value.get("type") if isinstance(value, dict) else None
    return kind if isinstance(kind, list) else [kind]


def order_items(create):
    """The items of a Create{rose:Order} (accepting a plain list or an @list wrapper)."""
    order = create.get("object") if isinstance(create.get("object"), dict) else {}
    items = order.get("rose:items", [])
    if isinstance(items, dict):
        items = items.get("@list", [])
    return order, items
