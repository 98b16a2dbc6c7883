#!/usr/bin/env bash
# Fails when gen/ is not what buf generates from proto/ now, and when the contracts break lint.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
buf lint
fresh=$(mktemp -d)
trap 'rm -rf "$fresh"' EXIT
bash scripts/generate.sh "$fresh"
for part in ts python descriptors.binpb; do
  if ! diff -r -x package.json -x node_modules -x __pycache__ "$fresh/gen/$part" "gen/$part" >/dev/null; then
    echo "gen/$part is stale: run 'npm run generate' and commit gen/" >&2
    diff -r -q -x package.json -x node_modules -x __pycache__ "$fresh/gen/$part" "gen/$part" >&2 || true
    exit 1
  fi
done
echo "gen/ matches proto/ and buf lint passes"
