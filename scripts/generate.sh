#!/usr/bin/env bash
# Regenerates gen/ from proto/ (or, with a folder argument, writes a fresh gen/ under that folder).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
base="${1:-.}"

if [ "$base" = . ]; then
  find gen/ts gen/python -type f \( -name '*_pb.ts' -o -name '*_pb2*.py*' \) -delete 2>/dev/null || true
fi
buf generate -o "$base"
buf generate -o "$base" --template buf.gen.runtime.yaml
# Envoy's transcoder reads the contracts, with everything they import, from this descriptor set.
buf build proto --as-file-descriptor-set -o "$base/gen/descriptors.binpb"
