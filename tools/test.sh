#!/usr/bin/env bash
# Runs every test of the solution, one test project after the other, saying which one is running, and
# ends with the line "N passed, N failed, N skipped" (printed once).
# Installs what the tests use when it is missing: the node tools (Azurite, the card tools) from the
# committed lock files, and, as root on Debian, the chromium package. Extra arguments go to `dotnet test`.
# POLICYBOT_EXTRA_FAILED=N adds N failures that happened before (.ci/run: a Bicep lint problem).
set -uo pipefail
cd "$(dirname "$0")/.."

extra_failed=${POLICYBOT_EXTRA_FAILED:-0}
summary() {
  echo
  echo "$1 passed, $(($2 + extra_failed)) failed, $3 skipped"
}

# What a command prints goes to a log; the log is shown only when the command fails.
quietly() {
  local log
  log=$(mktemp)
  if "$@" >"$log" 2>&1; then rm -f "$log"; return 0; fi
  cat "$log" >&2
  rm -f "$log"
  return 1
}

ensure_node_tools() {
  local dir=$1
  [ -f "$dir/package-lock.json" ] || return 0
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    echo "Installing the node packages of $dir from its lock file (npm ci)..."
    quietly npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error
  fi
}

for tools in tools/azurite tools/cards; do
  if ! ensure_node_tools "$tools"; then summary 0 1 0; exit 1; fi
done

# The card checks and the end-to-end test drive Debian's Chromium (CHROMIUM overrides the path).
chromium=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's chromium for the card and end-to-end tests (apt-get)..."
    export DEBIAN_FRONTEND=noninteractive
    quietly apt-get update -qq && quietly apt-get install -y -qq chromium
  else
    echo "warning: $chromium is missing, so the card and end-to-end tests will fail."
    echo "         Install it (sudo apt-get install chromium) or set CHROMIUM to a Chromium or Chrome binary."
  fi
fi

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

echo "Building PolicyBot.sln..."
if ! dotnet build PolicyBot.sln -nologo -v quiet -clp:NoSummary; then summary 0 1 0; exit 1; fi

rc=0
for project in tests/*/*.Tests.csproj; do
  name=$(dirname "$project")
  echo
  echo "Running $name..."
  # The Playground's driver and the card renderer launch Chromium, whose Debian wrapper prints a
  # harmless "[: ...: unexpected operator"; keep it and other such lines out of the report.
  dotnet test "$project" --no-build --nologo --logger trx --results-directory "$results/$(basename "$name")" "$@" 2>&1 \
    | grep --line-buffered -v -E '^/usr/bin/chromium: [0-9]+: \[: |^debconf: '
  [ "${PIPESTATUS[0]}" -ne 0 ] && rc=1
done

passed=0 failed=0 skipped=0
while IFS= read -r -d '' f; do
  c=$(grep -o '<Counters [^>]*>' "$f" | head -n1)
  n() { local v; v=$(printf '%s' "$c" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"); echo "${v:-0}"; }
  passed=$((passed + $(n passed)))
  failed=$((failed + $(n failed) + $(n error) + $(n timeout) + $(n aborted)))
  skipped=$((skipped + $(n total) - $(n executed)))
done < <(find "$results" -name '*.trx' -print0)

# A project that crashed before writing its results still counts as a failure.
[ "$rc" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1
summary "$passed" "$failed" "$skipped"
[ $((failed + extra_failed)) -ne 0 ] && exit 1
[ "$passed" -eq 0 ] && exit 1
exit 0
