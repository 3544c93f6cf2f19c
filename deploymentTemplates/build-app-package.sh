#!/usr/bin/env bash
# Builds the Teams app package (a zip with manifest.json, its localization files and both icons at the root).
# Usage: build-app-package.sh <bot-app-id> <bot-domain> [out.zip]
#   bot-app-id  the Azure Bot's Microsoft App Id (the botAppId output of main.bicep), a GUID
#   bot-domain  the web app host name (the webAppHostName output), e.g. policybot-abc.azurewebsites.net
#   out.zip     default: <repo>/artifacts/policybot-teams-app.zip
set -euo pipefail

usage() {
  echo "usage: $(basename "$0") <bot-app-id> <bot-domain> [out.zip]" >&2
  exit 2
}

[[ $# -ge 2 && $# -le 3 ]] || usage
bot_id=$1
bot_domain=$2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(cd "$here/.." && pwd)
out=${3:-$repo_root/artifacts/policybot-teams-app.zip}

guid='^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
if [[ ! $bot_id =~ $guid ]]; then
  echo "build-app-package.sh: bot app id '$bot_id' is not a GUID (use the botAppId deployment output)" >&2
  exit 1
fi
label='[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?'
if [[ ! $bot_domain =~ ^$label(\.$label)+$ ]]; then
  echo "build-app-package.sh: bot domain '$bot_domain' must be a host name only, without https:// or a path" >&2
  exit 1
fi

mkdir -p "$(dirname "$out")"
out=$(cd "$(dirname "$out")" && pwd)/$(basename "$out")

# python3 does the JSON work and the zip, so neither jq nor zip needs to be installed.
python3 - "$here/appPackage" "$bot_id" "$bot_domain" "$out" <<'PY'
import json
import os
import sys
import tempfile
import zipfile

source, bot_id, bot_domain, out = sys.argv[1:5]

with open(os.path.join(source, "manifest.json"), encoding="utf-8") as f:
    text = f.read()
text = text.replace("{{BOT_ID}}", bot_id.lower()).replace("{{BOT_DOMAIN}}", bot_domain.lower())
if "{{" in text:
    sys.exit("build-app-package.sh: manifest.json still has an unfilled {{placeholder}}")
manifest = json.loads(text)

# The package holds the manifest and exactly the files it refers to, all at the root of the zip.
files = [manifest["icons"]["color"], manifest["icons"]["outline"]]
files += [lang["file"] for lang in manifest.get("localizationInfo", {}).get("additionalLanguages", [])]
for name in files:
    if os.path.basename(name) != name:
        sys.exit(f"build-app-package.sh: {name} must sit next to manifest.json (no folders in the package)")
    path = os.path.join(source, name)
    if not os.path.isfile(path):
        sys.exit(f"build-app-package.sh: {name} is referenced by manifest.json but missing")
    if name.endswith(".json"):
        with open(path, encoding="utf-8") as f:
            json.load(f)

fd, tmp = tempfile.mkstemp(suffix=".zip", dir=os.path.dirname(out))
os.close(fd)
try:
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("manifest.json", text.encode("utf-8"))
        for name in files:
            z.write(os.path.join(source, name), arcname=name)
    os.replace(tmp, out)
finally:
    if os.path.exists(tmp):
        os.remove(tmp)
print(f"wrote {out}: manifest.json {' '.join(files)} (bot {bot_id.lower()}, domain {bot_domain.lower()})")
PY
