#!/bin/sh
# Creates the cluster on the first start (the databases of DATABASES, user postgres with POSTGRES_PASSWORD,
# scram-sha-256 from ALLOW_CIDR), then runs the server in the foreground.
set -eu
bin=/usr/lib/postgresql/15/bin
: "${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}" "${ALLOW_CIDR:?set ALLOW_CIDR}"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  printf '%s\n' "$POSTGRES_PASSWORD" >/tmp/pwfile
  "$bin/initdb" -D "$PGDATA" -U postgres -E UTF8 --auth-local=trust --auth-host=scram-sha-256 --pwfile=/tmp/pwfile >/dev/null
  rm -f /tmp/pwfile
  echo "host all all $ALLOW_CIDR scram-sha-256" >>"$PGDATA/pg_hba.conf"
  for db in ${DATABASES:-}; do
    echo "CREATE DATABASE $db;" | "$bin/postgres" --single -D "$PGDATA" postgres >/dev/null 2>&1
  done
fi
exec "$bin/postgres" -D "$PGDATA" -c listen_addresses='*' -c unix_socket_directories=/tmp
