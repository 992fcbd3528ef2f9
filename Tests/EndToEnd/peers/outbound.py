"""What a peer sends to the cart: signed POSTs to its inbox (normal activities, follows, and
deliberately broken probes) and signed GETs of the cart's documents. Mixed into ActorSite."""

import json
import time
import urllib.error
import urllib.request

import httpsig
import keys
import vocab
from web import Response


class Outbound:
    """Needs: origin, actor, key_id, private_key, send_scheme, cart_base, sent, _cart_inbox."""

    def follow_cart(self):
        """Follows the cart's actor (only on request: by default the peers are not followers)."""
        follow = vocab.activity(self.origin, self.actor, "Follow", self.cart_base + "/actor")
        self._follow = follow
        return self.answer(follow, self.send(follow))

    def unfollow_cart(self):
        """Undo of our last Follow."""
        follow = getattr(self, "_follow", None)
        if follow is None:
            return Response.json({"error": "not following"}, status=409)
        undo = vocab.activity(self.origin, self.actor, "Undo", {k: v for k, v in follow.items() if k != "@context"})
        return self.answer(undo, self.send(undo))

    @staticmethod
    def answer(activity, status):
        """A control endpoint's answer: the cart's status and what was sent; 502 unless 202."""
        return Response.json({"status": status, "activity": activity}, status=200 if status == 202 else 502)

    def cart_inbox(self):
        """The cart's shared inbox (or inbox), read once from its actor document."""
        if self._cart_inbox is None:
            request = urllib.request.Request(self.cart_base + "/actor", headers={"Accept": "application/activity+json"})
            with urllib.request.urlopen(request, timeout=10) as response:
                document = json.loads(response.read())
            self._cart_inbox = document.get("endpoints", {}).get("sharedInbox") or document["inbox"]
        return self._cart_inbox

    def probe(self, body):
        """Sends a deliberately odd request to the cart's inbox and answers the cart's status:
        `activity` (default: a Like of the cart's actor from us), `raw` (a body string instead),
        `content_type`, `sign` (default true), `tamper`: "digest" (sign, then change the body's
        digest), "date" (a Date two hours old), "key" (sign with a key the actor does not publish)."""
        activity = body.get("activity") or vocab.activity(self.origin, self.actor, "Like", self.cart_base + "/actor")
        raw = body["raw"].encode() if "raw" in body else json.dumps(activity).encode()
        tamper = body.get("tamper", "none")
        status = self.send(activity, raw=raw, content_type=body.get("content_type", "application/activity+json"),
                           sign=body.get("sign", True), tamper=tamper, probe=tamper)
        return Response.json({"status": status, "activity": activity})

    def send(self, activity, raw=None, content_type="application/activity+json", sign=True, tamper="none", **note):
        """POSTs the activity signed to the cart's inbox; records and returns the cart's status.
        The keyword arguments exist for probes (deliberately broken requests)."""
        url = self.cart_inbox()
        body = raw if raw is not None else json.dumps(activity).encode()
        signer = httpsig.sign_rfc9421 if self.send_scheme == "rfc9421" else httpsig.sign_cavage
        key = keys.new_rsa() if tamper == "key" else self.private_key
        now = time.time() - 7200 if tamper == "date" else None
        headers = signer("POST", url, body, self.key_id, key, now=now) if sign else {}
        if tamper == "digest":
            body = body + b" "
        headers["Content-Type"] = content_type
        headers.pop("Host", None)
        request = urllib.request.Request(url, data=body, method="POST", headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=15) as response:
                status, answer = response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            status, answer = error.code, error.read().decode("utf-8", "replace")
        self.sent.add(inbox=url, status=status, scheme=self.send_scheme, answer=answer[:500], activity=activity, **note)
        return status

    def signed_fetch(self, url):
        """A GET of `url` signed by this actor (an authorised reader's fetch of /activities/{id},
        /orders/{id}, /outbox); answers {"status", "content_type", "body"}."""
        if not url.startswith(self.cart_base + "/"):
            return Response.json({"error": "only the cart's URLs"}, status=400)
        signer = httpsig.sign_rfc9421 if self.send_scheme == "rfc9421" else httpsig.sign_cavage
        headers = signer("GET", url, b"", self.key_id, self.private_key)
        headers.pop("Host", None)
        try:
            with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=15) as response:
                status, kind, body = response.status, response.headers.get("Content-Type"), response.read()
        except urllib.error.HTTPError as error:
            status, kind, body = error.code, error.headers.get("Content-Type"), error.read()
        text = body.decode("utf-8", "replace")
        try:
            parsed = json.loads(text)
        except ValueError:
            parsed = text[:2000]
        return Response.json({"status": status, "content_type": kind, "body": parsed})

