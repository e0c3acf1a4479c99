# Shared by start.sh and stop.sh: where the local platform keeps its state, and its services.
# shellcheck shell=bash disable=SC2034  # sourced: the variables are used by the scripts that source it

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
STATE=${OIL_TRADING_STATE:-$ROOT/.local}     # PostgreSQL data, binaries and pid files (kept between runs)
LOGS=${OIL_TRADING_LOGS:-$ROOT/logs}         # one log file per service and day, as the operations guide expects
RUN=$STATE/run
PG_PORT=${PG_PORT:-15432}

# service name, module, port, database
SERVICES=(
  "trading trading-service 8081 trading"
  "pricefeed pricefeed-service 8082 pricefeed"
  "risk risk-service 8083 risk"
  "settlement settlement-service 8084 settlement"
  "perf-report perf-report-service 8085 perfreport"
)

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# Prefix of every PostgreSQL command: as root they run in a user namespace, since PostgreSQL refuses to run as
# root. unshare execs the command, so a background server's $! is the postmaster itself.
PG_AS_USER=()
[ "$(id -u)" = 0 ] && PG_AS_USER=(unshare -U)
