#!/usr/bin/env bash
# Installs what the card checks need: Debian's Chromium (headless previews and the end-to-end
# test through the Agents Playground) and the pinned node tools in tools/cards.
# Run from anywhere; .ci/run calls it before the tests.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

if ! command -v node >/dev/null 2>&1; then
  echo "cards.sh: node is not installed; the card tests need node 20 or later." >&2
  exit 1
fi

if [ ! -x /usr/bin/chromium ]; then
  echo "cards.sh: installing Debian chromium"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
fi
/usr/bin/chromium --version

npm ci --prefix "$root/tools/cards" --no-audit --no-fund
