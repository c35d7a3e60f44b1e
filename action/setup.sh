#!/usr/bin/env bash
# Step 1 of action.yml: find or make the agentdoc command line, and hand its path to the next step
# (output `cli`). Env: AGENTDOC_VERSION (empty: this action's own source), GITHUB_ACTION_PATH,
# GITHUB_OUTPUT, RUNNER_TEMP.
set -euo pipefail

major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$major" -lt 20 ]; then
  echo "::error title=agentdoc::agentdoc needs Node.js 20.19 or newer on the runner; add actions/setup-node before this step."
  exit 2
fi

if [ -n "${AGENTDOC_VERSION:-}" ]; then
  # A published version: installed into a private folder, so the workspace's node_modules stay untouched.
  prefix="${RUNNER_TEMP:-/tmp}/agentdoc-$AGENTDOC_VERSION"
  npm install --prefix "$prefix" --no-audit --no-fund --no-package-lock --loglevel=error "agentdoc@$AGENTDOC_VERSION"
  cli="$prefix/node_modules/agentdoc/dist/cli.js"
else
  cli="$GITHUB_ACTION_PATH/dist/cli.js"
  if [ ! -f "$cli" ]; then
    # A plain checkout of the action's repository has no bundles yet: build them once (about a minute).
    echo "Building agentdoc from the action's source"
    (cd "$GITHUB_ACTION_PATH" && npm ci --no-audit --no-fund --loglevel=error && node scripts/build.mjs --production)
  fi
fi
[ -f "$cli" ] || { echo "::error title=agentdoc::no agentdoc command line at $cli"; exit 2; }
echo "agentdoc $(node "$cli" --version)"
echo "cli=$cli" >> "$GITHUB_OUTPUT"
