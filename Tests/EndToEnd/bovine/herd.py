"""Operator and client side of the bovine-herd follower, for Tests/EndToEnd/run.

  herd.py setup  --state DIR --domain http://127.0.0.2:PORT   create bovine's tables and two actors:
                 "follower" (will follow the cart) and "bystander" (never follows anyone); each gets a
                 did:key for Moo-Auth-1, bovine's own client authentication. Writes DIR/bovine-actors.json.
  herd.py follow --state DIR --handle acct:cart@HOST          as "follower": resolve the handle through
                 bovine's proxyUrl (the server does WebFinger, then a signed GET of the actor) and POST a
                 Follow to the follower's outbox; bovine signs and delivers it. Prints the actor IRI.
  herd.py wait-following --state DIR --actor IRI [--timeout S] waits until bovine recorded the Accept
                 (the cart appears in the follower's `following` collection).
  herd.py inbox  --state DIR --name follower                  prints the actor's inbox as bovine stored it,
                 oldest first, one JSON object per line (read through the owner's authenticated GETs).

Everything goes through bovine-herd's HTTP interface as its own clients do (Moo-Auth-1); nothing
reads bovine's database behind its back except `setup`, which is bovine_store's admin API.
"""

import argparse
import asyncio
import json
import pathlib
import sys
import time

import aiohttp

from bovine import BovineClient
from bovine.crypto import generate_ed25519_private_key, private_key_to_did_key
from bovine_store import bovine_admin_store
from tortoise import Tortoise

ACTORS = "bovine-actors.json"


def _actors(state: pathlib.Path) -> dict:
    return json.loads((state / ACTORS).read_text())


async def setup(state: pathlib.Path, domain: str) -> None:
    """Creates the tables and the two actors, each with a did:key secret for Moo-Auth-1."""
    db_url = f"sqlite://{state / 'bovine.sqlite3'}"
    actors = {}
    async with bovine_admin_store(db_url=db_url, domain=domain) as store:
        await Tortoise.generate_schemas()
        for handle in ["follower", "bystander"]:
            bovine_name = await store.register(handle)
            secret = generate_ed25519_private_key()
            did_key = private_key_to_did_key(secret)
            await store.add_identity_string_to_actor(bovine_name, "e2e-client", did_key)
            actor = await store.actor_for_name(bovine_name)
            actors[handle] = {"bovine_name": bovine_name, "actor_id": actor.actor_object.id,
                              "secret": secret, "did_key": did_key}
    (state / ACTORS).write_text(json.dumps({"domain": domain, "actors": actors}, indent=1))
    (state / ACTORS).chmod(0o600)
    for handle, actor in actors.items():
        print(f"{handle} {actor['actor_id']}")


async def _client(state: pathlib.Path, name: str, session: aiohttp.ClientSession) -> BovineClient:
    config = _actors(state)
    client = BovineClient(domain=config["domain"], secret=config["actors"][name]["secret"])
    await client.init(session=session)
    return client


async def follow(state: pathlib.Path, handle: str) -> None:
    """Resolves `handle` with bovine's proxyUrl (WebFinger + signed GET) and sends a Follow."""
    async with aiohttp.ClientSession() as session:
        client = await _client(state, "follower", session)
        target = await client.proxy(handle)
        actor_id = target.get("id")
        if not actor_id or target.get("type") != "Service":
            raise SystemExit(f"herd.py follow: {handle} resolved to {json.dumps(target)[:300]}, not the cart's Service")
        follow_activity = client.activity_factory.follow(actor_id).build()
        response = await client.send_to_outbox(follow_activity)
        if response.status != 201:
            raise SystemExit(f"herd.py follow: outbox answered {response.status}: {await response.text()}")
        (state / "follow-target.json").write_text(json.dumps({"handle": handle, "actor": target}, indent=1))
        print(actor_id)
        print(f"follow activity {response.headers.get('location')}", file=sys.stderr)


async def _collection_ids(client: BovineClient, url: str) -> list:
    """Every item id of an OrderedCollection, oldest first (bovine lists newest first)."""
    collection = await client.get(url)
    items = collection.get("orderedItems", collection.get("items"))
    if items is None:
        items, page_url = [], collection.get("first")
        while page_url:
            page = await client.get(page_url)
            found = page.get("orderedItems", page.get("items", []))
            if not found:
                break
            items += found
            page_url = page.get("next")
    ids = [item if isinstance(item, str) else item.get("id") for item in items]
    return list(reversed(ids))


async def wait_following(state: pathlib.Path, actor: str, timeout: float) -> None:
    """Polls the follower's `following` collection until `actor` is in it."""
    deadline = time.monotonic() + timeout
    async with aiohttp.ClientSession() as session:
        client = await _client(state, "follower", session)
        while True:
            following = await _collection_ids(client, client.information["following"])
            if actor in following:
                print(f"bovine follower now follows {actor}")
                return
            if time.monotonic() > deadline:
                raise SystemExit(f"herd.py: no Accept recorded after {timeout:.0f}s; following = {following}")
            await asyncio.sleep(0.5)


async def inbox(state: pathlib.Path, name: str) -> None:
    """Prints each inbox item bovine stored (resolved through proxyUrl), oldest first."""
    async with aiohttp.ClientSession() as session:
        client = await _client(state, name, session)
        for item_id in await _collection_ids(client, client.information["inbox"]):
            try:
                item = await client.proxy(item_id)
            except aiohttp.ClientResponseError as error:
                item = {"id": item_id, "e2e_unresolved": str(error)}
            print(json.dumps(item, sort_keys=True))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["setup", "follow", "wait-following", "inbox"])
    parser.add_argument("--state", required=True, type=pathlib.Path)
    parser.add_argument("--domain")
    parser.add_argument("--handle")
    parser.add_argument("--actor")
    parser.add_argument("--name", default="follower")
    parser.add_argument("--timeout", type=float, default=30)
    args = parser.parse_args()
    if args.command == "setup":
        asyncio.run(setup(args.state, args.domain))
    elif args.command == "follow":
        asyncio.run(follow(args.state, args.handle))
    elif args.command == "wait-following":
        asyncio.run(wait_following(args.state, args.actor, args.timeout))
    else:
        asyncio.run(inbox(args.state, args.name))


if __name__ == "__main__":
    main()
