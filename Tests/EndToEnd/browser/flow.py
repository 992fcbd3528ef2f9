#!/usr/bin/env python3
"""The buyer's journey of issue 7 in a real Chromium: add a product twice from the market
peer's page (a cross-site form; both adds must land in one cart), let the calendar peer book an
entry into the same cart by its handle and two concert seats into the user's own cart, sign in
through the account service (state/nonce), see both carts merged, check out, pay on the fake
SumUp page and come back to a paid order page. Every visited page is checked (checks.py).
Prints ORDER_ID=<uuid> last; exits 0 only if every step and check passed."""

import argparse
import json
import os
import re
import sys
import time
import traceback
import urllib.error
import urllib.request
from urllib.parse import parse_qs, urlsplit

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from checks import PageChecker  # noqa: E402
from driver import make_driver  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

USER = "alice"


class Journey:
    """The browser, the page checker and the steps of the journey."""

    def __init__(self, args):
        self.args = args
        self.cart = args.cart_base.rstrip("/")
        with open(args.peers) as handle:
            self.peers = json.load(handle)
        os.makedirs(args.artifacts, exist_ok=True)
        self.driver = make_driver(args.artifacts)
        self.checker = PageChecker(self.driver, self.log)
        self.step_number = 0
        self.started = time.monotonic()

    def log(self, text):
        """One progress line with the elapsed time."""
        print("[flow %6.1fs] %s" % (time.monotonic() - self.started, text), flush=True)

    def step(self, name):
        """Screenshot + page source of the current page, then the page checks."""
        self.step_number += 1
        stem = os.path.join(self.args.artifacts, "%02d-%s" % (self.step_number, name))
        self.driver.save_screenshot(stem + ".png")
        with open(stem + ".html", "w") as handle:
            handle.write(self.driver.page_source)
        self.log("step %s at %s" % (name, self.driver.current_url))
        self.checker.check(name)

    def text(self):
        """The visible text of the page."""
        return self.driver.find_element(By.TAG_NAME, "body").text

    def wait_for(self, what, predicate, timeout=30, reload=None):
        """Polls `predicate` (optionally reloading) until true or timeout."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if predicate():
                return
            time.sleep(0.5)
            if reload:
                self.driver.get(reload)
        raise AssertionError("timed out waiting for %s (at %s)" % (what, self.driver.current_url))

    def control(self, url, body=None):
        """POSTs JSON to a peer's control endpoint; the peer's answer."""
        request = urllib.request.Request(url, data=json.dumps(body or {}).encode(), method="POST",
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return json.loads(response.read())
        except urllib.error.HTTPError as error:
            raise AssertionError("%s answered %d: %s" % (url, error.code, error.read()[:500]))

    def wait_cart_up(self):
        """Waits until the cart answers /healthz."""
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.cart + "/healthz", timeout=5) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.5)
        raise AssertionError("the cart at %s never answered /healthz" % self.cart)

    def add_to_cart(self, attempts=10):
        """Clicks the market's add-to-cart button. The cart's inbox applies the product from its
        queue after answering 202, so until then the cart does not know the product: only that
        refusal is retried (and its 4xx forgiven), a second later."""
        for attempt in range(attempts):
            self.driver.find_element(By.CSS_SELECTOR, "#add-to-cart button[type=submit]").click()
            time.sleep(0.3)
            self.wait_for("an answer to add-to-cart", lambda: "added=1" in self.driver.current_url
                          or self.driver.current_url.startswith(self.cart))
            if "added=1" in self.driver.current_url:
                return
            self.log("attempt %d: the cart does not know the product yet (%s); retrying" % (attempt + 1, self.text()[:200]))
            self.driver.get_log("performance")
            time.sleep(1)
            self.driver.get(self.peers["product_page"])
        raise AssertionError("the cart never accepted the market's product")

    # ------------------------------------------------------------ the journey

    def run(self):
        """The journey; returns the paid order's id."""
        self.wait_cart_up()
        published = self.control(self.peers["market_origin"] + "/_control/publish")
        self.log("market published its product: cart answered %s" % published["status"])
        self.driver.get(self.peers["product_page"])
        self.step("market-product-page")
        self.add_to_cart()
        self.step("market-after-add")
        # The second cross-site add arrives without the Lax session cookie: the cart must still
        # put it in the same cart (it finishes the add on its own origin), not start another.
        self.add_to_cart()
        self.driver.get(self.cart + "/cart")
        quantities = [e.get_attribute("value") for e in self.driver.find_elements(By.CSS_SELECTOR, "input[name=quantity]")]
        self.step("cart-after-second-add")
        assert quantities == ["2"], "two sibling adds should make Oat milk x2 in one cart; the cart shows %s" % quantities
        self.driver.get(self.peers["product_page"])

        self.driver.find_element(By.ID, "handle-link").click()
        self.wait_for("the cart handle", lambda: "cart_handle=" in self.driver.current_url)
        handle = parse_qs(urlsplit(self.driver.current_url).query)["cart_handle"][0]
        assert self.driver.find_element(By.ID, "cart-handle").text == handle
        self.step("market-with-cart-handle")

        added = self.control(self.peers["calendar_origin"] + "/_control/add-entry", {"cart_handle": handle})
        entry_name = added["activity"]["object"]["name"]
        self.log("calendar added %s: cart answered %s" % (added["activity"]["object"]["id"], added["status"]))
        self.driver.get(self.cart + "/cart")
        self.wait_for("both lines in the anonymous cart", lambda: "Oat milk" in self.text() and entry_name in self.text(),
                      reload=self.cart + "/cart")
        self.step("cart-anonymous")

        user = self.peers["account_origin"] + "/users/" + USER
        seats = self.control(self.peers["calendar_origin"] + "/_control/add-ticket", {"customer": user, "quantity": 2})
        ticket_name = seats["activity"]["object"]["name"]
        self.log("calendar booked 2 x %s into %s's own cart: cart answered %s" % (ticket_name, USER, seats["status"]))

        self.driver.find_element(By.LINK_TEXT, "Sign in").click()
        self.wait_for("the account service's login page",
                      lambda: self.driver.current_url.startswith(self.peers["account_login_url"]))
        state = parse_qs(urlsplit(self.driver.current_url).query).get("state", [""])[0]
        assert state, "the cart sent no state to the account service"
        self.step("account-login")
        self.driver.find_element(By.ID, "user").send_keys(USER)
        self.driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
        self.wait_for("the cart after signing in", lambda: self.driver.current_url.startswith(self.cart)
                      and "Signed in as" in self.text())
        # The seats went through the inbox's queue: they may show a moment after the 202.
        self.wait_for("the merged cart (Oat milk, %s, %s)" % (entry_name, ticket_name),
                      lambda: all(line in self.text() for line in ("Oat milk", entry_name, ticket_name)),
                      reload=self.cart + "/cart")
        self.step("cart-signed-in-merged")

        adopted = self.control(self.peers["calendar_origin"] + "/_control/adopt", {"cart_handle": handle, "user": user})
        self.log("calendar sent rose:Adopt: cart answered %s" % adopted["status"])
        self.driver.get(self.cart + "/cart")
        body = self.text()
        assert all(line in body for line in ("Oat milk", entry_name, ticket_name)), "the cart changed after rose:Adopt:\n" + body
        self.step("cart-after-adopt")

        title = self.peers.get("page_title", "Market day")
        self.driver.find_element(By.XPATH, "//button[starts-with(normalize-space(.), 'Check out')]").click()
        self.wait_for("the payment page", lambda: "/pay/" in self.driver.current_url, timeout=45)
        self.step("payment-page")

        self.driver.find_element(By.XPATH, "//button[normalize-space(.)='Pay']").click()
        self.wait_for("the order page", lambda: re.search(r"/orders/[0-9a-fA-F-]{36}$", self.driver.current_url.split("?")[0]))
        order_url = self.driver.current_url.split("?")[0]
        order_id = order_url.rsplit("/", 1)[1].lower()
        self.wait_for("the order to read Paid", lambda: "Status: Paid." in self.text(), timeout=90)
        assert title in self.text(), "the order page does not name the page"
        self.step("order-paid")

        self.driver.get(self.cart + "/orders")
        self.step("orders-list")
        return order_id




