#!/usr/bin/env bash
# `make up`: brings the mesh up on this machine with embedded storage (brain :5000, dispatch :4001,
# gateway :4000, Envoy :8080, the browser console :3000), waits until each is healthy, makes a demo call through it and shows how
# to call it by hand. Stays in the foreground until Ctrl-C, which stops everything; with --detach it
# leaves the mesh running (scripts/down.sh stops it). Logs: .run/<service>.log.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export PATH="$root/.tools/bin:$PATH"

detach=false
case "${1:-}" in
  "") ;;
  --detach) detach=true ;;
  *) echo "usage: $0 [--detach]" >&2; exit 2 ;;
esac

bash scripts/setup.sh
mkdir -p .run .data

for port in 5000 4001 4000 8080 9901 3000; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is in use: is the mesh already up? (scripts/down.sh stops it)" >&2
    exit 1
  fi
done

# This machine's secrets, made once and kept in .run/dev.env (scripts/dev-token.ts reads it too).
if [ ! -f .run/dev.env ]; then
  secret() { python3 -c 'import secrets; print(secrets.token_hex(32))'; }
  (umask 077 && printf 'SERVICE_TOKEN_SECRET=%s\nJWT_SECRET=%s\n' "$(secret)" "$(secret)" >.run/dev.env)
fi
set -a
. .run/dev.env
set +a

trap 'bash scripts/down.sh' EXIT

# start NAME DIR COMMAND...: runs COMMAND in DIR as its own process group, with embedded storage.
start() {
  local name=$1 dir=$2
  shift 2
  env -C "$dir" -u DATABASE_URL -u REDIS_URL DATA_DIR="$root/.data" setsid "$@" >".run/$name.log" 2>&1 </dev/null &
  echo $! >".run/$name.pid"
}

# healthy NAME CHECK...: waits up to 60 s for CHECK to pass, as long as NAME is running.
healthy() {
  local name=$1
  shift
  for _ in $(seq 600); do
    if "$@" >/dev/null 2>&1; then
      echo "  $name is healthy"
      return 0
    fi
    if ! kill -0 "$(cat ".run/$name.pid")" 2>/dev/null; then
      echo "$name exited; the end of .run/$name.log:" >&2
      tail -n 20 ".run/$name.log" >&2
      return 1
    fi
    sleep 0.1
  done
  echo "$name is not healthy after 60 s; the end of .run/$name.log:" >&2
  tail -n 20 ".run/$name.log" >&2
  return 1
}

echo "Starting the mesh (logs in .run/):"
start brain backend env PYTHONPATH="$root/backend:$root/gen/python" BRAIN_PORT=5000 "$root/.venv/bin/python" -m brain
healthy brain grpc_health_probe -addr=127.0.0.1:5000
start dispatch . env DISPATCH_PORT=4001 BRAIN_SERVICE_URL=http://127.0.0.1:5000 \
  node --import tsx services/dispatch/src/server.ts
healthy dispatch grpc_health_probe -addr=127.0.0.1:4001
start gateway . env GATEWAY_PORT=4000 BRAIN_SERVICE_URL=http://127.0.0.1:5000 DISPATCH_SERVICE_URL=http://127.0.0.1:4001 \
  node --import tsx services/gateway/src/server.ts
healthy gateway curl -fsS http://127.0.0.1:4000/health
start envoy . .venv/bin/envoy -c envoy/envoy.yaml --disable-hot-restart --log-level warn
healthy envoy curl -fsS http://127.0.0.1:9901/ready
# The console (web/dist, built by setup.sh) on its own port; vite preview passes Connect calls to the gateway.
start console web env GATEWAY_URL=http://127.0.0.1:4000 node "$root/node_modules/vite/bin/vite.js" preview --host 127.0.0.1 --port 3000 --strictPort
healthy console curl -fsS http://127.0.0.1:3000/

bash scripts/demo.sh
echo "The browser console: open http://127.0.0.1:3000 and sign in with a token from scripts/dev-token.ts (above)."

if $detach; then
  trap - EXIT
  echo
  echo "The mesh runs in the background. Stop it with: scripts/down.sh"
  exit 0
fi

echo
echo "Ctrl-C stops the mesh."
while true; do
  for pidfile in .run/*.pid; do
    if ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
      echo "$(basename "$pidfile" .pid) exited; the end of its log:" >&2
      tail -n 20 ".run/$(basename "$pidfile" .pid).log" >&2
      exit 1
    fi
  done
  sleep 1
done
