#!/usr/bin/env bash
# Runs every test of the solution and ends with the line "N passed, N failed, N skipped".
# Installs what the tests use when it is missing: the node tools (Azurite, the card tools) from the
# committed lock files, and Debian's Chromium (as root). Extra arguments go to `dotnet test`.
set -uo pipefail
cd "$(dirname "$0")/.."

ensure_node_tools() {
  local dir=$1
  [ -f "$dir/package-lock.json" ] || return 0
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    echo "Installing $dir from its lock file..."
    npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error || return 1
  fi
}

for tools in tools/azurite tools/cards; do
  if ! ensure_node_tools "$tools"; then echo; echo "0 passed, 1 failed"; exit 1; fi
done

# The card previews and the end-to-end test drive Debian's Chromium; install it when we can (as root).
if [ ! -x /usr/bin/chromium ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian chromium for the card and end-to-end tests..."
  DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
if ! dotnet build PolicyBot.sln -nologo -v quiet; then echo; echo "0 passed, 0 failed"; exit 1; fi
dotnet test PolicyBot.sln --no-build --logger trx --results-directory "$results" "$@"
rc=$?

passed=0 failed=0 skipped=0
while IFS= read -r -d '' f; do
  c=$(grep -o '<Counters [^>]*>' "$f" | head -n1)
  n() { local v; v=$(printf '%s' "$c" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"); echo "${v:-0}"; }
  passed=$((passed + $(n passed)))
  failed=$((failed + $(n failed) + $(n error) + $(n timeout) + $(n aborted)))
  skipped=$((skipped + $(n total) - $(n executed)))
done < <(find "$results" -name '*.trx' -print0)

echo
echo "$passed passed, $failed failed, $skipped skipped"
[ "$rc" -ne 0 ] && exit "$rc"
[ "$failed" -ne 0 ] && exit 1
[ $((passed + failed)) -eq 0 ] && exit 1
exit 0
