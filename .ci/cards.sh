#!/usr/bin/env bash
# Installs what the card checks need: Debian's Chromium (headless previews, the fit check and the
# end-to-end test through the Agents Playground; needs root) and the pinned node tools in tools/cards.
# Run from anywhere; .ci/run calls it before the tests.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

if ! command -v node >/dev/null 2>&1; then
  echo "cards.sh: node is not installed; the card tests need node 20 or later." >&2
  exit 1
fi

chromium=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "cards.sh: $chromium is missing; install it as root (sudo apt-get install chromium) or set CHROMIUM." >&2
    exit 1
  fi
  echo "cards.sh: installing Debian's chromium (apt-get)..."
  export DEBIAN_FRONTEND=noninteractive
  log=$(mktemp)
  # apt and debconf are chatty ("debconf: delaying package configuration..."): show them only on failure.
  if ! { apt-get update -qq && apt-get install -y -qq chromium; } >"$log" 2>&1; then cat "$log" >&2; rm -f "$log"; exit 1; fi
  rm -f "$log"
fi
# Debian's chromium wrapper prints a harmless "[: ...: unexpected operator" on stderr.
echo "cards.sh: $("$chromium" --version 2>/dev/null)"

npm ci --prefix "$root/tools/cards" --no-audit --no-fund --loglevel=error
