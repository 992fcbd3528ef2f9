#!/usr/bin/env python3
"""Asserts what the peers recorded for one order (for the run script, after flow.py):
the calendar received the order's Create as `cc` and then its OrderPaid, both signed by the
cart's key and never addressed to as:Public; its Accept of the Create was taken (202); the
market, which does not follow, received nothing about the order; every signature verified
(the market's deliberate 401 to cavage must be followed by an RFC 9421 retry that verified);
both peers' Accepts of the cart's start-up Follow were taken.
Exit 0 only if all hold; prints one line per check."""

import argparse
import json
import os
import sys
import time

PUBLIC = {"https://www.w3.org/ns/activitystreams#Public", "as:Public", "Public"}


def lines(path):
    """The JSON lines of a record file ([] when absent)."""
    if not os.path.exists(path):
        return []
    with open(path) as handle:
        return [json.loads(line) for line in handle if line.strip()]


def as_list(value):
    """A JSON-LD value as a list."""
    return value if isinstance(value, list) else ([] if value is None else [value])


def mentions(record, order_iri):
    """Whether the record's activity names `order_iri` anywhere."""
    return order_iri in json.dumps(record.get("activity", {}))


def check(state, cart_base, order_id):
    """Runs every check once; True when all pass."""
    peers = json.load(open(os.path.join(state, "peers.json")))
    cart_base = cart_base.rstrip("/")
    order_iri = "%s/orders/%s" % (cart_base, order_id.lower())
    calendar_in = lines(os.path.join(state, "received-calendar.jsonl"))
    calendar_out = lines(os.path.join(state, "sent-calendar.jsonl"))
    market_in = lines(os.path.join(state, "received-market.jsonl"))
    results = []

    def expect(name, ok, detail=""):
        results.append(ok)
        print("%s %s%s" % ("PASS" if ok else "FAIL", name, "" if ok or not detail else ": " + detail), flush=True)

    about = [r for r in calendar_in if r.get("status") == 202 and mentions(r, order_iri)]
    creates = [r for r in about if r["activity"].get("type") == "Create"]
    paid = [r for r in about if r["activity"].get("type") == "rose:OrderPaid"]
    expect("calendar received the order's Create", len(creates) >= 1, "received: %s" % [r["activity"].get("type") for r in about])
    if creates:
        create = creates[0]["activity"]
        expect("the Create is cc the calendar", peers["calendar_actor"] in as_list(create.get("cc")), "cc=%s" % create.get("cc"))
        expect("the Create is to the cart's followers", cart_base + "/followers" in as_list(create.get("to")), "to=%s" % create.get("to"))
        expect("the Create's key belongs to the cart", str(creates[0].get("key_id", "")).startswith(cart_base + "/"), creates[0].get("key_id"))
        accepts = [r for r in calendar_out if r["activity"].get("type") == "Accept" and r["activity"].get("object") == create.get("id")]
        expect("the calendar's Accept of the Create was taken (202)", any(r.get("status") == 202 for r in accepts),
               "statuses: %s" % [r.get("status") for r in accepts])
    expect("calendar received the order's OrderPaid", len(paid) >= 1)
    if creates and paid:
        expect("OrderPaid arrived after the Create", creates[0]["at"] <= paid[0]["at"], "%s vs %s" % (creates[0]["at"], paid[0]["at"]))
    public = [r for r in calendar_in + market_in if PUBLIC & set(as_list(r.get("activity", {}).get("to")) + as_list(r.get("activity", {}).get("cc")))]
    expect("nothing was addressed to as:Public", not public, "%d activities" % len(public))
    leaked = [r["activity"].get("type") for r in market_in if mentions(r, order_iri)]
    expect("the market (not a follower, not addressed) received nothing about the order", not leaked, "received %s" % leaked)
    refused = [r for r in calendar_in if r.get("status") != 202]
    expect("every delivery to the calendar verified", not refused, "%s" % [(r.get("status"), r.get("error")) for r in refused])
    market_refused = [r for r in market_in if r.get("status") != 202]
    ok = all(r.get("scheme") == "cavage" for r in market_refused) and all(
        any(m.get("status") == 202 and m.get("scheme") == "rfc9421" and m["activity"].get("id") == r["activity"].get("id") for m in market_in)
        for r in market_refused if r.get("activity"))
    expect("the market's 401s were cavage knocks retried with RFC 9421", ok, "%s" % [(r.get("scheme"), r.get("error")) for r in market_refused])
    follow_answers = [r for r in calendar_out + lines(os.path.join(state, "sent-market.jsonl"))
                      if r["activity"].get("type") == "Accept" and isinstance(r["activity"].get("object"), dict)
                      and r["activity"]["object"].get("type") == "Follow"]
    expect("both peers' Accepts of the cart's Follow were taken (202)",
           len(follow_answers) >= 2 and all(r.get("status") == 202 for r in follow_answers),
           "%s" % [(r["inbox"], r.get("status")) for r in follow_answers])
    return all(results)


def main():
    """Retries the checks until they pass or --wait runs out."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--state", required=True)
    parser.add_argument("--cart-base", required=True)
    parser.add_argument("--order", required=True, help="the order id flow.py printed")
    parser.add_argument("--wait", type=float, default=30, help="seconds to wait for deliveries to arrive")
    args = parser.parse_args()
    deadline = time.monotonic() + args.wait
    while True:
        print("--- peers' records for order %s" % args.order, flush=True)
        if check(args.state, args.cart_base, args.order):
            sys.exit(0)
        if time.monotonic() > deadline:
            sys.exit(1)
        time.sleep(2)


if __name__ == "__main__":
    main()
