# shellcheck shell=bash
# Sourced by scripts/serve and scripts/test. Installs, when missing, the exact
# tools the build needs into the repository (.tools/, node_modules/) and puts
# them first on PATH. Nothing here downloads a browser or a prebuilt binary:
# cargo, npm and apt (Debian's chromium) are the only sources.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TOOLS="$ROOT/.tools"
# trunk 0.22 needs rustc >= 1.96.1; this project builds with the machine's rustc.
TRUNK_VERSION="0.21.14"
# Splits the wasm at src/ui/lazy.rs's split points; must accept the
# `__wasm_split_unstable` section that leptos's wasm_split_helpers writes.
WASM_SPLIT_VERSION="0.2.4"
# scripts/wasm-split first: Trunk finds its wasm-bindgen there (a wrapper that
# splits the wasm, then runs the real one from .tools/bin).
export PATH="$ROOT/scripts/wasm-split:$TOOLS/bin:$ROOT/node_modules/.bin:$PATH"
cd "$ROOT"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# Time each install so the closing notes can quote real numbers.
timed() {
  local start=$SECONDS
  "$@"
  say "done in $((SECONDS - start)) s"
}

# The wasm-bindgen version the app links against: the CLI must match it exactly.
locked_wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' "$ROOT/Cargo.lock"
}

ensure_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    timed rustup target add wasm32-unknown-unknown
  fi
}

ensure_trunk() {
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "installing trunk $TRUNK_VERSION into .tools/ (10–12 minutes on 2 cores)"
    timed cargo install --locked --root "$TOOLS" trunk --version "=$TRUNK_VERSION"
  fi
}

ensure_wasm_bindgen() {
  local want
  want="$(locked_wasm_bindgen_version)"
  if [ -z "$want" ]; then
    echo "Cargo.lock names no wasm-bindgen version" >&2
    exit 1
  fi
  if ! grep -q "^wasm_bindgen = \"$want\"" "$ROOT/Trunk.toml"; then
    echo "Trunk.toml [tools] wasm_bindgen must be \"$want\" (the version in Cargo.lock)" >&2
    exit 1
  fi
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $want" ]; then
    say "installing wasm-bindgen-cli $want into .tools/ (about 4 minutes)"
    # Not --locked: that lock file names a webpki-roots release the registry no longer serves.
    timed cargo install --root "$TOOLS" wasm-bindgen-cli --version "=$want"
  fi
}

ensure_wasm_split() {
  # It has no --version: cargo's record of what it installed says.
  if ! cargo install --list --root "$TOOLS" | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:" \
    || [ ! -x "$TOOLS/bin/wasm-split-cli" ]; then
    say "installing wasm-split-cli $WASM_SPLIT_VERSION into .tools/ (about 2 minutes)"
    timed cargo install --locked --root "$TOOLS" wasm_split_cli_support --version "=$WASM_SPLIT_VERSION" --features build-binary
  fi
}

ensure_npm_packages() {
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing npm packages from package-lock.json"
    timed npm ci --no-audit --no-fund
  fi
}

# Debian's Chromium for the browser tests, and a Japanese font so that
# screenshots and layout checks see real glyphs rather than empty boxes.
ensure_chromium() {
  if [ -x /usr/bin/chromium ] && fc-list :lang=ja 2>/dev/null | grep -q .; then
    return
  fi
  say "installing Debian's chromium and fonts-noto-cjk"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  timed bash -c "$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium fonts-noto-cjk >/dev/null"
}

ensure_build_tools() {
  ensure_wasm_target
  ensure_trunk
  ensure_wasm_bindgen
  ensure_wasm_split
  ensure_npm_packages
}

# A city's own plan: `PLAN=path/to/plan.xlsx ./scripts/serve` (or .csv, .tsv,
# or a plan .json) builds the page with that plan embedded and prerendered
# (crates/plan/build.rs reads KAMA_PLAN_JSON). Without PLAN, Kama's.
use_plan_from_env() {
  if [ -z "${PLAN:-}" ]; then
    unset KAMA_PLAN_JSON
    return
  fi
  local out="$ROOT/target/city-plan/plan.json"
  mkdir -p "$(dirname "$out")"
  say "reading the plan in $PLAN"
  local input
  input="$(cd "$(dirname "$PLAN")" && pwd)/$(basename "$PLAN")"
  cargo run -q --locked -p kama-plan --bin plan-from-table -- "$input" "$out"
  export KAMA_PLAN_JSON="$out"
}
