"""The account service: a login page that sends the browser back to the cart's callback with a
short-lived EdDSA token (iss, aud = cart base, sub = user IRI, nonce = the cart's state, iat,
exp = iat + 60, jti). Its public key is written as PEM for CART_ACCOUNT_KEY."""

import base64
import html
import json
import re
import sys
import time
import uuid
from urllib.parse import urlencode

import keys
from records import Recorder
from web import Response

NAME = re.compile(r"^[a-z0-9_]{1,32}$")


def b64url(data):
    """Base64url without padding (JWT encoding)."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


class AccountSite:
    """The account service's origin: login page, token issuing, user pages."""

    def __init__(self, origin, cart_base, state_dir):
        self.origin, self.cart_base = origin, cart_base.rstrip("/")
        self.issuer = origin
        self.login_url = origin + "/login"
        self.private_key = keys.new_ed25519()
        self.key_path = "%s/account-key.pem" % state_dir
        with open(self.key_path, "w") as handle:
            handle.write(keys.public_pem(self.private_key))
        self.issued = Recorder("%s/account.jsonl" % state_dir)

    def handle(self, request):
        """Routes one request."""
        if request.path == "/login" and request.method == "GET":
            return self.login_page(request.query.get("return_to", ""), request.query.get("state", ""))
        if request.path == "/login" and request.method == "POST":
            return self.login(request.form())
        if request.method == "GET" and request.path.startswith("/users/"):
            name = request.path[len("/users/"):]
            return Response.html(name, "<h1>%s</h1><p>A member of the cooperative.</p>" % html.escape(name))
        if request.method == "GET" and request.path == "/_control/log":
            return Response.json({"issued": self.issued.all()})
        return Response(404, "not found")

    def _return_ok(self, return_to):
        # Only the cart's own callback: an account service never hands tokens to other sites.
        return return_to == self.cart_base + "/auth/callback"

    def login_page(self, return_to, state, problem=""):
        """The labelled sign-in form, carrying the cart's return_to and state."""
        if not self._return_ok(return_to) or not state:
            return Response.html("Sign-in refused", "<h1>Sign-in refused</h1><p>Start signing in from the shop.</p>", status=400)
        e = html.escape
        body = """<main><h1>Sign in to the cooperative</h1>{problem}
<form method="post" action="/login">
<input type="hidden" name="return_to" value="{return_to}">
<input type="hidden" name="state" value="{state}">
<label for="user">User name</label> <input id="user" name="user" autocomplete="username" required>
<button type="submit">Sign in</button>
</form></main>""".format(problem=problem, return_to=e(return_to), state=e(state))
        return Response.html("Sign in", body)

    def login(self, form):
        """Checks the form and sends the browser back to the cart with a token."""
        return_to, state, user = form.get("return_to", ""), form.get("state", ""), form.get("user", "").strip()
        if not NAME.match(user):
            return self.login_page(return_to, state, '<p role="alert">A user name is 1-32 lower-case letters, digits or _.</p>')
        if not self._return_ok(return_to) or not state:
            return Response.html("Sign-in refused", "<h1>Sign-in refused</h1>", status=400)
        token = self.token(self.origin + "/users/" + user, state)
        return Response.redirect(return_to + "?" + urlencode({"token": token}))

    def token(self, subject, nonce):
        """A compact EdDSA JWT for `subject` with the cart's state as nonce."""
        now = int(time.time())
        claims = {"iss": self.issuer, "aud": self.cart_base, "sub": subject, "nonce": nonce,
                  "iat": now, "exp": now + 60, "jti": str(uuid.uuid4())}
        header = {"alg": "EdDSA", "typ": "JWT"}
        signing_input = b64url(json.dumps(header).encode()) + "." + b64url(json.dumps(claims).encode())
        signature = self.private_key.sign(signing_input.encode())
        self.issued.add(sub=subject, jti=claims["jti"], nonce=nonce)
        return signing_input + "." + b64url(signature)

    def access_log(self, line):
        print("[account] %s" % line, file=sys.stderr, flush=True)

    def log_error(self, request, error):
        print("[account] ERROR %s: %r" % (request.target, error), file=sys.stderr, flush=True)
