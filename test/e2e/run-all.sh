#!/usr/bin/env bash
# Runs the real-editor end-to-end tests against code-server (VS Code 1.139.1):
#   1. scripts/e2e-setup.sh (idempotent; skips everything already installed)
#   2. test/e2e/ui.e2e.js       - the packaged .vsix installed, Problems panel checked in headless Chromium
#   3. test/e2e/features.e2e.js - the packaged .vsix: checklist, portfolio, quick fix, completion, snippet,
#                                 new document, report, driven through the UI in one code-server session
#   4. test/e2e/exthost.e2e.js  - the extension-host mocha suite (out/test/exthost) inside code-server
#   5. test/e2e/details.e2e.js  - the packaged .vsix's details page: its icon and README pictures load
#   6. test/e2e/web.e2e.js      - the web extension (vscode.dev / github.dev): the packaged .vsix run in the browser's
#                                 web-worker extension host, its language server a web worker; Problems and checklist
#   7. features.e2e.js again, as the web extension (TAG=features-web): the same scenarios in the web-worker host
# Packaging (npm run package) and compiling the tests (npm run compile-tests) are the caller's job.
#
# Usage: test/e2e/run-all.sh [path/to/agentdoc.vsix]      (default: <repo>/agentdoc.vsix)
# Env:   AGENTDOC_E2E_DIR  cache dir (default <repo>/.e2e)     SHOTS  screenshot dir (default test-results/e2e)
#        E2E_ONLY=ui|features|exthost|details|web|features-web  run one test only              E2E_SKIP_SETUP=1  do not run the installer
#        E2E_WS_SRC        workspace to copy (default <repo>/examples)
#        E2E_EXT_DIR       extensionDevelopmentPath for exthost (default <repo>)
#        E2E_TESTS_ENTRY   extensionTestsPath (default <repo>/out/test/exthost/index.js)
#        E2E_SCRIPT_TIMEOUT  hard bound per test script in seconds (default 300)
# Prints "N passed, N failed" last; exits non-zero on any failure.
set -uo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export AGENTDOC_E2E_DIR=${AGENTDOC_E2E_DIR:-$REPO/.e2e}
export SHOTS=${SHOTS:-$REPO/test-results/e2e}
VSIX=$(realpath -m "${1:-$REPO/agentdoc.vsix}")
WS_SRC=${E2E_WS_SRC:-$REPO/examples}
EXT_DIR=${E2E_EXT_DIR:-$REPO}
TESTS_ENTRY=${E2E_TESTS_ENTRY:-$REPO/out/test/exthost/index.js}
LIMIT=${E2E_SCRIPT_TIMEOUT:-300}
NODE=${NODE:-node}

T0=$(date +%s)
step() { echo "== [e2e +$(( $(date +%s) - T0 ))s] $*"; }
pass=0; fail=0; failed_names=()
record() { # name rc
  if [ "$2" -eq 0 ]; then pass=$((pass + 1)); step "PASS $1"; else fail=$((fail + 1)); failed_names+=("$1"); step "FAIL $1 (exit $2)"; fi
}

if [ "${E2E_SKIP_SETUP:-0}" != 1 ]; then
  step "setup: scripts/e2e-setup.sh"
  if ! bash "$REPO/scripts/e2e-setup.sh"; then
    step "setup failed"; echo "0 passed, 1 failed"; exit 1
  fi
fi

mkdir -p "$AGENTDOC_E2E_DIR/run" "$SHOTS"
# A fresh copy of the workspace per test, so nothing the editor writes ends up in the repository.
fresh_ws() {
  local d
  d=$(mktemp -d "$AGENTDOC_E2E_DIR/run/ws-XXXXXX") || return 1
  cp -r "$WS_SRC/." "$d/" && echo "$d"
}

want() { [ -z "${E2E_ONLY:-}" ] || [ "$E2E_ONLY" = "$1" ]; }

run_test() { # name script args...
  local name=$1; shift
  step "$name"
  timeout -k 15 "$LIMIT" "$NODE" "$@"
  record "$name" $?
}

if want ui; then
  if [ ! -f "$VSIX" ]; then
    step "no .vsix at $VSIX (run npm run package first)"; record "ui.e2e" 1
  else
    if WS=$(fresh_ws); then run_test "ui.e2e" "$REPO/test/e2e/ui.e2e.js" "$VSIX" "$WS"; rm -rf "$WS"; else record "ui.e2e" 1; fi
  fi
fi

if want features; then
  if [ ! -f "$VSIX" ]; then
    step "no .vsix at $VSIX (run npm run package first)"; record "features.e2e" 1
  else
    if WS=$(fresh_ws); then run_test "features.e2e" "$REPO/test/e2e/features.e2e.js" "$VSIX" "$WS"; rm -rf "$WS"; else record "features.e2e" 1; fi
  fi
fi

if want exthost; then
  if [ ! -f "$TESTS_ENTRY" ]; then
    step "no compiled extension-host suite at $TESTS_ENTRY (run npm run compile-tests first)"; record "exthost.e2e" 1
  elif [ ! -f "$EXT_DIR/package.json" ]; then
    step "no extension at $EXT_DIR"; record "exthost.e2e" 1
  else
    if WS=$(fresh_ws); then run_test "exthost.e2e" "$REPO/test/e2e/exthost.e2e.js" "$EXT_DIR" "$TESTS_ENTRY" "$WS"; rm -rf "$WS"
    else record "exthost.e2e" 1; fi
  fi
fi

if want details; then
  if [ ! -f "$VSIX" ]; then
    step "no .vsix at $VSIX (run npm run package first)"; record "details.e2e" 1
  else
    if WS=$(fresh_ws); then run_test "details.e2e" "$REPO/test/e2e/details.e2e.js" "$VSIX" "$WS"; rm -rf "$WS"; else record "details.e2e" 1; fi
  fi
fi

if want web; then
  if [ ! -f "$VSIX" ]; then
    step "no .vsix at $VSIX (run npm run package first)"; record "web.e2e" 1
  else
    if WS=$(fresh_ws); then run_test "web.e2e" "$REPO/test/e2e/web.e2e.js" "$VSIX" "$WS"; rm -rf "$WS"; else record "web.e2e" 1; fi
  fi
fi

if want features-web; then
  if [ ! -f "$VSIX" ]; then
    step "no .vsix at $VSIX (run npm run package first)"; record "features-web.e2e" 1
  elif WS=$(fresh_ws); then
    # remote.extensionKind puts the extension in the browser's web-worker extension host (see web.e2e.js).
    TAG=features-web E2E_EXTRA_SETTINGS='{"remote.extensionKind":{"agentdoc.agentdoc":["web"]}}' \
      run_test "features-web.e2e" "$REPO/test/e2e/features.e2e.js" "$VSIX" "$WS"; rm -rf "$WS"
  else record "features-web.e2e" 1; fi
fi

[ "$fail" -eq 0 ] || step "failed: ${failed_names[*]} (screenshots in $SHOTS, logs in $AGENTDOC_E2E_DIR/run)"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
