#!/usr/bin/env bash
# Step 2 of action.yml: one check, three outputs - workflow commands (the runner turns them into
# annotations on the pull request), a SARIF log for code scanning, and the Markdown job summary.
# The step itself succeeds on findings (exit-code output 1) so the SARIF upload still runs; the last
# step of the action fails the job. A usage or configuration error (2) fails here.
# Env: AGENTDOC_CLI, INPUT_PATHS, INPUT_FAIL_ON, INPUT_STAGE, INPUT_CONFIG, INPUT_SARIF_FILE, INPUT_SUMMARY,
# GITHUB_OUTPUT, GITHUB_STEP_SUMMARY.
set -uo pipefail

set -f # paths may be globs: agentdoc expands them itself, the shell must not
# shellcheck disable=SC2206 # splitting on whitespace is the input's documented format
paths=(${INPUT_PATHS:-.})
set +f
args=(check "${paths[@]}" --fail-on "${INPUT_FAIL_ON:-error}")
[ -z "${INPUT_STAGE:-}" ] || args+=(--stage "$INPUT_STAGE")
[ -z "${INPUT_CONFIG:-}" ] || args+=(--config "$INPUT_CONFIG")

node "$AGENTDOC_CLI" "${args[@]}" --format github
code=$?
echo "exit-code=$code" >> "$GITHUB_OUTPUT"
if [ "$code" -gt 1 ]; then
  echo "::error title=agentdoc::agentdoc could not check (exit code $code): see the message above."
  exit "$code"
fi

if [ -n "${INPUT_SARIF_FILE:-}" ]; then
  node "$AGENTDOC_CLI" "${args[@]}" --format sarif --output "$INPUT_SARIF_FILE"
  [ $? -le 1 ] || exit 2
  echo "sarif-file=$INPUT_SARIF_FILE" >> "$GITHUB_OUTPUT"
fi

if [ "${INPUT_SUMMARY:-true}" = true ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  node "$AGENTDOC_CLI" "${args[@]}" --format markdown >> "$GITHUB_STEP_SUMMARY"
  [ $? -le 1 ] || exit 2
fi
exit 0
