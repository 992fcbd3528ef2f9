# Install and build steps of Tests/EndToEnd/run. Sourced, not run.

# e2e_python: the Python the venv is made from (Debian's python3 when present, else python3 on PATH).
e2e_python() {
  if [ -x /usr/bin/python3 ]; then echo /usr/bin/python3; else command -v python3; fi
}

# e2e_install VENV: Debian packages the suite needs when missing (chromium, chromium-driver, curl,
# python3-venv), then the venv from requirements.txt (made again only when that file changes).
e2e_install() {
  local venv=$1
  if [ "${E2E_SKIP_INSTALL:-0}" = 1 ]; then
    [ -x "$venv/bin/python" ] || fail "E2E_SKIP_INSTALL=1 but there is no venv at $venv"
    return 0
  fi
  local need=()
  [ -x "$E2E_CHROMIUM" ] || need+=(chromium)
  [ -x "$E2E_CHROMEDRIVER" ] || need+=(chromium-driver)
  command -v curl >/dev/null 2>&1 || need+=(curl)
  "$(e2e_python)" -c 'import ensurepip, venv' >/dev/null 2>&1 || need+=(python3-venv)
  if [ ${#need[@]} -gt 0 ]; then
    echo "installing: ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  fi
  [ -x "$E2E_CHROMIUM" ] || fail "no Chromium at $E2E_CHROMIUM (apt-get install chromium, or set E2E_CHROMIUM)"
  [ -x "$E2E_CHROMEDRIVER" ] || fail "no chromedriver at $E2E_CHROMEDRIVER (apt-get install chromium-driver)"
  local want
  want=$(sha256sum "$E2E/requirements.txt" | cut -d' ' -f1)
  if [ ! -x "$venv/bin/python" ] || [ "$(cat "$venv/.requirements.sha256" 2>/dev/null)" != "$want" ]; then
    rm -rf "$venv"
    "$(e2e_python)" -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check -r "$E2E/requirements.txt"
    echo "$want" > "$venv/.requirements.sha256"
  fi
  echo "venv $venv: $("$venv/bin/pip" freeze 2>/dev/null | grep -iE '^(bovine|bovine-herd|hypercorn|selenium)==' | tr '\n' ' ')"
  echo "browser: $("$E2E_CHROMIUM" --version 2>/dev/null | head -n 1); $("$E2E_CHROMEDRIVER" --version 2>/dev/null | head -n 1)"
}

# e2e_build: the debug `cart-actor` and `fake-sumup` (or the binaries named by E2E_CART_BINARY /
# E2E_FAKE_SUMUP_BINARY). Sets CART_BIN and FAKE_SUMUP.
e2e_build() {
  if [ -z "${E2E_CART_BINARY:-}" ] || [ -z "${E2E_FAKE_SUMUP_BINARY:-}" ]; then
    swift build --product cart-actor 2>&1 | tail -n 3
    swift build --product fake-sumup 2>&1 | tail -n 3
  fi
  local bin
  bin=$(swift build --show-bin-path)
  CART_BIN=${E2E_CART_BINARY:-$bin/cart-actor}
  FAKE_SUMUP=${E2E_FAKE_SUMUP_BINARY:-$bin/fake-sumup}
  [ -x "$CART_BIN" ] || fail "no cart-actor binary at $CART_BIN"
  [ -x "$FAKE_SUMUP" ] || fail "no fake-sumup binary at $FAKE_SUMUP"
  # The fake validates request bodies against SumUp's published description (beside the clone in CI).
  if [ -z "${CART_SUMUP_OPENAPI:-}" ]; then
    for candidate in "$ROOT/../shared/reference/sumup-openapi.json" "$ROOT/shared/reference/sumup-openapi.json"; do
      if [ -f "$candidate" ]; then export CART_SUMUP_OPENAPI=$candidate; break; fi
    done
  fi
}
