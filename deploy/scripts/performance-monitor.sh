#!/usr/bin/env bash
# Watches the platform's services: every interval it prints, per service, CPU use, heap use, mean response
# time and error rate over the interval, and an ALERT line for each threshold crossed. It keeps running after
# alerts and while services are down, until Ctrl-C / SIGTERM or --iterations samples.
#
# Usage: performance-monitor.sh [--interval SECONDS] [--cpu-threshold PCT] [--memory-threshold PCT]
#          [--response-time-threshold MS] [--error-rate-threshold PCT] [--slack-webhook URL]
#          [--iterations N] [--alert-log FILE]
#
#   --interval SECONDS               time between samples (default 30)
#   --cpu-threshold PCT              process CPU use, process_cpu_usage x 100 (default 80)
#   --memory-threshold PCT           heap used / heap max, pools without a max left out (default 90)
#   --response-time-threshold MS     mean HTTP server response time over the interval (default 2000)
#   --error-rate-threshold PCT       share of 5xx responses among the interval's requests (default 5)
#   --slack-webhook URL              also post alerts (when they start) and their resolution to this Slack
#                                    incoming webhook; a failed post is reported and monitoring goes on
#   --iterations N                   stop after N samples (default: run until stopped)
#   --alert-log FILE                 where ALERT and RESOLVED lines are appended too
#                                    (default $OIL_TRADING_LOGS/performance-monitor-alerts.log; '' for none)
#   -h, --help                       this text
#
# Source of the figures: the Prometheus HTTP API when PROMETHEUS_URL is set and answers (rates over
# max(interval, PROMETHEUS_WINDOW seconds, default 60) since Prometheus scrapes only every 15-30 s), otherwise
# each service's /metrics, read directly (response time and errors are then exact deltas between two samples,
# so they appear from the second sample on). The header says which source is used.
# Where the services are: as health-check-system.sh (OIL_TRADING_HOST, TRADING_URL... PERF_REPORT_URL).
#
# Exit codes:
#   0  stopped normally (--iterations reached, SIGINT or SIGTERM)
#   2  usage error
#   3  curl or jq is missing
set -u
source "$(dirname "$0")/common.sh"

interval=30 cpu_max=80 mem_max=90 resp_max=2000 err_max=5 webhook="" iterations=0
alert_log=$LOGS/performance-monitor-alerts.log
while [ $# -gt 0 ]; do
  opt=$1 value=""
  case $opt in
    -h|--help) print_help; exit 0 ;;
    --*=*) value=${opt#*=}; opt=${opt%%=*} ;;
    --*) [ $# -ge 2 ] || usage_error "$opt needs a value"; value=$2; shift ;;
    *) usage_error "unknown argument: $opt" ;;
  esac
  case $opt in
    --interval) interval=$value ;;
    --cpu-threshold) cpu_max=$value ;;
    --memory-threshold) mem_max=$value ;;
    --response-time-threshold) resp_max=$value ;;
    --error-rate-threshold) err_max=$value ;;
    --slack-webhook) webhook=$value ;;
    --iterations) iterations=$value ;;
    --alert-log) alert_log=$value ;;
    *) usage_error "unknown option: $opt" ;;
  esac
  shift
done
for pair in "interval:$interval" "cpu-threshold:$cpu_max" "memory-threshold:$mem_max" \
            "response-time-threshold:$resp_max" "error-rate-threshold:$err_max"; do
  is_number "${pair#*:}" || usage_error "--${pair%%:*} must be a number, not '${pair#*:}'"
done
awk -v i="$interval" 'BEGIN { exit !(i > 0) }' || usage_error "--interval must be more than 0"
is_integer "$iterations" || usage_error "--iterations must be a whole number"
require_tools curl jq

# Service names, Prometheus job names (the module: trading-service...) and base URLs, in SERVICES order.
names=() jobs=() urls=()
for entry in "${SERVICES[@]}"; do
  read -r name module port _ <<<"$entry"
  names+=("$name") jobs+=("$module") urls+=("$(service_url "$name" "$port")")
