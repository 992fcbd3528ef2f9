"""The end-to-end suite's assertions, after the browser paid an order (called by Tests/EndToEnd/run).

Each check prints PASS or FAIL with what it saw; the exit status is 1 if any failed. Waits (bounded)
for deliveries still in flight: the outbox delivers asynchronously, OrderPaid after the reconcile.

What "nothing reached anyone who does not follow or is not addressed" means here:
* bovine's "bystander" actor follows nobody and is named by nobody: it must receive nothing at all;
* the market peer is followed BY the cart (contract §2: configured peers are followed at start) but
  does not follow it and owns no line of the order: it must receive no activity about the order;
* order activities never carry as:Public.
"""

import argparse
import glob
import json
import pathlib
import re
import shutil
import subprocess
import sys
import time

PUBLIC = {"https://www.w3.org/ns/activitystreams#Public", "as:Public", "Public"}
failures = []


def check(ok: bool, what: str, detail: str = "") -> bool:
    print(("PASS " if ok else "FAIL ") + what + (f" — {detail}" if detail else ""))
    if not ok:
        failures.append(what)
    return ok


def jsonl(path: pathlib.Path) -> list:
    if not path.exists():
        return []
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rows.append(json.loads(line))
    return rows


def as_list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def types(obj) -> list:
    return as_list(obj.get("type")) if isinstance(obj, dict) else []


def ident(value):
    return value.get("id") if isinstance(value, dict) else value


def is_order_create(activity: dict, order_iri: str) -> bool:
    obj = activity.get("object")
    return "Create" in types(activity) and isinstance(obj, dict) and obj.get("id") == order_iri \
        and any(t in ("rose:Order", "https://rose-ash.com/ns#Order") for t in types(obj))


def is_order_paid(activity: dict, order_iri: str) -> bool:
    return any(t in ("rose:OrderPaid", "https://rose-ash.com/ns#OrderPaid") for t in types(activity)) \
        and ident(activity.get("object")) == order_iri


def mentions(activity, order_iri: str) -> bool:
    return order_iri in json.dumps(activity)


DEADLINE = [0.0]  # one budget for every wait, so a failing run does not wait once per check


def wait_until(seconds: float, probe):
    deadline = DEADLINE[0] or time.monotonic() + seconds
    while True:
        result = probe()
        if result or time.monotonic() > deadline:
            return result
        time.sleep(0.5)


def herd_inbox(args, name: str) -> list:
    done = subprocess.run([args.python, args.herd, "inbox", "--state", str(args.bovine_state), "--name", name],
                          capture_output=True, text=True, timeout=60)
    if done.returncode != 0:
        check(False, f"bovine answers its {name}'s inbox", done.stderr.strip()[-500:])
        return []
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


def calendar_confirmed(database_url: str, order: str, calendar_actor: str):
    """The order row's confirmed calendars if `calendar_actor` is among them and none refused, else None."""
    query = ("SELECT calendar_confirmed || '|' || calendar_refused::text FROM orders "
             f"WHERE upper(id) = upper('{order}')")  # order: a UUID the run script already validated
    psql = shutil.which("psql") or next(iter(sorted(glob.glob("/usr/lib/postgresql/*/bin/psql"), reverse=True)), "psql")
    done = subprocess.run([psql, database_url, "-Atc", query], capture_output=True, text=True, timeout=30)
    if done.returncode != 0:
        print("  psql: " + done.stderr.strip()[-300:])
        return None
    confirmed, _, refused = done.stdout.strip().rpartition("|")
    return confirmed.splitlines() if calendar_actor in confirmed.splitlines() and refused == "false" else None


