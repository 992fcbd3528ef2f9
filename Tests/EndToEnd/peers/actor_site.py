"""What the calendar and the market have in common: an actor document with an RSA key,
WebFinger, an inbox that verifies the cart's signatures and records every POST, and a signed
sender to the cart's inbox. Subclasses add their own activities and pages."""

import json
import sys
import threading
import urllib.error
from urllib.parse import urlsplit

import httpsig
import keys
import vocab
from outbound import Outbound
from records import Recorder
from web import Response


class ActorSite(Outbound):
    """One actor's origin (calendar or market): documents, inbox, records."""

    def __init__(self, role, origin, cart_base, state_dir, accept_schemes, send_scheme, resolver):
        self.role, self.origin, self.cart_base = role, origin, cart_base.rstrip("/")
        self.actor = origin + "/actor"
        self.key_id = self.actor + "#main-key"
        self.private_key = keys.new_rsa()
        self.accept_schemes, self.send_scheme, self.resolver = accept_schemes, send_scheme, resolver
        self.received = Recorder("%s/received-%s.jsonl" % (state_dir, role))
        self.sent = Recorder("%s/sent-%s.jsonl" % (state_dir, role))
        self._cart_inbox = None
        self._seen = set()
        self._seen_lock = threading.Lock()

    # ------------------------------------------------------------ serving

    def handle(self, request):
        """Routes one request: shared endpoints first, then the subclass's."""
        if request.method == "POST" and request.path == "/inbox":
            return self.inbox(request)
        if request.method == "GET" and request.path == "/actor":
            return Response.json(self.document(), content_type="application/activity+json")
        if request.method == "GET" and request.path == "/.well-known/webfinger":
            return self.webfinger(request)
        if request.method == "GET" and request.path == "/_control/log":
            return Response.json({"received": self.received.all(), "sent": self.sent.all()})
        if request.method == "POST" and request.path == "/_control/follow":
            return self.follow_cart()
        if request.method == "POST" and request.path == "/_control/unfollow":
            return self.unfollow_cart()
        if request.method == "POST" and request.path == "/_control/fetch":
            return self.signed_fetch(request.json().get("url", ""))
        if request.method == "POST" and request.path == "/_control/probe":
            return self.probe(request.json())
        return self.handle_more(request)

    def handle_more(self, request):
        """The subclass's own endpoints (404 here)."""
        return Response(404, "not found")

    def document(self):
        """The actor document with its RSA public key."""
        return {"@context": ["https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"],
                "id": self.actor, "type": "Service", "preferredUsername": self.role,
                "name": "%s service (end-to-end peer)" % self.role.title(),
                "inbox": self.origin + "/inbox", "outbox": self.origin + "/outbox",
                "endpoints": {"sharedInbox": self.origin + "/inbox"},
                "publicKey": {"id": self.key_id, "owner": self.actor, "publicKeyPem": keys.public_pem(self.private_key)}}

    def webfinger(self, request):
        """JRD for acct:ROLE@HOST."""
        host = urlsplit(self.origin).netloc
        if request.query.get("resource") != "acct:%s@%s" % (self.role, host):
            return Response(404, "unknown resource")
        return Response.json({"subject": "acct:%s@%s" % (self.role, host),
                              "links": [{"rel": "self", "type": "application/activity+json", "href": self.actor}]},
                             content_type="application/jrd+json")

    def inbox(self, request):
        """Verifies, records and answers one POST to the inbox (202, 400 or 401)."""
        received = httpsig.Received("POST", request.target, request.headers, request.body, self.origin)
        scheme = httpsig.scheme_of(received)
        try:
            activity = json.loads(request.body)
        except ValueError:
            self.received.add(status=400, scheme=scheme, verified=False, error="body is not JSON", body=request.body.decode("utf-8", "replace"))
            return Response(400, "body is not JSON")
        try:
            scheme, key_id = httpsig.verify(received, self.resolver, self.accept_schemes)
            owner = self.resolver.owner(key_id)
            if owner != activity.get("actor"):
                raise httpsig.SignatureError("key owner %s is not the actor %s" % (owner, activity.get("actor")))
        except (httpsig.SignatureError, urllib.error.URLError, ValueError, KeyError) as error:
            self.received.add(status=401, scheme=scheme, verified=False, error=str(error), activity=activity,
                              key_id=self._claimed_key(received))
            return Response(401, "signature refused: %s" % error)
        with self._seen_lock:
            repeat = activity.get("id") in self._seen
            self._seen.add(activity.get("id"))
        self.received.add(status=202, scheme=scheme, verified=True, key_id=key_id, repeat=repeat, activity=activity,
                          headers=self._signature_headers(request))
        if not repeat:
            threading.Thread(target=self._react, args=(activity,), daemon=True).start()
        return Response(202, "")

    @staticmethod
    def _signature_headers(request):
        """The headers a signature covers or describes (for the record and the docs' examples)."""
        wanted = ("host", "date", "digest", "content-digest", "content-type", "signature", "signature-input")
        return {k: v for k, v in request.headers.items() if k.lower() in wanted}

    @staticmethod
    def _claimed_key(received):
        text = received.headers.get("signature-input") or received.headers.get("signature") or ""
        start = text.lower().find("keyid=\"")
        return text[start + 7:text.find("\"", start + 7)] if start >= 0 else None

    def _react(self, activity):
        try:
            if activity.get("type") == "Follow":
                follow = {k: v for k, v in activity.items() if k != "@context"}
                self.send(vocab.activity(self.origin, self.actor, "Accept", follow, to=[activity.get("actor")]))
            else:
                self.react(activity)
        except Exception as error:  # the record shows it; the inbox already answered
            self.log_error(None, error)

    def react(self, activity):
        """Subclasses answer the activities they care about."""

    # ------------------------------------------------------------ logs

    def access_log(self, line):
        print("[%s] %s" % (self.role, line), file=sys.stderr, flush=True)

    def log_error(self, request, error):
        print("[%s] ERROR %s: %r" % (self.role, request.target if request else "-", error), file=sys.stderr, flush=True)
