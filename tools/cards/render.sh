#!/usr/bin/env bash
# Previews every card template with its samples, light and dark, as PNGs in artifacts/cards/.
#   tools/cards/render.sh [--width PX] [--only TEXT]      e.g. --only guideline.fr
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)

if [ ! -d "$here/node_modules/adaptivecards" ]; then
  echo "render.sh: tools/cards is not installed; run: bash .ci/cards.sh (or npm ci --prefix tools/cards)" >&2
  exit 1
fi
node "$here/render.js" --out "$root/artifacts/cards" "$@"
