#!/usr/bin/env bash
# The test command (`make test`, `.ci/run`): sets up, starts a throwaway PostgreSQL and Redis on loopback,
# runs every check in order, stops at the first failure and ends with "N passed, M failed[, K skipped]".
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/.tools/bin:$PWD/node_modules/.bin:$PATH"

passed=0 failed=0 skipped=0
SKIP=77 # exit code of a check that found nothing to run

summary() {
  if [ "$skipped" -gt 0 ]; then
    echo "$passed passed, $failed failed, $skipped skipped"
  else
    echo "$passed passed, $failed failed"
  fi
}

# check NAME COMMAND...: runs one named check; the first failure ends the run.
check() {
  local name=$1 status
  shift
  echo "=== $name"
  "$@"
  status=$?
  if [ "$status" -eq 0 ]; then
    passed=$((passed + 1))
  elif [ "$status" -eq "$SKIP" ]; then
    echo "--- $name: skipped"
    skipped=$((skipped + 1))
  else
    echo "FAILED: $name (exit $status)"
    failed=$((failed + 1))
    summary
    exit 1
  fi
}

services_dir=""
stop_services() {
  [ -n "$services_dir" ] || return 0
  bash scripts/test-services.sh stop "$services_dir"
  rm -rf "$services_dir"
}
trap stop_services EXIT

start_services() {
  services_dir=$(mktemp -d)
  bash scripts/test-services.sh start "$services_dir" || return 1
  # shellcheck source=/dev/null
  . "$services_dir/env"
  export TEST_DATABASE_URL TEST_REDIS_URL
  echo "TEST_DATABASE_URL=$TEST_DATABASE_URL TEST_REDIS_URL=$TEST_REDIS_URL"
}

# ruff is the Python formatter and linter (settings in backend/pyproject.toml).
python_lint() {
  local ruff=(.venv/bin/ruff --config backend/pyproject.toml)
  "${ruff[@]}" check backend/brain bench scripts/buf && "${ruff[@]}" format --check backend/brain bench scripts/buf
}

backend_pytest() {
  (cd backend && ../.venv/bin/python -m pytest -q)
  local status=$?
  # pytest's 5 is "no tests collected".
  [ "$status" -eq 5 ] && return "$SKIP"
  return "$status"
}

vitest_e2e() {
  [ -f e2e/vitest.config.ts ] || return "$SKIP"
  vitest run --config e2e/vitest.config.ts
}

check "setup" bash scripts/setup.sh
check "PostgreSQL and Redis on loopback" start_services
check "contracts: buf lint, gen/ matches proto/" bash scripts/check-generated.sh
check "contracts: buf breaking against the previous commit" bash scripts/check-breaking.sh
check "types: tsc" tsc -p .
check "deploy: Envoy config, compose, Dockerfiles, scripts" vitest run --config deploy/vitest.config.ts
check "backend: ruff" python_lint
check "backend: pytest" backend_pytest
check "unit: vitest" vitest run
check "console: vitest" vitest run --config web/vitest.config.ts
check "e2e: vitest" vitest_e2e
summary
