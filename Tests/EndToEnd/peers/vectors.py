#!/usr/bin/env python3
"""Checks the peers' verifier against published test vectors (the public keys and requests in
Tests/ActorTests/Fixtures, see SOURCES.md there): draft-cavage-12 Appendix C.1-C.3, RFC 9421
B.2.6 (ed25519) and §4.3 (rsa-v1_5-sha256, with the RFC's signature base compared byte for byte).
Each vector must verify, and must stop verifying when one covered header changes.
Also signs and verifies a round trip with signing.py for both schemes. Exit 0 only if all hold."""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from cryptography.hazmat.primitives import serialization  # noqa: E402

import httpsig  # noqa: E402
import keys  # noqa: E402

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "ActorTests", "Fixtures")


def fixture(name):
    """Bytes of a file in Tests/ActorTests/Fixtures."""
    with open(os.path.join(FIXTURES, name), "rb") as handle:
        return handle.read()


def public_key(name):
    """The public key of a PEM fixture."""
    data = fixture(name)
    if b"PRIVATE KEY" in data:  # draft-cavage-12 publishes only its private test key
        return serialization.load_pem_private_key(data, password=None).public_key()
    return serialization.load_pem_public_key(data)


def request(vector, headers):
    """A received request built from a vector."""
    return httpsig.Received(vector["method"], vector["path"], dict(headers), vector["body"].encode(), vector["baseURL"])


def check(name, vector, headers, key, expected_base=None):
    """The vector verifies; the same request with its Date (or Content-Type) changed does not."""
    results = []
    key_id, base, signature, algorithm = httpsig.signature_parts(request(vector, headers), policy=False)
    results.append(("%s verifies" % name, httpsig.signature_ok(key, algorithm, base, signature)))
    if expected_base is not None:
        results.append(("%s signature base is the RFC's, byte for byte" % name, base == expected_base))
    changed = [(k, v + "x") if k.lower() in ("date", "content-type") else (k, v) for k, v in headers]
    _, base2, _, _ = httpsig.signature_parts(request(vector, changed), policy=False)
    if base2 != base:
        results.append(("%s fails once a covered header changes" % name, not httpsig.signature_ok(key, algorithm, base2, signature)))
    return results


def round_trip():
    """signing.py's output verifies, and a changed body does not."""
    key = keys.new_rsa()
    url = "http://127.0.0.1:8080/inbox"
    body = b'{"type": "Like"}'
    results = []
    for scheme, signer in (("cavage", httpsig.sign_cavage), ("rfc9421", httpsig.sign_rfc9421)):
        headers = signer("POST", url, body, "http://peer.example/actor#main-key", key)
        received = httpsig.Received("POST", "/inbox", headers, body, "http://127.0.0.1:8080")
        ok = httpsig.verify(received, lambda key_id, refresh: key.public_key())[0] == scheme
        tampered = httpsig.Received("POST", "/inbox", headers, body + b" ", "http://127.0.0.1:8080")
        try:
            httpsig.verify(tampered, lambda key_id, refresh: key.public_key())
            refused = False
        except httpsig.SignatureError:
            refused = True
        results += [("signing.py %s round trip verifies" % scheme, ok), ("a changed body is refused (%s)" % scheme, refused)]
    return results


def main():
    """Runs every vector; exit status says whether all passed."""
    results = []
    cavage = json.loads(fixture("cavage12-appendix-c.json"))
    cavage_key = public_key("cavage12-test-key.pem")
    for case in cavage["cases"]:
        headers = cavage["headers"] + [["Signature", case["signatureHeader"]]]
        results += check("draft-cavage-12 " + case["name"], cavage, headers, cavage_key)
    for name, key_file in (("rfc9421-b26", "rfc9421-test-key-ed25519.pub.pem"), ("rfc9421-4.3-proxy", "rfc9421-test-key-rsa.pub.pem")):
        vector = json.loads(fixture(name + ".json"))
        base = fixture(vector["signatureBaseFile"]).decode().rstrip("\n")
        results += check(vector["source"].split(" (")[0], vector, vector["headers"], public_key(key_file), base)
    results += round_trip()
    for text, ok in results:
        print("%s %s" % ("PASS" if ok else "FAIL", text))
    passed = all(ok for _, ok in results)
    print("VECTORS %s: %d checks" % ("PASSED" if passed else "FAILED", len(results)))
    sys.exit(0 if passed else 1)


if __name__ == "__main__":
    main()
