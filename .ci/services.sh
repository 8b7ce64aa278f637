# Redis and PostgreSQL on loopback for the specs that talk to real servers (sourced by .ci/test.sh).
# start_services installs them from Debian's packages when missing, starts them, and exports
#   HAMILTON_TEST_REDIS_URL     redis://127.0.0.1:6379
#   HAMILTON_TEST_POSTGRES_URL  postgres://postgres@127.0.0.1:5433/hamilton_test (a throwaway cluster, trust auth on loopback)
# stop_services stops both and removes the cluster. A developer can do the same:
#   source .ci/services.sh && start_services && npm test; stop_services

HAMILTON_REDIS_PORT=${HAMILTON_REDIS_PORT:-6379}
HAMILTON_PG_PORT=${HAMILTON_PG_PORT:-5433}
HAMILTON_PG_DATA=""

start_services() {
  local as_root=""
  [ "$(id -u)" -eq 0 ] || as_root="sudo"
  if ! command -v redis-server > /dev/null || ! ls /usr/lib/postgresql/*/bin/initdb > /dev/null 2>&1; then
    $as_root apt-get update
    DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y --no-install-recommends redis-server postgresql
  fi

  redis-server --daemonize yes --port "$HAMILTON_REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no \
    --pidfile "/tmp/hamilton-redis-$HAMILTON_REDIS_PORT.pid" --logfile "/tmp/hamilton-redis-$HAMILTON_REDIS_PORT.log"
  for _ in $(seq 50); do redis-cli -p "$HAMILTON_REDIS_PORT" ping > /dev/null 2>&1 && break; sleep 0.1; done
  export HAMILTON_TEST_REDIS_URL="redis://127.0.0.1:$HAMILTON_REDIS_PORT"

  # A cluster of our own (not Debian's main one): its own port and directory, removed at the end.
  local pg_bin
  pg_bin="/usr/lib/postgresql/$(ls /usr/lib/postgresql | sort -V | tail -1)/bin"
  HAMILTON_PG_DATA=$(mktemp -d /tmp/hamilton-pg.XXXXXX)
  local run_pg=()
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$HAMILTON_PG_DATA"
    run_pg=(runuser -u postgres --)
  fi
  "${run_pg[@]}" "$pg_bin/initdb" -D "$HAMILTON_PG_DATA" -A trust -U postgres > /dev/null
  "${run_pg[@]}" "$pg_bin/pg_ctl" -D "$HAMILTON_PG_DATA" -w -l "$HAMILTON_PG_DATA/server.log" \
    -o "-p $HAMILTON_PG_PORT -c listen_addresses=127.0.0.1 -k $HAMILTON_PG_DATA" start > /dev/null
  "${run_pg[@]}" "$pg_bin/createdb" -h 127.0.0.1 -p "$HAMILTON_PG_PORT" -U postgres hamilton_test
  export HAMILTON_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$HAMILTON_PG_PORT/hamilton_test"
  HAMILTON_PG_BIN=$pg_bin
  HAMILTON_RUN_PG=("${run_pg[@]}")
}

stop_services() {
  redis-cli -p "$HAMILTON_REDIS_PORT" shutdown nosave > /dev/null 2>&1 || true
  if [ -n "$HAMILTON_PG_DATA" ]; then
    "${HAMILTON_RUN_PG[@]}" "$HAMILTON_PG_BIN/pg_ctl" -D "$HAMILTON_PG_DATA" -m fast stop > /dev/null 2>&1 || true
    rm -rf "$HAMILTON_PG_DATA"
  fi
}