done
job_regex=$(IFS='|'; echo "${jobs[*]}")

declare -A prev_count prev_sum prev_err active
source_kind=direct
prometheus=${PROMETHEUS_URL:-}
prometheus=${prometheus%/}
window=$(awk -v i="$interval" -v w="${PROMETHEUS_WINDOW:-60}" 'BEGIN { x = (i > w ? i : w); printf "%d", x + 0.999 }')

prometheus_answers() {
  local out
  out=$(curl -sf --max-time 5 "$prometheus/api/v1/query?query=1" 2>/dev/null) || return 1
  [ "$(jq -r .status <<<"$out" 2>/dev/null)" = success ]
}
if [ -n "$prometheus" ]; then
  if prometheus_answers; then
    source_kind=prometheus
    source_text="Prometheus at $prometheus (rates over ${window}s)"
  else
    source_text="the services' /metrics (Prometheus at $prometheus does not answer)"
  fi
else
  source_text="the services' /metrics (PROMETHEUS_URL not set)"
fi

log_alert() {  # line
  echo "$1"
  if [ -n "$alert_log" ]; then
    mkdir -p "$(dirname "$alert_log")" 2>/dev/null
    echo "$1" >>"$alert_log" 2>/dev/null || echo "WARN cannot write to $alert_log" >&2
  fi
}

post_slack() {  # text
  local body code
  body=$(jq -cn --arg text "$1" '{text: $text}')
  code=$(curl -s -o /dev/null -w '%{http_code}' --connect-timeout 3 --max-time 10 -X POST \
    -H 'Content-Type: application/json' --data "$body" "$webhook" 2>/dev/null)
  case $code in
    2??) ;;
    000) echo "WARN Slack post failed: no answer from the webhook" >&2 ;;
    *) echo "WARN Slack post failed: HTTP $code" >&2 ;;
  esac
}

