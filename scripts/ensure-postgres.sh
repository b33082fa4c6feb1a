#!/usr/bin/env bash
# Makes sure a local PostgreSQL server is up for the storage tests:
#   127.0.0.1:5432, user postgres with trust authentication over TCP from loopback, database "test".
# Installs the Debian/Ubuntu "postgresql" package when it is missing. Idempotent: when the server
# already answers as required it only checks and exits (well under a second).
#
# Trust authentication is for throw-away test machines only; never run this on a shared server.
set -euo pipefail

HOST=127.0.0.1
PORT=5432
DB=${ENSURE_POSTGRES_DB:-test}

log() { echo "ensure-postgres: $*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

can_connect() {
  psql -h "$HOST" -p "$PORT" -U postgres -w -d postgres -tAc 'SELECT 1' >/dev/null 2>&1
}

has_test_db() {
  [ "$(psql -h "$HOST" -p "$PORT" -U postgres -w -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'" 2>/dev/null)" = "1" ]
}

# Fast path: everything is already in place.
if command -v pg_isready >/dev/null 2>&1 && pg_isready -q -h "$HOST" -p "$PORT" && can_connect && has_test_db; then
  log "PostgreSQL is ready at $HOST:$PORT (database $DB)"
  exit 0
fi

if ! command -v psql >/dev/null 2>&1 || ! command -v pg_ctlcluster >/dev/null 2>&1; then
  log "installing PostgreSQL from the OS packages"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

VERSION=$(ls /etc/postgresql | sort -V | tail -n 1)
if [ -z "$VERSION" ]; then
  log "no PostgreSQL cluster configuration under /etc/postgresql"
  exit 1
fi
CONF_DIR=/etc/postgresql/$VERSION/main
if [ ! -d "$CONF_DIR" ]; then
  log "creating cluster $VERSION/main"
  as_root pg_createcluster --port "$PORT" "$VERSION" main >/dev/null
fi

if ! pg_isready -q -h "$HOST" -p "$PORT"; then
  log "starting cluster $VERSION/main"
  as_root pg_ctlcluster --skip-systemctl-redirect "$VERSION" main start || true
  for _ in $(seq 1 60); do
    pg_isready -q -h "$HOST" -p "$PORT" && break
    sleep 0.5
  done
  if ! pg_isready -q -h "$HOST" -p "$PORT"; then
    log "PostgreSQL $VERSION/main did not start on $HOST:$PORT; see /var/log/postgresql/postgresql-$VERSION-main.log"
    exit 1
  fi
fi

if ! can_connect; then
  HBA=$CONF_DIR/pg_hba.conf
  log "allowing user postgres from loopback without a password in $HBA (test machines only)"
  # Rules are matched top down, so the trust lines go first.
  as_root sed -i '1i host all postgres 127.0.0.1/32 trust\nhost all postgres ::1/128 trust' "$HBA"
  as_root pg_ctlcluster --skip-systemctl-redirect "$VERSION" main reload
  for _ in $(seq 1 20); do
    can_connect && break
    sleep 0.25
  done
  if ! can_connect; then
    log "still cannot connect as postgres to $HOST:$PORT"
    exit 1
  fi
fi

if ! has_test_db; then
  log "creating database $DB"
  as_postgres createdb -h "$HOST" -p "$PORT" -U postgres "$DB" 2>/dev/null \
    || psql -h "$HOST" -p "$PORT" -U postgres -w -d postgres -c "CREATE DATABASE $DB" >/dev/null
fi

log "PostgreSQL is ready at $HOST:$PORT (database $DB)"
