# Shared by start.sh and stop.sh: where the local platform keeps its state, and its services.
# shellcheck shell=bash disable=SC2034  # sourced: the variables are used by the scripts that source it

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
STATE=${OIL_TRADING_STATE:-$ROOT/.local}     # PostgreSQL data, binaries and pid files (kept between runs)
LOGS=${OIL_TRADING_LOGS:-$ROOT/logs}         # one log file per service and day, as the operations guide expects
RUN=$STATE/run
PG_PORT=${PG_PORT:-15432}
# The key pair API tokens are signed with (docs/access-control.md): start.sh generates it on the first start and
# keeps it, like the database, so that tokens from deploy/local/token.sh stay valid across restarts.
JWT_DIR=$STATE/jwt
JWT_PRIVATE_KEY=$JWT_DIR/private.pem
JWT_PUBLIC_KEY=$JWT_DIR/public.pem

# service name, module, port, database
SERVICES=(
  "trading trading-service 8081 trading"
  "pricefeed pricefeed-service 8082 pricefeed"
  "risk risk-service 8083 risk"
  "settlement settlement-service 8084 settlement"
  "perf-report perf-report-service 8085 perfreport"
)

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# The token settings a service is started with, as env assignments in JWT_ENV: every service verifies tokens with
# the public key; risk, settlement and perf-report also get the private key, to sign the tokens of their own
# calls to the other services. Used by start.sh and deploy/bench/run.sh, so that both start a service alike.
service_jwt_env() {  # name
  JWT_ENV=("MP_JWT_VERIFY_PUBLICKEY_LOCATION=$JWT_PUBLIC_KEY")
  case $1 in
    risk|settlement|perf-report) JWT_ENV+=("SMALLRYE_JWT_SIGN_KEY_LOCATION=$JWT_PRIVATE_KEY") ;;
  esac
}

# The local PostgreSQL: the server and its client tools of one installation, so that backup.sh's pg_dump and
# pg_basebackup match the server's major version (Debian: apt-get install postgresql). PG_BIN picks another one.
if [ -z "${PG_BIN:-}" ]; then
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$PG_BIN" ] || PG_BIN=$(pg_config --bindir 2>/dev/null)
fi
PG_DATA=$STATE/pgdata
# Every completed WAL segment is copied here (archive_command), for point-in-time recovery from a base backup
# (deploy/scripts/backup.sh --base, restore.sh --base). A segment is closed after at most PG_ARCHIVE_TIMEOUT, which
# bounds what a recovery to the latest archived WAL can lose.
WAL_ARCHIVE=$STATE/wal-archive
PG_ARCHIVE_TIMEOUT=${PG_ARCHIVE_TIMEOUT:-60s}
BACKUPS=${OIL_TRADING_BACKUPS:-$STATE/backups}

# Prefix of every PostgreSQL command: as root they run in a user namespace, since PostgreSQL refuses to run as
# root. unshare execs the command, so a background server's $! is the postmaster itself.
PG_AS_USER=()
[ "$(id -u)" = 0 ] && PG_AS_USER=(unshare -U)

# Starts the local PostgreSQL in the background (pid in $RUN/postgres.pid), archiving its WAL to $WAL_ARCHIVE.
# Used by start.sh and by restore.sh after a point-in-time recovery.
start_postgres() {
  mkdir -p "$WAL_ARCHIVE" "$LOGS" "$RUN"
  "${PG_AS_USER[@]}" "$PG_BIN/postgres" -D "$PG_DATA" -p "$PG_PORT" -k "$RUN" -c listen_addresses=127.0.0.1 \
    -c wal_level=replica -c archive_mode=on -c archive_timeout="$PG_ARCHIVE_TIMEOUT" \
    -c archive_command="test ! -f '$WAL_ARCHIVE/%f' && cp %p '$WAL_ARCHIVE/%f'" \
    >>"$LOGS/postgres-$(date +%Y%m%d).log" 2>&1 &
  echo $! >"$RUN/postgres.pid"
}

# Waits up to 10 s for the local PostgreSQL to accept connections; fails when it is not running.
wait_for_postgres() {
  for _ in $(seq 1 50); do
    (exec 3<>"/dev/tcp/127.0.0.1/$PG_PORT") 2>/dev/null && break
    sleep 0.2
  done
  pid_alive "$RUN/postgres.pid"
}
