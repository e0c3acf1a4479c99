#!/usr/bin/env bash
# Starts the whole platform on this machine: PostgreSQL with one database per service, then the five services
# on ports 8081-8085. PostgreSQL is the system's installation (Debian: apt-get install postgresql) run as a server
# of the platform's own, with its data in $OIL_TRADING_STATE and its WAL archived for point-in-time recovery. Waits until every /health/ready answers 200 and prints their URLs.
# Every /api endpoint needs a bearer token (docs/access-control.md). The first start generates the key pair
# tokens are signed with ($OIL_TRADING_STATE/jwt/, kept like the data); deploy/local/token.sh ROLE USER prints one:
#   curl -H "Authorization: Bearer $(deploy/local/token.sh trader alice)" http://localhost:8081/api/contracts
#
#   deploy/local/start.sh [--build]
#
#   --build      rebuild the services first (they are built anyway when no build exists)
#   DEMO_DATA=false  skip the demo book that is otherwise loaded on the first start (deploy/local/demo-data.sh)
#   MONITORING=false do not start Prometheus, Alertmanager and node_exporter (started when Debian's packages are installed)
#   PG_BIN=...   the PostgreSQL installation to run (default: the newest /usr/lib/postgresql/*/bin)
#   DB_HOST=...  use that PostgreSQL (with DB_PORT, DB_USER, DB_PASSWORD) instead of a local one; its
#                databases trading, pricefeed, risk, settlement and perfreport are created when psql is installed
#                (the local one listens on 127.0.0.1 only and trusts local connections: no password)
#
# Data survives stop and start. deploy/local/stop.sh stops everything.
set -u
source "$(dirname "$0")/platform.sh"
READY_TIMEOUT=${READY_TIMEOUT:-120}

build=false
[ "${1:-}" = "--build" ] && build=true
mkdir -p "$RUN" "$LOGS"

# 1. Build
for entry in "${SERVICES[@]}"; do
  read -r _ module _ _ <<<"$entry"
  [ -f "$ROOT/$module/target/quarkus-app/quarkus-run.jar" ] || build=true
done
if $build; then
  echo "Building the services (./mvnw package -DskipTests)..."
  (cd "$ROOT" && ./mvnw -B -q package -DskipTests) || { echo "build failed" >&2; exit 1; }
fi

# 2. PostgreSQL
if [ -n "${DB_HOST:-}" ]; then
  DB_PORT=${DB_PORT:-5432}; DB_USER=${DB_USER:-postgres}; DB_PASSWORD=${DB_PASSWORD:-}
  if command -v psql >/dev/null; then
    for entry in "${SERVICES[@]}"; do
      read -r _ _ _ db <<<"$entry"
      PGPASSWORD=$DB_PASSWORD psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -tAc \
        "select 1 from pg_database where datname = '$db'" | grep -q 1 \
        || PGPASSWORD=$DB_PASSWORD psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -qc "create database $db"
    done
  fi
else
  DB_HOST=127.0.0.1; DB_PORT=$PG_PORT; DB_USER=postgres; DB_PASSWORD=
  if [ ! -x "$PG_BIN/postgres" ] || [ ! -x "$PG_BIN/initdb" ]; then
    echo "PostgreSQL is not installed (no server in ${PG_BIN:-/usr/lib/postgresql/*/bin}): apt-get install postgresql, or set PG_BIN or DB_HOST" >&2
    exit 3
  fi
  version=$("$PG_BIN/postgres" --version | sed -E 's/.* ([0-9]+)[.].*/\1/')
  if [ -f "$PG_DATA/PG_VERSION" ] && [ "$(cat "$PG_DATA/PG_VERSION")" != "$version" ]; then
    echo "$PG_DATA holds a PostgreSQL $(cat "$PG_DATA/PG_VERSION") cluster and $PG_BIN is PostgreSQL $version:" \
      "set PG_BIN to a PostgreSQL $(cat "$PG_DATA/PG_VERSION"), or back it up and remove $STATE to start afresh" >&2
    exit 1
  fi
  if [ ! -f "$PG_DATA/PG_VERSION" ]; then
    echo "Creating the database cluster in $PG_DATA (PostgreSQL $version)..."
    "${PG_AS_USER[@]}" "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 >"$LOGS/postgres-initdb.log" 2>&1 \
      || { echo "initdb failed, see $LOGS/postgres-initdb.log" >&2; exit 1; }
    for entry in "${SERVICES[@]}"; do
      read -r _ _ _ db <<<"$entry"
      echo "CREATE DATABASE $db;" | "${PG_AS_USER[@]}" "$PG_BIN/postgres" --single -D "$PG_DATA" postgres >>"$LOGS/postgres-initdb.log" 2>&1
    done
  fi
  if ! pid_alive "$RUN/postgres.pid"; then
    if (exec 3<>"/dev/tcp/127.0.0.1/$PG_PORT") 2>/dev/null; then
      echo "Port $PG_PORT is taken by another server; set PG_PORT to a free port" >&2
      exit 1
    fi
    start_postgres
  fi
  wait_for_postgres || { echo "PostgreSQL did not start; see $LOGS/postgres-$(date +%Y%m%d).log" >&2; exit 1; }
