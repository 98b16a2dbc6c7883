#!/usr/bin/env bash
# Prints envoy/envoy.yaml with other addresses and descriptor path. Envoy has no environment substitution,
# so tests, scripts/up.sh and the container image each render their own copy from the one default config.
#   scripts/envoy-config.sh [--listen HOST:PORT] [--admin HOST:PORT] [--gateway HOST:PORT] [--descriptor PATH]
# Run more than one Envoy on a machine with --disable-hot-restart (they would share hot-restart memory).
set -euo pipefail
config="$(dirname "$0")/../envoy/envoy.yaml"

# The defaults as they stand in envoy.yaml; each is replaced wherever it occurs.
listen=127.0.0.1:8080 admin=127.0.0.1:9901 gateway=127.0.0.1:4000 descriptor=gen/descriptors.binpb
while [ $# -gt 0 ]; do
  [ $# -ge 2 ] || { echo "envoy-config: $1 needs a value" >&2; exit 2; }
  case "$1" in
    --listen) listen=$2 ;;
    --admin) admin=$2 ;;
    --gateway) gateway=$2 ;;
    --descriptor) descriptor=$2 ;;
    *) echo "envoy-config: unknown option $1" >&2; exit 2 ;;
  esac
  shift 2
done

socket() {
  [[ "$1" =~ ^[A-Za-z0-9._-]+:[0-9]+$ ]] || { echo "envoy-config: '$1' is not HOST:PORT" >&2; exit 2; }
  echo "socket_address: { address: ${1%:*}, port_value: ${1##*:} }"
}
[[ "$descriptor" != *[\|\&\\]* ]] || { echo "envoy-config: descriptor path has | & or \\" >&2; exit 2; }

# Fail loudly when envoy.yaml no longer holds a default this script replaces.
from_listen=$(socket 127.0.0.1:8080) from_admin=$(socket 127.0.0.1:9901) from_gateway=$(socket 127.0.0.1:4000)
from_descriptor="proto_descriptor: gen/descriptors.binpb"
for default in "$from_listen" "$from_admin" "$from_gateway" "$from_descriptor"; do
  grep -qF "$default" "$config" || { echo "envoy-config: '$default' not found in envoy.yaml" >&2; exit 1; }
done

to_listen=$(socket "$listen")
to_admin=$(socket "$admin")
to_gateway=$(socket "$gateway")
sed -e "s|$from_listen|$to_listen|" -e "s|$from_admin|$to_admin|" -e "s|$from_gateway|$to_gateway|" \
  -e "s|$from_descriptor|proto_descriptor: $descriptor|" "$config"
