#!/usr/bin/env bash
# Fails when the contracts break wire or source compatibility with the previous commit (buf breaking, FILE).
# The previous commit is checked out into a temporary folder with the third-party protos beside it, because
# buf's git input would not see .deps/ (set-up assembles it, it is never committed).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
previous=HEAD~1

if ! git rev-parse -q --verify "$previous^{commit}" >/dev/null; then
  echo "no previous commit in this clone (single commit or shallow): nothing to compare against"
  exit 0
fi
if ! git cat-file -e "$previous:buf.yaml" 2>/dev/null || ! git cat-file -e "$previous:proto" 2>/dev/null; then
  echo "the previous commit has no contracts: nothing to compare against"
  exit 0
fi

against=$(mktemp -d)
trap 'rm -rf "$against"' EXIT
git archive "$previous" buf.yaml proto | tar -x -C "$against"
cp -r .deps "$against/.deps"
buf breaking --against "$against"
echo "proto/ is compatible with $(git rev-parse --short "$previous")"
