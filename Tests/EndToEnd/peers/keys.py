"""Keys made at start (never written except the account service's PUBLIC key), and the
resolver that fetches a signer's public key from its actor document."""

import json
import threading
import urllib.request

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, rsa

import httpsig


def new_rsa():
    """A fresh RSA-2048 private key."""
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def new_ed25519():
    """A fresh Ed25519 private key."""
    return ed25519.Ed25519PrivateKey.generate()


def public_pem(private_key):
    """The SubjectPublicKeyInfo PEM of a private key's public half."""
    return private_key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()


class KeyResolver:
    """keyId -> public key, fetched with an unsigned GET of the key's document (the cart's
    `/actor` is readable without a signature), cached, fetched again when asked to refresh.
    Also remembers each key's owner so the inbox can check it against the activity's actor."""

    def __init__(self):
        self._lock = threading.Lock()
        self._keys = {}
        self.fetches = 0

    def owner(self, key_id):
        """The owner the key's document named, once fetched."""
        with self._lock:
            entry = self._keys.get(key_id)
        return entry[1] if entry else None

    def __call__(self, key_id, refresh=False):
        with self._lock:
            entry = self._keys.get(key_id)
        if entry and not refresh:
            return entry[0]
        document_url = key_id.split("#", 1)[0]
        request = urllib.request.Request(document_url, headers={"Accept": "application/activity+json"})
        with urllib.request.urlopen(request, timeout=10) as response:
            document = json.loads(response.read())
        self.fetches += 1
        entry = self._find(document, key_id)
        with self._lock:
            self._keys[key_id] = entry
        return entry[0]

    @staticmethod
    def _find(document, key_id):
        candidates = document.get("publicKey", [])
        if isinstance(candidates, dict):
            candidates = [candidates]
        if document.get("id") == key_id and "publicKeyPem" in document:
            candidates = [document]
        for candidate in candidates:
            if candidate.get("id") == key_id and "publicKeyPem" in candidate:
                key = serialization.load_pem_public_key(candidate["publicKeyPem"].encode())
                return key, candidate.get("owner")
        raise httpsig.SignatureError("no publicKey %s in %s" % (key_id, document.get("id")))
