#!/usr/bin/env bash
# Deletes monitoring data older than the retention: log files in the logs folder (by modification time) and
# the performance reports stored by perf-report-service. Prints what it deletes, or would delete.
#
# Usage: cleanup-monitoring-data.sh --retention DAYS [--dry-run]
#
#   --retention DAYS   keep what is younger than DAYS x 24 h (a whole number; 0 keeps nothing but the files
#                      in use)
#   --dry-run          list what would be deleted, delete nothing
#   -h, --help         this text
#
# Logs: *.log and rotated *.log.* files directly in $OIL_TRADING_LOGS (default logs/ of the repository).
# A file a running process of the local platform has open, or the current day's log of a running service,
# is never deleted.
# Reports: DELETE /api/performance/reports?olderThanDays=DAYS on perf-report-service (PERF_REPORT_URL or
# OIL_TRADING_HOST, port 8085); the dry run counts them with GET ...&size=1. When the service does not
# answer or has no such API, the logs are cleaned anyway and the script says why the reports were not.
# Both calls send a bearer token of role admin (docs/access-control.md): OIL_TRADING_TOKEN when set, otherwise
# one from deploy/local/token.sh when the local platform's signing key exists.
#
# Exit codes:
#   0  everything older than the retention was deleted (or, with --dry-run, listed)
#   1  something could not be cleaned: the reports (perf-report-service unreachable, no reports API, no
#      token or a refused one, an error answer) or a log file that could not be deleted
#   2  usage error
#   3  curl or jq is missing
set -u
source "$(dirname "$0")/common.sh"

retention="" dry_run=false
while [ $# -gt 0 ]; do
  case $1 in
    --retention) [ $# -ge 2 ] || usage_error "--retention needs a number of days"; retention=$2; shift ;;
    --retention=*) retention=${1#*=} ;;
    --dry-run) dry_run=true ;;
    -h|--help) print_help; exit 0 ;;
    *) usage_error "unknown argument: $1" ;;
  esac
  shift
done
[ -n "$retention" ] || usage_error "--retention DAYS is required"
is_integer "$retention" || usage_error "--retention must be a whole number of days, not '$retention'"
retention=$((10#$retention))
require_tools curl jq

status=0
verb=Deleted
$dry_run && verb="Would delete"
today=$(date +%Y%m%d)

# Files that running processes of the local platform (services, PostgreSQL, Prometheus...) hold open.
in_use=$(
  for pidfile in "$RUN"/*.pid; do
    pid_alive "$pidfile" || continue
    for fd in /proc/"$(cat "$pidfile")"/fd/*; do readlink -f "$fd" 2>/dev/null; done
  done | sort -u
)
protected() {  # file
  local base entry name
  grep -qxF "$1" <<<"$in_use" && return 0
  base=$(basename "$1")
  for entry in "${SERVICES[@]}"; do
    read -r name _ _ _ <<<"$entry"
    [ "$base" = "oil-trading-$name-$today.log" ] && pid_alive "$RUN/$name.pid" && return 0
  done
  return 1
}

human_size() { awk -v b="$1" 'BEGIN { split("B KiB MiB GiB", u); i = 1; while (b >= 1024 && i < 4) { b /= 1024; i++ }
  printf (i == 1 ? "%d %s" : "%.1f %s"), b, u[i] }'; }

# 1. Log files
echo "Logs in $LOGS older than $retention days:"
if [ -d "$LOGS" ]; then
  logs=$(cd "$LOGS" && pwd)
  count=0 bytes=0 kept=0
  while IFS= read -r -d '' file; do
    if protected "$file"; then kept=$((kept + 1)); continue; fi
    size=$(stat -c %s "$file")
    printf '  %s  %9s  %s\n' "$(date -r "$file" '+%Y-%m-%d %H:%M')" "$(human_size "$size")" "$(basename "$file")"
    if ! $dry_run && ! rm -f -- "$file"; then
      echo "  could not delete $file" >&2
      status=1
      continue
    fi
    count=$((count + 1)) bytes=$((bytes + size))
  done < <(find "$logs" -maxdepth 1 -type f \( -name '*.log' -o -name '*.log.*' \) \
             -mmin +$((retention * 1440)) -print0 | sort -z)
  echo "$verb $count log files ($(human_size "$bytes"))$([ "$kept" -gt 0 ] && echo ", kept $kept in use")"
else
  echo "  no logs folder, nothing to do"
fi

# 2. Stored performance reports
for entry in "${SERVICES[@]}"; do
  read -r name _ port _ <<<"$entry"
  [ "$name" = perf-report ] && reports_url="$(service_url "$name" "$port")/api/performance/reports?olderThanDays=$retention"
done
echo
echo "Performance reports older than $retention days (${reports_url%%\?*}):"
# The operator's token, or one of the local platform for this run only (the user is what the audit records).
token=${OIL_TRADING_TOKEN:-}
[ -z "$token" ] && [ -r "$JWT_PRIVATE_KEY" ] \
  && token=$("$ROOT/deploy/local/token.sh" admin cleanup-monitoring-data 300 2>/dev/null)
auth=()
[ -n "$token" ] && auth=(-H "Authorization: Bearer $token")
body=$(mktemp)
trap 'rm -f "$body"' EXIT
if $dry_run; then
  code=$(curl -sS -o "$body" -w '%{http_code}' --connect-timeout 3 --max-time 30 ${auth[@]+"${auth[@]}"} \
    "$reports_url&size=1" 2>"$body.err")
  field=total
else
  code=$(curl -sS -o "$body" -w '%{http_code}' --connect-timeout 3 --max-time 120 ${auth[@]+"${auth[@]}"} \
    -X DELETE "$reports_url" 2>"$body.err")
  field=deleted
fi
reason=""
case $code in
  2??) n=$(jq -er --arg f "$field" '.[$f] | numbers' "$body" 2>/dev/null) \
         || reason="unexpected answer (no \"$field\" count): $(head -c 200 "$body")" ;;
  000) reason="perf-report-service does not answer: $(sed 's/^curl: ([0-9]*) //' "$body.err" | head -1)" ;;
  404|405) reason="perf-report-service has no reports API yet (HTTP $code)" ;;
  401|403) reason="HTTP $code: perf-report-service needs a token of role admin in OIL_TRADING_TOKEN (docs/access-control.md)" ;;
  *) reason="HTTP $code: $(jq -r '.detail // .title // empty' "$body" 2>/dev/null || head -c 200 "$body")" ;;
esac
rm -f "$body.err"
if [ -n "$reason" ]; then
  echo "  Reports were NOT cleaned: $reason"
  status=1
else
  echo "$verb $n stored performance reports"
fi
exit $status