def main():
    """Runs the journey, writes checks.json, prints the result and ORDER_ID."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cart-base", required=True)
    parser.add_argument("--peers", required=True, help="peers.json written by peers.py")
    parser.add_argument("--artifacts", required=True, help="folder for screenshots, page sources and the check report")
    args = parser.parse_args()
    journey = Journey(args)
    order_id, error = None, None
    try:
        order_id = journey.run()
    except Exception as caught:  # report, screenshot, and fail with the reason
        error = caught
        traceback.print_exc()
        try:
            journey.driver.save_screenshot(os.path.join(args.artifacts, "failure.png"))
            with open(os.path.join(args.artifacts, "failure.html"), "w") as handle:
                handle.write(journey.driver.page_source)
        except Exception:  # the browser itself may be gone
            pass
    finally:
        with open(os.path.join(args.artifacts, "checks.json"), "w") as handle:
            json.dump({"problems": journey.checker.problems, "links": journey.checker.checked_links,
                       "statuses": journey.checker.statuses, "error": str(error) if error else None}, handle, indent=1)
        journey.driver.quit()
    ok = error is None and not journey.checker.problems
    print("FLOW %s: %d pages, %d links checked, %d problems%s" % (
        "PASSED" if ok else "FAILED", journey.step_number, len(journey.checker.checked_links),
        len(journey.checker.problems), "" if error is None else ", error: %s" % error), flush=True)
    for problem in journey.checker.problems:
        print("  " + problem, flush=True)
    print("ORDER_ID=%s" % (order_id or ""), flush=True)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
