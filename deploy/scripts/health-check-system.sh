#!/usr/bin/env bash
# Checks every service of the platform: liveness, readiness (naming the failing checks), response time and,
# with --detailed, version, commit, uptime, each check with its duration and the business counts.
#
# Usage: health-check-system.sh [--detailed] [--format text|json|prometheus] [--service NAME]...
#
#   --detailed        also read /health/detailed of each service
#   --format FORMAT   text (default, a table), json (one document) or prometheus (text exposition format,
#                     for node_exporter's textfile collector or a Pushgateway). Printed in full even when
#                     checks fail, with unreachable services reported as such.
#   --service NAME    check only this service (repeatable): trading, pricefeed, risk, settlement, perf-report
#   -h, --help        this text
#
# Where the services are: http://$OIL_TRADING_HOST:<port> (default localhost, ports 8081-8085), or one URL
# per service in TRADING_URL, PRICEFEED_URL, RISK_URL, SETTLEMENT_URL, PERF_REPORT_URL (e.g. port-forwards).
# HEALTH_TIMEOUT: seconds allowed per request (default 5).
#
# A service is healthy when /health/live and /health/ready both answer 200; not-ready when it is alive but
# readiness fails (its own database, usually); unhealthy when liveness fails; unreachable when nothing answers.
#
# Exit codes:
#   0  every checked service is healthy
#   1  at least one service is not-ready, unhealthy or unreachable (the platform is degraded or down)
#   2  usage error
#   3  curl or jq is missing
set -u
source "$(dirname "$0")/common.sh"

detailed=false
format=text
only=()
while [ $# -gt 0 ]; do
  case $1 in
    --detailed) detailed=true ;;
    --format) [ $# -ge 2 ] || usage_error "--format needs a value"; format=$2; shift ;;
    --format=*) format=${1#*=} ;;
    --service) [ $# -ge 2 ] || usage_error "--service needs a value"; only+=("$2"); shift ;;
    --service=*) only+=("${1#*=}") ;;
    -h|--help) print_help; exit 0 ;;
    *) usage_error "unknown argument: $1" ;;
  esac
  shift
done
case $format in text|json|prometheus) ;; *) usage_error "unknown format: $format (text, json or prometheus)" ;; esac
for name in ${only[@]+"${only[@]}"}; do
  printf '%s\n' "${SERVICES[@]}" | awk -v n="$name" '$1 == n { found = 1 } END { exit !found }' \
    || usage_error "unknown service: $name"
done
require_tools curl jq

