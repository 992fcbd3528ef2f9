#!/usr/bin/env python3
"""The cart's sibling services for the end-to-end suite, in one process serving three origins:
the calendar actor, the market actor and the account service (INTERFACES3.md, "End to end").
Keys are generated at start and kept in memory (only the account service's public key is
written, for CART_ACCOUNT_KEY). Writes STATE/peers.json once every origin answers."""

import argparse
import json
import os
import signal
import sys
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from account_site import AccountSite  # noqa: E402
from calendar_site import CalendarSite  # noqa: E402
from keys import KeyResolver  # noqa: E402
from market_site import MarketSite  # noqa: E402
import web  # noqa: E402

PAGE_SLUG = "market-day"
PAGE_TITLE = "Market day"


def parse():
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--state", required=True, help="folder for peers.json, logs and the account public key")
    parser.add_argument("--cart-base", required=True, help="CART_BASE_URL of the cart under test")
    parser.add_argument("--calendar-bind", default="127.0.0.3:0")
    parser.add_argument("--market-bind", default="127.0.0.4:0")
    parser.add_argument("--account-bind", default="127.0.0.5:0")
    parser.add_argument("--currency", default="GBP")
    parser.add_argument("--market-accepts", default="rfc9421", choices=["rfc9421", "cavage", "any"],
                        help="signature schemes the market's inbox accepts (default rfc9421 only, so the cart's fallback runs)")
    return parser.parse_args()


def bound(bind, site, name):
    """Starts the server; returns (server, origin) with the real port when 0 was asked."""
    server = web.serve(bind, site, name)
    host, port = server.server_address[:2]
    return server, "http://%s:%d" % (host, port)


class Late:
    """Lets a server start before its site exists (the origin needs the port first)."""

    def __init__(self):
        self.site = None

    def handle(self, request):
        return self.site.handle(request) if self.site else web.Response(503, "starting")

    def access_log(self, line):
        if self.site:
            self.site.access_log(line)

    def log_error(self, request, error):
        if self.site:
            self.site.log_error(request, error)


def main():
    """Starts the three origins, writes peers.json, serves until SIGTERM."""
    args = parse()
    os.makedirs(args.state, exist_ok=True)
    resolver = KeyResolver()
    holders = {name: Late() for name in ("calendar", "market", "account")}
    servers = {}
    origins = {}
    for name, bind in (("calendar", args.calendar_bind), ("market", args.market_bind), ("account", args.account_bind)):
        servers[name], origins[name] = bound(bind, holders[name], name)
    page_iri = origins["market"] + "/pages/" + PAGE_SLUG
    market_schemes = ("cavage", "rfc9421") if args.market_accepts == "any" else (args.market_accepts,)
    calendar = CalendarSite(origins["calendar"], args.cart_base, args.state, ("cavage", "rfc9421"), "cavage", resolver,
                            page_iri=page_iri, currency=args.currency)
    market = MarketSite(origins["market"], args.cart_base, args.state, market_schemes, "rfc9421", resolver,
                        page_iri=page_iri, page_title=PAGE_TITLE, currency=args.currency)
    account = AccountSite(origins["account"], args.cart_base, args.state)
    holders["calendar"].site, holders["market"].site, holders["account"].site = calendar, market, account
    description = {
        "calendar_actor": calendar.actor, "market_actor": market.actor,
        "calendar_origin": origins["calendar"], "market_origin": origins["market"], "account_origin": origins["account"],
        "account_issuer": account.issuer, "account_key_pem_path": os.path.abspath(account.key_path),
        "account_login_url": account.login_url, "product_page": market.product_iri, "product_iri": market.product_iri,
        "page_iri": page_iri, "page_slug": PAGE_SLUG, "page_title": PAGE_TITLE, "currency": args.currency,
        "sibling_origins": [origins["market"], origins["calendar"], origins["account"]],
        "state_dir": os.path.abspath(args.state), "cart_base": args.cart_base.rstrip("/"),
    }
    partial = os.path.join(args.state, "peers.json.part")
    with open(partial, "w") as handle:
        json.dump(description, handle, indent=1)
    os.replace(partial, os.path.join(args.state, "peers.json"))
    print("PEERS READY %s" % json.dumps(description), flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    for server in servers.values():
        server.shutdown()


if __name__ == "__main__":
    main()
