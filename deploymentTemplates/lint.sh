#!/usr/bin/env bash
# Builds and lints every Bicep file under deploymentTemplates/ with a pinned Bicep CLI restored from NuGet.
# Fails (exit 1) on any warning or error diagnostic, or if a command fails. Works offline once the
# package is in the NuGet cache. Set BICEP_CLI to use another bicep binary instead of the restored one.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
tools_project="$here/tools/bicep-cli.csproj"
bicep_version=0.49.2

if [[ -n "${BICEP_CLI:-}" ]]; then
  bicep=$BICEP_CLI
else
  echo "Restoring Bicep CLI $bicep_version from NuGet ($tools_project)"
  dotnet restore "$tools_project" --verbosity quiet
  package_root=$(dotnet msbuild "$tools_project" -getProperty:NuGetPackageRoot)
  bicep="${package_root%/}/azure.bicep.commandline.linux-x64/$bicep_version/tools/bicep"
  # NuGet extracts the binary without the execute bit for group/others; make sure the owner can run it.
  [[ -x "$bicep" ]] || chmod u+x "$bicep"
fi
if [[ ! -x "$bicep" ]]; then
  echo "lint.sh: bicep CLI not found or not executable: $bicep" >&2
  exit 1
fi
"$bicep" --version

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

mapfile -t files < <(cd "$here" && find . -name '*.bicep' -not -path '*/obj/*' -not -path '*/bin/*' | sort)
if [[ ${#files[@]} -eq 0 ]]; then
  echo "lint.sh: no .bicep files found under $here" >&2
  exit 1
fi

failed=0
diagnostics=0
for rel in "${files[@]}"; do
  rel=${rel#./}
  file="$here/$rel"
  json="$out/${rel%.bicep}.json"
  mkdir -p "$(dirname "$json")"
  for step in build lint; do
    if [[ $step == build ]]; then
      cmd=("$bicep" build "$file" --outfile "$json")
    else
      cmd=("$bicep" lint "$file")
    fi
    rc=0
    log=$("${cmd[@]}" 2>&1) || rc=$?
    if [[ -n "$log" ]]; then
      printf '%s\n' "$log"
    fi
    if [[ $rc -ne 0 ]]; then
      echo "lint.sh: 'bicep $step $rel' exited with $rc" >&2
      failed=1
    fi
    count=$(printf '%s\n' "$log" | grep -cE '(Warning|Error) ' || true)
    if [[ $count -gt 0 ]]; then
      diagnostics=$((diagnostics + count))
      failed=1
    fi
  done
  echo "checked $rel"
done

if [[ $failed -ne 0 ]]; then
  echo "lint.sh: FAILED ($diagnostics warning/error diagnostics in ${#files[@]} files)" >&2
  exit 1
fi
echo "lint.sh: OK, ${#files[@]} files, no warnings, no errors"
