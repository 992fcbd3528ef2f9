"""Signing requests as draft-cavage-12 and RFC 9421 describe them (written from the specs,
not from the Swift signer)."""

import base64
import email.utils
import hashlib
import time
from urllib.parse import urlsplit

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding


def sha256_b64(body):
    """Base64 of the body's SHA-256."""
    return base64.b64encode(hashlib.sha256(body).digest()).decode()


def http_date(now=None):
    """An HTTP date (RFC 7231) for `now` or the current time."""
    return email.utils.formatdate(now if now is not None else time.time(), usegmt=True)


def sign_cavage(method, url, body, key_id, private_key, now=None):
    """Headers to add: Date, Digest (POST) and Signature over
    `(request-target) host date digest` (POST) or `(request-target) host date accept` (GET)."""
    parts = urlsplit(url)
    target = parts.path + (("?" + parts.query) if parts.query else "")
    headers = {"Host": parts.netloc, "Date": http_date(now)}
    names = ["(request-target)", "host", "date"]
    if method.upper() == "POST":
        headers["Digest"] = "SHA-256=" + sha256_b64(body)
        names.append("digest")
    else:
        headers["Accept"] = "application/activity+json"
        names.append("accept")
    lines = []
    for name in names:
        if name == "(request-target)":
            lines.append("(request-target): %s %s" % (method.lower(), target))
        else:
            lines.append("%s: %s" % (name, headers[name.title()]))
    signature = private_key.sign("\n".join(lines).encode(), padding.PKCS1v15(), hashes.SHA256())
    headers["Signature"] = 'keyId="%s",algorithm="rsa-sha256",headers="%s",signature="%s"' % (
        key_id, " ".join(names), base64.b64encode(signature).decode())
    return headers


def sign_rfc9421(method, url, body, key_id, private_key, now=None):
    """Headers to add: Content-Digest (POST), Signature-Input and Signature (label sig1,
    rsa-v1_5-sha256 over @method @target-uri [content-digest], with created and keyid)."""
    created = int(now if now is not None else time.time())
    headers = {"Host": urlsplit(url).netloc}
    components = ["@method", "@target-uri"]
    values = {"@method": method.upper(), "@target-uri": url}
    if method.upper() == "POST":
        headers["Content-Digest"] = "sha-256=:%s:" % sha256_b64(body)
        components.append("content-digest")
        values["content-digest"] = headers["Content-Digest"]
    else:
        headers["Accept"] = "application/activity+json"
    params = "(%s);created=%d;keyid=\"%s\";alg=\"rsa-v1_5-sha256\"" % (
        " ".join('"%s"' % c for c in components), created, key_id)
    base = "".join('"%s": %s\n' % (c, values[c]) for c in components) + '"@signature-params": ' + params
    signature = private_key.sign(base.encode(), padding.PKCS1v15(), hashes.SHA256())
    headers["Signature-Input"] = "sig1=" + params
    headers["Signature"] = "sig1=:%s:" % base64.b64encode(signature).decode()
    return headers


