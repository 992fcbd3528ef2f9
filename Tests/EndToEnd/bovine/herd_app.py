"""bovine-herd as the end-to-end suite's real fediverse follower (served by hypercorn).

Unmodified bovine-herd 0.5.19 (inbox/outbox processing, HTTP signature checks, 401 for unsigned
GETs, an instance actor `/activitypub/bovine` that signs its own key fetches), with two things
around it that a test needs:

* JSON-LD contexts are served offline: pyld's document loader answers the contexts ActivityPub
  software uses from ./contexts/, fetches loopback URLs (a peer's own context) for real, and
  refuses anything else (logged to $BOVINE_E2E_STATE/contexts-refused.log; the run script
  asserts it stays empty).
* Every POST that bovine accepted at an inbox (signature verified by bovine itself) is also written
  to $BOVINE_E2E_STATE/received-bovine.jsonl with the inbox owner and the verified signer, so
  a test can tell what reached whom even before bovine's asynchronous processing stores it.

Environment: BOVINE_E2E_STATE (folder, required), BOVINE_DB_URL (default sqlite in that folder).
"""

import datetime
import json
import logging
import os
import pathlib
import threading

from pyld import jsonld

import bovine.jsonld  # noqa: F401  (sets bovine's loader, which we replace below)
from bovine.jsonld import activitystreams_context, bovine_context, bovine_context_name
from quart import Quart, g, request

from bovine_herd import BovineHerd
from bovine_herd.add_to_queue import add_to_queue
from bovine_process import process_inbox_item
from bovine_process.utils import ProcessorList

STATE = pathlib.Path(os.environ["BOVINE_E2E_STATE"])
CONTEXTS = pathlib.Path(__file__).resolve().parent / "contexts"
OFFLINE_CONTEXTS = {
    "https://w3id.org/security/v1": "security-v1.jsonld",
    "https://www.w3.org/ns/did/v1": "did-v1.jsonld",
    "https://w3id.org/security/multikey/v1": "multikey-v1.jsonld",
}
_lock = threading.Lock()
logger = logging.getLogger("e2e.herd")


def _append(name: str, record: dict) -> None:
    """Appends one JSON line to a file in the state folder (thread-safe: pyld may run in threads)."""
    with _lock, open(STATE / name, "a", encoding="utf-8") as out:
        out.write(json.dumps(record, sort_keys=True) + "\n")


def _document(url: str, context) -> dict:
    return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url,
            "document": {"@context": context}}


def offline_loader(url, options=None, **kwargs):
    """pyld document loader: local files, bovine's built-ins, loopback, else refusal."""
    base = url.split("#")[0]
    if base == bovine_context_name:
        return _document(url, bovine_context)
    if base == "https://www.w3.org/ns/activitystreams":
        return _document(url, activitystreams_context)
    if base.startswith("http://joinmastodon.org/ns"):
        return _document(url, [])  # as bovine does: Mastodon's namespace is not a context document
    if base in OFFLINE_CONTEXTS:
        with open(CONTEXTS / OFFLINE_CONTEXTS[base], encoding="utf-8") as source:
            return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url,
                    "document": json.load(source)}
    if base.startswith("http://127.") or base.startswith("http://[::1]"):
        import requests  # loopback only: a peer's own context, e.g. the cart's /ns
        answer = requests.get(base, headers={"Accept": "application/ld+json"}, timeout=10)
        answer.raise_for_status()
        return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url,
                "document": answer.json()}
    _append("contexts-refused.log", {"url": url})
    raise jsonld.JsonLdError("offline: no local copy of context " + url, "jsonld.LoadDocumentError",
                             {"url": url}, code="loading remote context failed")


jsonld.set_document_loader(offline_loader)


def _recording_inbox_task(app: Quart):
    """bovine's default inbox background task, after writing what arrived to received-bovine.jsonl."""

    async def start(item, actor):
        _append("received-bovine.jsonl", {
            "at": datetime.datetime.now(datetime.timezone.utc).isoformat(),
            "inbox_owner": actor.actor_object.id,
            "signer": item.submitter,
            "activity": item.data,
        })
        app.add_background_task(ProcessorList(process_inbox_item, add_to_queue).__call__, item, actor)

    return start


app = Quart(__name__)
BovineHerd(app, start_background_task_inbox=_recording_inbox_task(app),
           db_url=os.environ.get("BOVINE_DB_URL", f"sqlite://{STATE / 'bovine.sqlite3'}"))


@app.after_request
async def _log_request(response):
    """One line per request (method, path, status, verified requester) for the artifacts."""
    _append("herd-requests.jsonl", {
        "at": datetime.datetime.now(datetime.timezone.utc).isoformat(),
        "method": request.method, "path": request.path, "status": response.status_code,
        "requester": g.get("retriever"), "signature": "signature" in request.headers,
    })
    return response

