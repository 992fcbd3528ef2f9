# The cart-actor side of Tests/EndToEnd/run: database, keys, the page, `serve`, operator commands.
# Sourced, not run; uses STATE, CART, CART_PORT, SUMUP_API, peer() and CART_BIN from the run script.

# e2e_database: a fresh database in the PostgreSQL cluster of CART_TEST_POSTGRES_URL; prints its URL.
e2e_database() {
  "$PY" - "$CART_TEST_POSTGRES_URL" <<'PYEOF'
import os, secrets, subprocess, sys, urllib.parse
url = urllib.parse.urlsplit(sys.argv[1])
name = "cart_e2e_" + secrets.token_hex(4)
import glob, shutil
candidates = []
if shutil.which("pg_config"):
    candidates.append(subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True).stdout.strip())
candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[4]) if p.split("/")[4].isdigit() else 0, reverse=True)
createdb = next((os.path.join(d, "createdb") for d in candidates if d and os.path.exists(os.path.join(d, "createdb"))), "createdb")
env = dict(os.environ)
if url.password:
    env["PGPASSWORD"] = urllib.parse.unquote(url.password)
subprocess.run([createdb, "-h", url.hostname, "-p", str(url.port or 5432), "-U", urllib.parse.unquote(url.username or "postgres"), name],
               check=True, env=env)
print(urllib.parse.urlunsplit((url.scheme, url.netloc, "/" + name, url.query, "")))
PYEOF
}

# cart_env: the settings every cart-actor command of this run shares.
cart_env() {
  CART_BASE_URL=$CART
  export CART_BASE_URL CART_DATABASE_URL CART_KEYS_DIR CART_SECRET CART_DATA_KEY
}

# cart_cli ARGS...: an operator command against this run's database and keys.
cart_cli() {
  "$CART_BIN" "$@"
}

# cart_prepare DIR: database, secrets, keys (`keys generate`), migrations, and the page the peers sell on.
cart_prepare() {
  local dir=$1
  CART_DATABASE_URL=$(e2e_database) || fail "could not create the e2e database in $CART_TEST_POSTGRES_URL"
  CART_KEYS_DIR=$dir/keys
  CART_SECRET=$(python3 -c 'import secrets; print(secrets.token_urlsafe(48))')
  CART_DATA_KEY=$(python3 -c 'import secrets; print(secrets.token_hex(32))')
  cart_env
  cart_cli keys generate | tee -a "$ARTIFACTS/cart-cli.log"
  cart_cli migrate | tee -a "$ARTIFACTS/cart-cli.log"
  cart_cli pages add "$(peer page_slug)" --iri "$(peer page_iri)" --title "$(peer page_title)" \
    --currency "$(peer currency)" --sumup-merchant MFAKE001 --sumup-key-file "$dir/sumup.key" \
    | tee -a "$ARTIFACTS/cart-cli.log"
}

# cart_serve DIR LOG: `cart-actor serve` with the peers' settings; sets CART_PID.
cart_serve() {
  CART_BASE_URL=$CART CART_BIND=127.0.0.1:$CART_PORT CART_ALLOW_PRIVATE_NETWORKS=1 \
  SUMUP_API_BASE=$SUMUP_API \
  CART_CALENDAR_PEERS=$(peer calendar_actor) CART_MARKET_PEERS=$(peer market_actor) \
  CART_SIBLING_ORIGINS=$(peer sibling_origins) \
  CART_ACCOUNT_KEY=$(peer account_key_pem_path) CART_ACCOUNT_ISSUER=$(peer account_issuer) \
  CART_ACCOUNT_LOGIN_URL=$(peer account_login_url) \
    "$CART_BIN" serve > "$2" 2>&1 &
  CART_PID=$!
  started cart-actor "$CART_PID"
}

# cart_pending ACTOR: true once `peers list` shows ACTOR's follow request.
cart_pending() {
  cart_cli peers list 2>/dev/null | grep -F "$1" | grep -qi pending
}