def main() -> None:
    parser = argparse.ArgumentParser()
    for name in ["order", "cart-base", "follower", "bystander", "herd", "python", "database-url"]:
        parser.add_argument("--" + name, required=True)
    for name in ["bovine-state", "peers", "cart-log", "order-show", "peers-list", "out"]:
        parser.add_argument("--" + name, required=True, type=pathlib.Path)
    parser.add_argument("--wait", type=float, default=60)
    args = parser.parse_args()
    if not re.fullmatch(r"[0-9a-fA-F-]{36}", args.order):
        raise SystemExit(f"not an order id: {args.order}")

    DEADLINE[0] = time.monotonic() + args.wait
    cart_actor = args.cart_base + "/actor"
    followers = args.cart_base + "/followers"
    order_iri = f"{args.cart_base}/orders/{args.order.lower()}"
    peers = json.loads(args.peers.read_text())
    peer_state = pathlib.Path(peers.get("state_dir") or args.peers.parent)
    calendar_actor, market_actor = peers["calendar_actor"], peers["market_actor"]
    received_bovine = args.bovine_state / "received-bovine.jsonl"
    print(f"order {order_iri}")

    # 1. The bovine follower: Create{rose:Order}, then rose:OrderPaid, both signed by the cart.
    def follower_rows():
        rows = [r for r in jsonl(received_bovine) if r.get("inbox_owner") == args.follower]
        paid = [r for r in rows if is_order_paid(r["activity"], order_iri)]
        return rows if paid else None

    rows = wait_until(args.wait, follower_rows) or \
        [r for r in jsonl(received_bovine) if r.get("inbox_owner") == args.follower]
    kinds = [(i, r["activity"]) for i, r in enumerate(rows)]
    creates = [(i, a) for i, a in kinds if is_order_create(a, order_iri)]
    paids = [(i, a) for i, a in kinds if is_order_paid(a, order_iri)]
    check(len(creates) == 1, "bovine follower received the order's Create{rose:Order} once",
          f"{len(creates)} of {len(rows)} deliveries")
    check(len(paids) == 1, "bovine follower received the order's rose:OrderPaid once", f"{len(paids)}")
    create = creates[0][1] if creates else {}
    paid = paids[0][1] if paids else {}
    if creates and paids:
        check(creates[0][0] < paids[0][0], "bovine follower received the Create before the OrderPaid",
              f"positions {creates[0][0]} and {paids[0][0]}")
    for name, index_activity in [("Create", creates), ("OrderPaid", paids)]:
        for index, activity in index_activity:
            row = rows[index]
            check(row.get("signer") == cart_actor, f"bovine verified the {name}'s signature as the cart's",
                  f"signer {row.get('signer')}")
            check(activity.get("actor") == cart_actor, f"the {name}'s actor is the cart", str(activity.get("actor")))
            audience = as_list(activity.get("to")) + as_list(activity.get("cc"))
            check(followers in as_list(activity.get("to")), f"the {name} goes to the cart's followers",
                  f"to {activity.get('to')}")
            check(calendar_actor in as_list(activity.get("cc")), f"the {name} is cc'd to the calendar",
                  f"cc {activity.get('cc')}")
            check(not PUBLIC.intersection(audience), f"the {name} is not public", f"audience {audience}")
    if create:
        obj = create.get("object", {})
        check(obj.get("rose:status") == "awaiting_payment", "the Create carries the order awaiting payment",
              str(obj.get("rose:status")))
        check(isinstance(obj.get("rose:total"), dict) and isinstance(obj["rose:total"].get("rose:minorUnits"), int),
              "the order total is integer minor units", json.dumps(obj.get("rose:total")))

    # 2. bovine processed and stored both in the follower's inbox (its own collection, read as the owner).
    # Order is asserted on arrival above: bovine answers 202 and then processes each item in its own
    # background task, so its collection lists them in the order its processing finished.
    wanted = [a.get("id") for a in (create, paid) if a]

    def stored_both():
        items = herd_inbox(args, "follower")
        return items if all(w in [s.get("id") for s in items] for w in wanted) else None

    stored = wait_until(args.wait, stored_both) or herd_inbox(args, "follower")
    (args.out / "bovine-follower-inbox.jsonl").write_text("".join(json.dumps(s) + "\n" for s in stored))
    stored_ids = [s.get("id") for s in stored]
    check(len(wanted) == 2 and all(w in stored_ids for w in wanted),
          "bovine stored the Create and the OrderPaid in the follower's inbox collection", f"{stored_ids}")

    # 3. The bystander (follows nobody) received nothing, by bovine's own record and ours.
    to_bystander = [r for r in jsonl(received_bovine) if r.get("inbox_owner") == args.bystander]
    check(not to_bystander, "bovine's bystander actor received nothing",
          f"{[r['activity'].get('type') for r in to_bystander]}")
    bystander_inbox = herd_inbox(args, "bystander")
    check(not bystander_inbox, "bovine's bystander inbox is empty", f"{[s.get('id') for s in bystander_inbox]}")

    # 4. The calendar got the Create as cc (signature verified by the peer) and its Accept was taken.
    def calendar_rows():
        got = [r for r in jsonl(peer_state / "received-calendar.jsonl") if isinstance(r.get("activity"), dict)]
        done = any(is_order_paid(r["activity"], order_iri) for r in got)
        return got if done else None

    cal = wait_until(args.wait, calendar_rows) or jsonl(peer_state / "received-calendar.jsonl")
    cal_creates = [r for r in cal if isinstance(r.get("activity"), dict) and is_order_create(r["activity"], order_iri)]
    check(len(cal_creates) >= 1, "the calendar peer received the order's Create",
          f"types received: {[ (r.get('activity') or {}).get('type') for r in cal]}")
    for r in cal_creates[:1]:
        check(calendar_actor in as_list(r["activity"].get("cc")), "the calendar was addressed as cc",
              f"cc {r['activity'].get('cc')}")
        check(r.get("verified") is True and 200 <= int(r.get("status", 0)) < 300,
              "the calendar verified the Create's signature and answered 2xx",
              f"verified {r.get('verified')} status {r.get('status')} scheme {r.get('scheme')} key {r.get('key_id')}")
    check(any(isinstance(r.get("activity"), dict) and is_order_paid(r["activity"], order_iri) for r in cal),
          "the calendar peer received the order's rose:OrderPaid")
    create_id = cal_creates[0]["activity"].get("id") if cal_creates else create.get("id")

    def accept_rows():
        sent = jsonl(peer_state / "sent-calendar.jsonl")
        found = [r for r in sent if "Accept" in types(r.get("activity") or {})
                 and ident((r.get("activity") or {}).get("object")) == create_id]
        return found or None

    accepts = wait_until(args.wait, accept_rows) or []
    check(bool(accepts) and any(int(r.get("status", 0)) == 202 for r in accepts),
          "the calendar's Accept of the order's Create was taken by the cart (202)",
          f"{[(r.get('status')) for r in accepts]}")
    show = args.order_show.read_text(errors="replace") if args.order_show.exists() else ""
    status_lines = re.findall(r"^\s*status:.*$", show, re.M)
    check(re.search(r"^\s*status:\s*paid\s*$", show, re.M) is not None, "`cart-actor orders show` says paid",
          "; ".join(status_lines))
    confirmed = wait_until(args.wait, lambda: calendar_confirmed(args.database_url, args.order, calendar_actor))
    check(bool(confirmed), "the cart recorded the calendar's hold as confirmed (orders.calendar_confirmed)",
          str(confirmed))
    check(re.search(r"refused|owed", show, re.I) is None, "`orders show` records no calendar refusal",
          "; ".join(l for l in show.splitlines() if re.search(r"refused|owed", l, re.I)))

    # 5. The market (followed by us, not following, owning no line) received nothing about the order.
    market = [r for r in jsonl(peer_state / "received-market.jsonl") if isinstance(r.get("activity"), dict)]
    about = [r["activity"].get("type") for r in market if mentions(r["activity"], order_iri)]
    check(not about, "the market peer received no activity about the order",
          f"received types: {[r['activity'].get('type') for r in market]}")

    # 6. The cart follows both configured peers and recorded their Accepts (contract §2); bovine is a follower.
    listing = args.peers_list.read_text(errors="replace") if args.peers_list.exists() else ""
    ours = listing.split("we follow:", 1)[1] if "we follow:" in listing else ""
    for role, actor in [("calendar", calendar_actor), ("market", market_actor)]:
        line = next((l.strip() for l in ours.splitlines() if actor in l), "")
        check(line.startswith("accepted"), f"the cart follows the {role} peer and recorded its Accept", line or "not listed")
    theirs = listing.split("we follow:", 1)[0]
    line = next((l.strip() for l in theirs.splitlines() if args.follower in l), "")
    check(line.startswith("accepted"), "`peers list` shows the bovine follower accepted", line or "not listed")

    # 7. The cart fetched bovine's actor with a signed GET (bovine answers unsigned ones 401).
    fetches = [r for r in jsonl(args.bovine_state / "herd-requests.jsonl")
               if r.get("method") == "GET" and r.get("requester") == cart_actor and r.get("status") == 200]
    check(bool(fetches), "the cart's key-signed GETs were accepted by bovine-herd",
          f"{len(fetches)} GET(s) verified as {cart_actor}")

    # 8. Contexts stayed offline, and the service logged no error while serving all this.
    refused = jsonl(args.bovine_state / "contexts-refused.log")
    check(not refused, "bovine needed no JSON-LD context from outside", f"{[r.get('url') for r in refused]}")
    bad = [line for line in args.cart_log.read_text(errors="replace").splitlines()
           if re.match(r"^\S+\s+(error|critical)\b", line) or re.search(r"\bstatus[=: ]5\d\d\b", line)]
    check(not bad, "cart-actor's log has no error or 5xx lines", "\n  " + "\n  ".join(bad[:20]) if bad else "")

    outcome = {"order": order_iri, "create": create, "order_paid": paid, "failures": failures}
    (args.out / "outcome.json").write_text(json.dumps(outcome, indent=1))
    print(f"{len(failures)} check(s) failed" if failures else "all outcome checks passed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
