#!/usr/bin/env bash
# Installs (when missing) and starts a throwaway PostgreSQL on 127.0.0.1:${PGPORT:-5433}
# with a database and role for the tests. Prints the URL to use on its last line.
set -euo pipefail
PGPORT=${PGPORT:-5433}
PGDATA=${PGDATA:-/tmp/samsyn-pgdata}
PGSOCK=${PGSOCK:-/tmp/samsyn-pgsock}
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
if [ -f "$PGDATA/postmaster.pid" ]; then
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -m fast stop >&2 || true
fi
rm -rf "$PGDATA"
install -d -o postgres -g postgres "$PGDATA" "$PGSOCK"
runuser -u postgres -- "$PGBIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w -t 30 \
  -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGSOCK -c max_connections=600 -c fsync=off" start >&2
psql() { runuser -u postgres -- "$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -q "$@"; }
psql -c "CREATE ROLE samsyn LOGIN PASSWORD 'samsyn'" >&2
psql -c "CREATE DATABASE samsyn_test OWNER samsyn" >&2
echo "postgres://samsyn:samsyn@127.0.0.1:$PGPORT/samsyn_test?sslmode=disable"
