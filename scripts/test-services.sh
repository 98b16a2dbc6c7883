#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL and Redis on free loopback ports, keeping their data in DIR.
# `start` writes DIR/env with TEST_DATABASE_URL and TEST_REDIS_URL, ready to be sourced.
#   scripts/test-services.sh start DIR
#   scripts/test-services.sh stop DIR
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 start|stop DIR" >&2; exit 2; }
action=$1 dir=$2

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
[ -n "$pg_bin" ] || { echo "PostgreSQL is not installed: run scripts/setup.sh" >&2; exit 1; }
pg_data="$dir/postgres/data"

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# PostgreSQL refuses to run as root; as root, it runs as the user the Debian package created.
as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  local pg_port redis_port
  pg_port=$(free_port)
  redis_port=$(free_port)
  mkdir -p "$dir/postgres"
  chmod 755 "$dir"
  [ "$(id -u)" != 0 ] || chown postgres "$dir/postgres"

  as_postgres "$pg_bin/initdb" -D "$pg_data" -U aivo -A trust -E UTF8 --no-sync >"$dir/postgres/initdb.log"
  # -F: no fsync, the data is thrown away anyway.
  as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -l "$dir/postgres/server.log" -w \
    -o "-h 127.0.0.1 -p $pg_port -k $dir/postgres -F" start >/dev/null
  "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U aivo aivo_test

  redis-server --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no --daemonize yes \
    --dir "$dir" --pidfile "$dir/redis.pid" --logfile "$dir/redis.log"
  for _ in $(seq 100); do
    [ "$(redis-cli -p "$redis_port" ping 2>/dev/null)" = PONG ] && break
    sleep 0.1
  done
  [ "$(redis-cli -p "$redis_port" ping 2>/dev/null)" = PONG ] || { echo "Redis did not start: $dir/redis.log" >&2; exit 1; }

  cat >"$dir/env" <<EOF
TEST_DATABASE_URL=postgresql+asyncpg://aivo@127.0.0.1:$pg_port/aivo_test
TEST_REDIS_URL=redis://127.0.0.1:$redis_port/0
EOF
}

stop() {
  if [ -f "$pg_data/postmaster.pid" ]; then
    as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -m immediate -w stop >/dev/null || true
  fi
  if [ -f "$dir/redis.pid" ]; then
    kill "$(cat "$dir/redis.pid")" 2>/dev/null || true
  fi
}

case "$action" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