TIMEOUT=${HEALTH_TIMEOUT:-5}
is_number "$TIMEOUT" || usage_error "HEALTH_TIMEOUT must be a number of seconds"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# GET url into $tmp/body; sets code (0 when nothing answered), seconds and error (curl's message).
fetch() {
  local out
  out=$(curl -sS -o "$tmp/body" --connect-timeout 2 --max-time "$TIMEOUT" -w '%{http_code} %{time_total}' "$1" 2>"$tmp/err")
  read -r code seconds <<<"${out:-000 0}"
  code=$((10#$code))   # 000 becomes 0: a JSON number, and the "nothing answered" value
  error=$(head -c 300 "$tmp/err" | tr '\n' ' ' | sed 's/^curl: ([0-9]*) //; s/ *$//')
  [ "$code" = 0 ] || error=""
}

# One JSON object per service, gathered first; the three formats are renderings of the same document.
results=()
for entry in "${SERVICES[@]}"; do
  read -r name _ port _ <<<"$entry"
  if [ ${#only[@]} -gt 0 ] && ! printf '%s\n' "${only[@]}" | grep -qxF "$name"; then
    continue
  fi
  url=$(service_url "$name" "$port")

  fetch "$url/health/live"
  live_code=$code live_seconds=$seconds error_msg=$error
  ready_code=0 ready_seconds=null failing='[]' detail=null
  if [ "$live_code" != 0 ]; then
    fetch "$url/health/ready"
    ready_code=$code ready_seconds=$seconds
    [ "$code" = 0 ] && error_msg=$error
    # The 503 body lists every check; the ones not UP are what the operator needs to see.
    failing=$(jq -c '[.checks[]? | select(.status != "UP") | .name]' "$tmp/body" 2>/dev/null) || failing='[]'
    [ -n "$failing" ] || failing='[]'
    if $detailed; then
      fetch "$url/health/detailed"
      detail=$(jq -c --argjson code "$code" 'select(type == "object" and has("uptimeSeconds")) | {code: $code, service, version, commit, status, startedAt,
          uptimeSeconds, checks: [.checks[]? | {name, kind, status, durationMs}], business: (.business // {})}' \
        "$tmp/body" 2>/dev/null) || detail=null
      [ -n "$detail" ] || detail=null
      [ "$detail" != null ] || detail=$(jq -cn --argjson code "$code" --arg error "$error" \
        '{code: $code, error: (if $error == "" then "no detailed health document" else $error end)}')
    fi
  fi

  if [ "$live_code" = 0 ]; then status=unreachable
  elif [ "$live_code" != 200 ]; then status=unhealthy
  elif [ "$ready_code" != 200 ]; then status=not-ready
  else status=healthy
  fi

  results+=("$(jq -cn --arg service "$name" --arg url "$url" --arg status "$status" \
    --argjson liveCode "$live_code" --argjson liveSeconds "$live_seconds" \
    --argjson readyCode "$ready_code" --argjson readySeconds "$ready_seconds" \
    --argjson failing "$failing" --arg error "$error_msg" --argjson detailed "$detail" '
    {service: $service, url: $url, status: $status,
     live: {code: $liveCode, seconds: (if $liveCode == 0 then null else $liveSeconds end)},
     ready: {code: $readyCode, seconds: (if $readyCode == 0 then null else $readySeconds end), failingChecks: $failing},
     responseSeconds: (if $readyCode == 0 then null else $readySeconds end),
     error: (if $error == "" then null else $error end)}
    + (if $detailed == null then {} else {detailed: $detailed} end)')")
done

report=$(printf '%s\n' "${results[@]}" | jq -cs --arg time "$(utc_now)" '
  (map(select(.status == "healthy")) | length) as $healthy
  | {timestamp: $time,
     status: (if $healthy == length then "healthy" elif $healthy == 0 then "unhealthy" else "degraded" end),
     summary: {total: length, healthy: $healthy},
     services: .}')

render_text() {
  printf '%-12s %-12s %-5s %-6s %-9s %s\n' SERVICE STATUS LIVE READY TIME URL
  jq -r '.services[] | [.service, .status, .live.code, .ready.code,
      (.responseSeconds // "-"), .url] | @tsv' <<<"$report" |
  while IFS=$'\t' read -r service status live ready time url; do
    [ "$live" = 0 ] && live=-
    [ "$ready" = 0 ] && ready=-
    [ "$time" = - ] || time=$(printf '%.3fs' "$time")
    printf '%-12s %-12s %-5s %-6s %-9s %s\n' "$service" "$status" "$live" "$ready" "$time" "$url"
    # Indented detail lines under their service: why it is not healthy, then the detailed view.
    jq -r --arg s "$service" '.services[] | select(.service == $s) |
      (if .error then "    error: \(.error)" else empty end),
      (if (.ready.failingChecks | length) > 0 then "    failing: \(.ready.failingChecks | join(", "))" else empty end),
      (.detailed // empty |
        if .error then "    detailed: \(.error)" else
          "    version \(.version // "?")  commit \(.commit // "?")  up \(.uptimeSeconds // 0 |
            if . < 60 then "\(.)s" else "\(. / 86400 | floor)d \(. % 86400 / 3600 | floor)h \(. % 3600 / 60 | floor)m" end)  started \(.startedAt // "?")",
          (.checks[] | "    check  \(.kind)  \(.name): \(.status) (\(.durationMs) ms)"),
          (if (.business | length) > 0 then
             "    business: \(.business | to_entries | map("\(.key)=\(.value | if type == "string" then . else tojson end)") | join("  "))"
           else empty end)
        end)' <<<"$report"
  done
  jq -r '"\nOverall: \(.status) (\(.summary.healthy)/\(.summary.total) services healthy)  \(.timestamp)"' <<<"$report"
}

# Prometheus text format: one HELP/TYPE per family, label values escaped, nothing for values not measured.
render_prometheus() {
  jq -r '
    def esc: tostring | gsub("\\\\"; "\\\\") | gsub("\""; "\\\"") | gsub("\n"; "\\n");
    def labels: to_entries | map("\(.key)=\"\(.value | esc)\"") | join(",");
    def family($name; $help; $samples):
      if ($samples | length) == 0 then empty else
        "# HELP \($name) \($help)", "# TYPE \($name) gauge",
        ($samples[] | "\($name){\(.l | labels)} \(.v)")
      end;
    .services as $s
    | family("oil_trading_healthcheck_up"; "1 when the service is live and ready, 0 otherwise.";
        [$s[] | {l: {service}, v: (if .status == "healthy" then 1 else 0 end)}]),
      family("oil_trading_healthcheck_live"; "1 when /health/live answered 200.";
        [$s[] | {l: {service}, v: (if .live.code == 200 then 1 else 0 end)}]),
      family("oil_trading_healthcheck_ready"; "1 when /health/ready answered 200.";
        [$s[] | {l: {service}, v: (if .ready.code == 200 then 1 else 0 end)}]),
      family("oil_trading_healthcheck_response_seconds"; "Time /health/ready took to answer.";
        [$s[] | select(.responseSeconds != null) | {l: {service}, v: .responseSeconds}]),
      family("oil_trading_healthcheck_build_info"; "Version and commit of the service, from /health/detailed.";
        [$s[] | select(.detailed.version != null)
         | {l: {service, version: .detailed.version, commit: (.detailed.commit // "")}, v: 1}]),
      family("oil_trading_healthcheck_uptime_seconds"; "Uptime of the service, from /health/detailed.";
        [$s[] | select(.detailed.uptimeSeconds != null) | {l: {service}, v: .detailed.uptimeSeconds}]),
      family("oil_trading_healthcheck_check_up"; "1 when the named health check is UP, from /health/detailed.";
        [$s[] | .service as $svc | .detailed.checks[]?
         | {l: {service: $svc, kind, check: .name}, v: (if .status == "UP" then 1 else 0 end)}]),
      family("oil_trading_healthcheck_check_duration_seconds"; "Time the named health check took, from /health/detailed.";
        [$s[] | .service as $svc | .detailed.checks[]?
         | {l: {service: $svc, kind, check: .name}, v: (.durationMs / 1000)}]),
      family("oil_trading_healthcheck_business_value"; "Numeric business figures of /health/detailed (counts), by name.";
        [$s[] | .service as $svc | .detailed.business // {} | to_entries[]
         | select(.value | type == "number") | {l: {service: $svc, name: .key}, v: .value}]),
      "# HELP oil_trading_healthcheck_timestamp_seconds When this health check ran (Unix time).",
      "# TYPE oil_trading_healthcheck_timestamp_seconds gauge",
      "oil_trading_healthcheck_timestamp_seconds \(.timestamp | fromdateiso8601)"
  ' <<<"$report"
}

case $format in
  json) jq . <<<"$report" ;;
  prometheus) render_prometheus ;;
  text) render_text ;;
esac

[ "$(jq -r .status <<<"$report")" = healthy ]
