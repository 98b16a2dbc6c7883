#!/usr/bin/env bash
# Stops the mesh that scripts/up.sh started: each service's process group gets SIGTERM (graceful
# shutdown), then SIGKILL if it is still there after 10 s.
set -euo pipefail
cd "$(dirname "$0")/.."
shopt -s nullglob

running=()
for pidfile in .run/*.pid; do
  pid=$(cat "$pidfile")
  if kill -0 -- "-$pid" 2>/dev/null; then
    echo "stopping $(basename "$pidfile" .pid)"
    kill -TERM -- "-$pid" 2>/dev/null || true
    running+=("$pid")
  fi
  rm -f "$pidfile"
done

for _ in $(seq 100); do
  alive=()
  for pid in ${running[@]+"${running[@]}"}; do
    kill -0 -- "-$pid" 2>/dev/null && alive+=("$pid")
  done
  [ ${#alive[@]} -eq 0 ] && exit 0
  running=("${alive[@]}")
  sleep 0.1
done
for pid in "${running[@]}"; do
  echo "process group $pid did not stop in 10 s: killing it" >&2
  kill -KILL -- "-$pid" 2>/dev/null || true
done