fi
echo "PostgreSQL on $DB_HOST:$DB_PORT"

# 3. The key pair tokens are signed with, generated once: a new one would void every token handed out.
# genpkey writes the private key as PKCS#8, the form the services read; the public key is SubjectPublicKeyInfo.
if [ ! -s "$JWT_PRIVATE_KEY" ]; then
  command -v openssl >/dev/null || { echo "openssl is needed to generate the token signing key" >&2; exit 1; }
  { mkdir -p "$JWT_DIR" && chmod 700 "$JWT_DIR"; } || exit 1
  if ! (umask 077 && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$JWT_PRIVATE_KEY.tmp" 2>/dev/null); then
    echo "could not generate the token signing key in $JWT_DIR" >&2
    exit 1
  fi
  chmod 600 "$JWT_PRIVATE_KEY.tmp" && mv "$JWT_PRIVATE_KEY.tmp" "$JWT_PRIVATE_KEY" || exit 1
  rm -f "$JWT_PUBLIC_KEY"
fi
if [ ! -s "$JWT_PUBLIC_KEY" ]; then
  if ! openssl pkey -in "$JWT_PRIVATE_KEY" -pubout -out "$JWT_PUBLIC_KEY.tmp"; then
    echo "could not write $JWT_PUBLIC_KEY" >&2
    exit 1
  fi
  mv "$JWT_PUBLIC_KEY.tmp" "$JWT_PUBLIC_KEY" || exit 1
fi

# 4. Services
for entry in "${SERVICES[@]}"; do
  read -r name module port db <<<"$entry"
  pidfile="$RUN/$name.pid"
  if pid_alive "$pidfile"; then
    echo "$name is already running (pid $(cat "$pidfile"))"
    continue
  fi
  # The replay feed is the local platform's price source: one EIA trading day every REPLAY_INTERVAL; settlement
  # runs every SETTLEMENT_RUN_INTERVAL so that the demo cargoes are invoiced while the feed plays their days.
  service_jwt_env "$name"
  PRICEFEED_REPLAY_ENABLED=true PRICEFEED_REPLAY_INTERVAL=${REPLAY_INTERVAL:-10s} \
  SETTLEMENT_RUN_INTERVAL=${SETTLEMENT_RUN_INTERVAL:-60s} \
  QUARKUS_HTTP_PORT=$port DB_URL="jdbc:postgresql://$DB_HOST:$DB_PORT/$db" DB_USER=$DB_USER DB_PASSWORD=$DB_PASSWORD \
    nohup env "${JWT_ENV[@]}" java ${JAVA_OPTS:--Xmx256m} -jar "$ROOT/$module/target/quarkus-app/quarkus-run.jar" \
    >>"$LOGS/oil-trading-$name-$(date +%Y%m%d).log" 2>&1 &
  echo $! >"$pidfile"
done

# 5. Readiness
deadline=$((SECONDS + READY_TIMEOUT))
status=0
printf '\n%-12s %-6s %-7s %-28s %s\n' SERVICE PORT READY URL "API DOCS"
for entry in "${SERVICES[@]}"; do
  read -r name _ port _ <<<"$entry"
  code=000
  while [ $SECONDS -lt $deadline ]; do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/health/ready")
    [ "$code" = 200 ] && break
    pid_alive "$RUN/$name.pid" || break
    sleep 1
  done
  [ "$code" = 200 ] || status=1
  printf '%-12s %-6s %-7s %-28s %s\n' "$name" "$port" "$code" "http://localhost:$port" "http://localhost:$port/swagger"
done
echo
echo "Health: /health/live /health/ready /health/started /health/detailed   Metrics: /metrics"
echo "Logs:   $LOGS/oil-trading-<service>-$(date +%Y%m%d).log          Stop: deploy/local/stop.sh"
if [ $status = 0 ] && [ ! -f "$STATE/demo-data-loaded" ] && [ "${DEMO_DATA:-true}" = true ]; then
  "$(dirname "$0")/demo-data.sh" http://localhost:8081 && touch "$STATE/demo-data-loaded"
fi
# 6. Prometheus, Alertmanager and node_exporter with the project's rules, when installed (MONITORING=false skips them)
if [ "${MONITORING:-true}" = true ] && [ -x /usr/bin/prometheus ] && [ -x /usr/bin/prometheus-alertmanager ] \
   && [ -x /usr/bin/prometheus-node-exporter ]; then
  "$ROOT/deploy/scripts/start-monitoring-stack.sh" --local || echo "The monitoring stack did not start; see above." >&2
fi
[ $status = 0 ] || echo "Some services are not ready; see their logs." >&2
exit $status
