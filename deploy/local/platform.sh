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

# Prefix of every PostgreSQL command: as root they run in a user namespace, since PostgreSQL refuses to run as
# root. unshare execs the command, so a background server's $! is the postmaster itself.
PG_AS_USER=()
[ "$(id -u)" = 0 ] && PG_AS_USER=(unshare -U)