# /metrics text -> "cpu heap_used heap_max requests seconds_sum errors" (cpu "nan" when absent).
parse_metrics() {
  awk '
    { sub(/ # \{.*/, "") }   # drop OpenMetrics exemplars, the value is then the last field
    /^process_cpu_usage[ {]/ { cpu = $NF }
    /^jvm_memory_used_bytes\{/ && /area="heap"/ { used += $NF }
    /^jvm_memory_max_bytes\{/ && /area="heap"/ { if ($NF + 0 > max) max = $NF + 0 }   # the old generation: -Xmx
    /^http_server_requests_seconds_count\{/ { count += $NF; if (/status="5[0-9][0-9]"/) errors += $NF }
    /^http_server_requests_seconds_sum\{/ { sum += $NF }
    END { printf "%s %.0f %.0f %.0f %.9f %.0f\n", (cpu == "" ? "nan" : cpu), used, max, count, sum, errors }'
}

# Each sampler fills, per service index: state (up/down), reason, cpu %, heap %, resp ms, err %, requests;
# "-" where there is no figure yet.
declare -A st_state st_reason st_cpu st_heap st_resp st_err st_req

sample_direct() {
  local i metrics cpu used max count sum errors dcount dsum derr
  for i in "${!names[@]}"; do
    st_cpu[$i]=- st_heap[$i]=- st_resp[$i]=- st_err[$i]=- st_req[$i]=- st_reason[$i]=""
    if ! metrics=$(curl -sS -f --connect-timeout 2 --max-time 10 "${urls[$i]}/metrics" 2>&1); then
      st_state[$i]=down st_reason[$i]=$(tail -1 <<<"$metrics" | sed 's/^curl: ([0-9]*) //')
      unset "prev_count[$i]"
      continue
    fi
    st_state[$i]=up
    read -r cpu used max count sum errors < <(parse_metrics <<<"$metrics")
    [ "$cpu" = nan ] || st_cpu[$i]=$(awk -v c="$cpu" 'BEGIN { printf "%.1f", c * 100 }')
    [ "$max" -gt 0 ] && st_heap[$i]=$(awk -v u="$used" -v m="$max" 'BEGIN { printf "%.1f", u * 100 / m }')
    if [ -n "${prev_count[$i]:-}" ]; then
      # Counters restart from zero with the service: then the whole current value is the interval's.
      if [ "$count" -lt "${prev_count[$i]}" ]; then dcount=$count dsum=$sum derr=$errors
      else
        dcount=$((count - prev_count[$i])) derr=$((errors - prev_err[$i]))
        dsum=$(awk -v a="$sum" -v b="${prev_sum[$i]}" 'BEGIN { printf "%.9f", a - b }')
      fi
      st_req[$i]=$dcount
      if [ "$dcount" -gt 0 ]; then
        st_resp[$i]=$(awk -v s="$dsum" -v c="$dcount" 'BEGIN { printf "%.1f", s * 1000 / c }')
        st_err[$i]=$(awk -v e="$derr" -v c="$dcount" 'BEGIN { printf "%.2f", e * 100 / c }')
      fi
    fi
    prev_count[$i]=$count prev_sum[$i]=$sum prev_err[$i]=$errors
  done
}

# One instant query, printed as "job value" lines; fails when Prometheus does not answer.
prom_query() {
  local out
  out=$(curl -sf --max-time 10 "$prometheus/api/v1/query" --data-urlencode "query=$1" 2>/dev/null) || return 1
  jq -r 'select(.status == "success") | .data.result[] | "\(.metric.job) \(.value[1])"' <<<"$out"
}

sample_prometheus() {
  local sel="job=~\"$job_regex\"" w="${window}s" up cpu heap resp err req i job
  local count="http_server_requests_seconds_count{$sel}"
  up=$(prom_query "max by (job) (up{$sel})") || return 1
  cpu=$(prom_query "max by (job) (process_cpu_usage{$sel})")
  heap=$(prom_query "max by (job) (sum by (job, instance) (jvm_memory_used_bytes{$sel, area=\"heap\"})
    / max by (job, instance) (jvm_memory_max_bytes{$sel, area=\"heap\"}))")
  req=$(prom_query "sum by (job) (increase(${count}[$w]))")
  resp=$(prom_query "sum by (job) (increase(http_server_requests_seconds_sum{$sel}[$w])) / sum by (job) (increase(${count}[$w]))")
  # No 5xx series at all means no errors, not "no data": hence the "or ... * 0".
  err=$(prom_query "(sum by (job) (increase(http_server_requests_seconds_count{$sel, status=~\"5..\"}[$w]))
    or sum by (job) (increase(${count}[$w])) * 0) / sum by (job) (increase(${count}[$w]))")
  for i in "${!names[@]}"; do
    job=${jobs[$i]}
    st_cpu[$i]=- st_heap[$i]=- st_resp[$i]=- st_err[$i]=- st_req[$i]=- st_reason[$i]=""
    case $(awk -v j="$job" '$1 == j { print $2 }' <<<"$up") in
      1) st_state[$i]=up ;;
      0) st_state[$i]=down st_reason[$i]="Prometheus cannot scrape $job" ;;
      *) st_state[$i]=down st_reason[$i]="no $job target in Prometheus" ;;
    esac
    [ "${st_state[$i]}" = up ] || continue
    st_cpu[$i]=$(pick "$cpu" "$job" 100 1)
    st_heap[$i]=$(pick "$heap" "$job" 100 1)
    st_resp[$i]=$(pick "$resp" "$job" 1000 1)
    st_err[$i]=$(pick "$err" "$job" 100 2)
    st_req[$i]=$(pick "$req" "$job" 1 0)
  done
}

pick() {  # lines job factor decimals: the job's value x factor, "-" when absent or NaN
  awk -v j="$2" -v f="$3" -v d="$4" '
    $1 == j && tolower($2) != "nan" && $2 !~ /Inf/ { printf "%.*f", d, $2 * f; found = 1 }
    END { if (!found) printf "-" }' <<<"$1"
}

over() { [ "$1" != - ] && awk -v v="$1" -v t="$2" 'BEGIN { exit !(v > t) }'; }

# Prints the sample, raises/resolves alerts; alerts are printed at every sample while they last, and
# posted to Slack only when they start or end, so that a long incident is one message, not one a minute.
report() {
  local now i name key message started=() resolved=() order=()
  declare -A firing=()
  now=$(utc_now)
  for i in "${!names[@]}"; do
    name=${names[$i]}
    if [ "${st_state[$i]}" = down ]; then
      printf '%s %-12s DOWN  %s\n' "$now" "$name" "${st_reason[$i]}"
      firing["$name down"]="${st_reason[$i]}" order+=("$name down")
      continue
    fi
    printf '%s %-12s cpu %6s%%  heap %6s%%  resp %8s ms  errors %6s%%  requests %s\n' "$now" "$name" \
      "${st_cpu[$i]}" "${st_heap[$i]}" "${st_resp[$i]}" "${st_err[$i]}" "${st_req[$i]}"
    over "${st_cpu[$i]}" "$cpu_max" && firing["$name cpu"]="${st_cpu[$i]}% > ${cpu_max}%" order+=("$name cpu")
    over "${st_heap[$i]}" "$mem_max" && firing["$name memory"]="heap ${st_heap[$i]}% > ${mem_max}%" order+=("$name memory")
    over "${st_resp[$i]}" "$resp_max" && firing["$name response-time"]="${st_resp[$i]} ms > ${resp_max} ms" \
      order+=("$name response-time")
    over "${st_err[$i]}" "$err_max" && firing["$name error-rate"]="${st_err[$i]}% > ${err_max}%" \
      order+=("$name error-rate")
  done
  for key in ${order[@]+"${order[@]}"}; do
    message="$now ALERT $key: ${firing[$key]}"
    log_alert "$message"
    [ -n "${active[$key]:-}" ] || started+=("$message")
    active[$key]=1
  done
  for key in "${!active[@]}"; do
    if [ -z "${firing[$key]:-}" ]; then
      message="$now RESOLVED $key"
      log_alert "$message"
      resolved+=("$message")
      unset "active[$key]"
    fi
  done
  if [ -n "$webhook" ] && [ $((${#started[@]} + ${#resolved[@]})) -gt 0 ]; then
    post_slack "Oil trading performance monitor on ${HOSTNAME:-$(uname -n)}:"$'\n'"$(printf '%s\n' ${started[@]+"${started[@]}"} ${resolved[@]+"${resolved[@]}"})"
  fi
}

stopping=false sleeper=""
# shellcheck disable=SC2317  # invoked by the trap
on_signal() { stopping=true; [ -n "$sleeper" ] && kill "$sleeper" 2>/dev/null; }
trap on_signal INT TERM

echo "Performance monitor: every ${interval}s from $source_text"
echo "Thresholds: cpu ${cpu_max}%  heap ${mem_max}%  response time ${resp_max} ms  error rate ${err_max}%${webhook:+  (alerts to Slack)}"
samples=0
while ! $stopping; do
  if [ "$source_kind" = prometheus ] && ! sample_prometheus; then
    echo "WARN Prometheus at $prometheus did not answer; this sample comes from the services' /metrics" >&2
    sample_direct
  elif [ "$source_kind" = direct ]; then
    sample_direct
  fi
  $stopping && break   # a signal during the sample: its figures may be partial
  report
  samples=$((samples + 1))
  [ "$iterations" -gt 0 ] && [ "$samples" -ge "$iterations" ] && break
  # sleep in the background, so that a signal ends the wait at once instead of after the interval
  sleep "$interval" &
  sleeper=$!
  wait "$sleeper" 2>/dev/null
  sleeper=""
done
echo "Performance monitor stopped after $samples samples"
exit 0
