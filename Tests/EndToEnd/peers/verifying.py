"""Verifying received requests' signatures (draft-cavage-12 and RFC 9421), digests and time
windows, as contract §3 asks of every receiver."""

import base64
import email.utils
import re
import time

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ed25519, padding, rsa

from signing import sha256_b64

WINDOW_SECONDS = 3600


class SignatureError(Exception):
    """Why a request's signature was refused (answered 401)."""

class Received:
    """What the verifier needs of a received request: method, path with query, lower-cased
    headers, raw body, and the origin we serve (scheme://host:port) for @target-uri."""

    def __init__(self, method, target, headers, body, origin):
        self.method, self.target, self.body, self.origin = method.upper(), target, body, origin
        self.headers = {k.lower(): v for k, v in headers.items()}


def scheme_of(request):
    """cavage, rfc9421 or None (unsigned)."""
    if "signature-input" in request.headers:
        return "rfc9421"
    if "signature" in request.headers:
        return "cavage"
    return None


def verify(request, resolve_key, allowed=("cavage", "rfc9421")):
    """Verifies the request; returns (scheme, key_id). `resolve_key(key_id, refresh)` returns a
    public key object. Raises SignatureError with the reason."""
    scheme = scheme_of(request)
    if scheme is None:
        raise SignatureError("unsigned")
    if scheme not in allowed:
        raise SignatureError("scheme %s not accepted here" % scheme)
    if request.method == "POST":
        check_body_digest(request)
    key_id, base, signature, algorithm = signature_parts(request)
    for refresh in (False, True):
        key = resolve_key(key_id, refresh)
        if signature_ok(key, algorithm, base, signature):
            return scheme, key_id
    raise SignatureError("signature does not verify with %s" % key_id)


def signature_parts(request, policy=True):
    """(key_id, signature base, signature bytes, algorithm) of the request's signature. With
    `policy` false only the cryptography's inputs are derived: no time window and no required
    coverage (for published test vectors, which are old and sign GET-style component sets)."""
    checker = _verify_cavage if scheme_of(request) == "cavage" else _verify_rfc9421
    return checker(request, policy)


def check_body_digest(request):
    """Digest or Content-Digest must match the raw body (SHA-256)."""
    digest = request.headers.get("digest")
    content_digest = request.headers.get("content-digest")
    expected = sha256_b64(request.body)
    if digest:
        for part in digest.split(","):
            name, _, value = part.strip().partition("=")
            if name.lower() == "sha-256":
                if value != expected:
                    raise SignatureError("Digest does not match the body")
                return
    if content_digest:
        match = re.search(r"sha-256=:([^:]*):", content_digest, re.I)
        if match:
            if match.group(1) != expected:
                raise SignatureError("Content-Digest does not match the body")
            return
    raise SignatureError("POST without a SHA-256 Digest or Content-Digest")


def _check_window(created):
    if abs(time.time() - created) > WINDOW_SECONDS:
        raise SignatureError("signature time outside the window")


def _params(text):
    """Parses `a="b",c="d"` (cavage) into a dict; quoted values may hold commas."""
    return {m.group(1).lower(): m.group(2) for m in re.finditer(r'\s*([A-Za-z]+)="((?:[^"\\]|\\.)*)"\s*,?', text)}


def _verify_cavage(request, policy):
    params = _params(request.headers["signature"])
    for needed in ("keyid", "signature"):
        if needed not in params:
            raise SignatureError("Signature header lacks %s" % needed)
    names = params.get("headers", "date").lower().split()
    lines = []
    for name in names:
        if name == "(request-target)":
            lines.append("(request-target): %s %s" % (request.method.lower(), request.target))
        elif name in ("(created)", "(expires)"):
            lines.append("%s: %s" % (name, params.get(name.strip("()"), "")))
        elif name in request.headers:
            lines.append("%s: %s" % (name, request.headers[name].strip()))
        else:
            raise SignatureError("signed header %s missing" % name)
    if policy:
        _cavage_policy(request, names, params)
    algorithm = params.get("algorithm", "hs2019").lower()
    return params["keyid"], "\n".join(lines), base64.b64decode(params["signature"]), algorithm


def _cavage_policy(request, names, params):
    """What contract §3 asks beyond a valid signature: a POST covers its digest, and the
    signature's time (Date or created) is within the window."""
    if request.method == "POST" and "digest" not in names:
        raise SignatureError("POST signature does not cover digest")
    if "date" in names:
        _check_window(email.utils.parsedate_to_datetime(request.headers["date"]).timestamp())
    elif "created" in params:
        _check_window(int(params["created"]))
    else:
        raise SignatureError("neither date nor (created) signed")


def _split_members(text):
    """Top-level members of a structured dictionary (commas outside quotes/parentheses)."""
    members, depth, quoted, start = [], 0, False, 0
    for i, ch in enumerate(text):
        if quoted:
            if ch == '"' and text[i - 1] != "\\":
                quoted = False
        elif ch == '"':
            quoted = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "," and depth == 0:
            members.append(text[start:i].strip())
            start = i + 1
    members.append(text[start:].strip())
    return dict(m.split("=", 1) for m in members if "=" in m)


def _verify_rfc9421(request, policy):
    inputs = _split_members(request.headers["signature-input"])
    values = _split_members(request.headers.get("signature", ""))
    label = next((name for name in inputs if name in values), None)
    if label is None:
        raise SignatureError("no label in both Signature-Input and Signature")
    params_text = inputs[label]
    match = re.match(r"\(([^)]*)\)(.*)", params_text)
    if not match:
        raise SignatureError("Signature-Input member is not an inner list")
    components = re.findall(r'"([^"]*)"', match.group(1))
    parameters = dict(re.findall(r';([a-z]+)=("[^"]*"|[0-9]+)', match.group(2)))
    key_id = parameters.get("keyid", "").strip('"')
    if not key_id:
        raise SignatureError("no keyid")
    if policy and "created" not in parameters:
        raise SignatureError("no created")
    if policy:
        _check_window(int(parameters["created"]))
    if policy and request.method == "POST" and "content-digest" not in components:
        raise SignatureError("POST signature does not cover content-digest")
    lines = []
    for component in components:
        lines.append('"%s": %s\n' % (component, _component(request, component)))
    base = "".join(lines) + '"@signature-params": ' + params_text
    signature = base64.b64decode(values[label].strip().strip(":"))
    return key_id, base, signature, parameters.get("alg", '"rsa-v1_5-sha256"').strip('"')


def _component(request, name):
    path, _, query = request.target.partition("?")
    derived = {
        "@method": request.method,
        "@target-uri": request.origin + request.target,
        "@authority": request.headers.get("host", "").lower(),
        "@scheme": request.origin.split(":", 1)[0],
        "@request-target": request.target,
        "@path": path,
        "@query": "?" + query,
    }
    if name in derived:
        return derived[name]
    if name not in request.headers:
        raise SignatureError("covered field %s missing" % name)
    return request.headers[name].strip()


def signature_ok(key, algorithm, base, signature):
    """Whether `signature` over `base` verifies with the public `key` for `algorithm`."""
    try:
        if isinstance(key, ed25519.Ed25519PublicKey):
            key.verify(signature, base.encode())
        elif isinstance(key, rsa.RSAPublicKey):
            if algorithm in ("rsa-pss-sha512",):
                key.verify(signature, base.encode(), padding.PSS(padding.MGF1(hashes.SHA512()), 64), hashes.SHA512())
            else:
                key.verify(signature, base.encode(), padding.PKCS1v15(), hashes.SHA256())
        else:
            return False
        return True
    except InvalidSignature:
        return False
