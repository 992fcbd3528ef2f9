"""HTTP signatures written from the specs (draft-cavage-12 and RFC 9421), independent of the
Swift signer on purpose: the point of the end-to-end suite is that somebody else's reading of
the contract agrees with ours. Signing is in signing.py, verifying in verifying.py."""

from signing import http_date, sha256_b64, sign_cavage, sign_rfc9421  # noqa: F401
from verifying import (Received, SignatureError, check_body_digest, scheme_of, signature_ok,  # noqa: F401
                       signature_parts, verify)

__all__ = ["http_date", "sha256_b64", "sign_cavage", "sign_rfc9421",
           "Received", "SignatureError", "check_body_digest", "scheme_of", "signature_ok", "signature_parts", "verify"]
