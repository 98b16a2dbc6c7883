#!/usr/bin/env bash
# Assembles the third-party .proto files that buf needs into .deps/proto (never committed):
# googleapis annotations and error details from the npm package google-proto-files, gRPC health and reflection from
# the npm packages grpc-health-check and @grpc/reflection, and protovalidate's validate.proto from
# its Maven artifact, which is the registry package that carries the .proto source.
set -euo pipefail
cd "$(dirname "$0")/.."

PROTOVALIDATE_VERSION=1.3.0
out=.deps/proto
rm -rf "$out" && mkdir -p "$out/google/api" "$out/google/rpc" "$out/buf/validate" "$out/grpc/health/v1" "$out/grpc/reflection/v1"

cp node_modules/google-proto-files/google/api/{annotations,http}.proto "$out/google/api/"
# Error details the brain attaches (BadRequest, RetryInfo): Envoy needs them to write JSON error bodies.
cp node_modules/google-proto-files/google/rpc/{status,error_details}.proto "$out/google/rpc/"
cp node_modules/grpc-health-check/proto/health/v1/health.proto "$out/grpc/health/v1/"
cp node_modules/@grpc/reflection/build/proto/grpc/reflection/v1/reflection.proto "$out/grpc/reflection/v1/"

jar="$HOME/.m2/repository/build/buf/protovalidate/$PROTOVALIDATE_VERSION/protovalidate-$PROTOVALIDATE_VERSION.jar"
[ -f "$jar" ] || mvn -q -B dependency:get -Dartifact="build.buf:protovalidate:$PROTOVALIDATE_VERSION" -Dtransitive=false
python3 -c 'import sys, zipfile; open(sys.argv[2], "wb").write(zipfile.ZipFile(sys.argv[1]).read("buf/validate/validate.proto"))' \
  "$jar" "$out/buf/validate/validate.proto"
