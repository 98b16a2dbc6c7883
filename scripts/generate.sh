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
# Envoy's transcoder reads the contracts, everything they import and the error details the brain sends
# from this descriptor set.
buf build --as-file-descriptor-set --path proto/aivo \
  --path .deps/proto/google/rpc/status.proto --path .deps/proto/google/rpc/error_details.proto \
  -o "$base/gen/descriptors.binpb"
