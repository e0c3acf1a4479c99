# shellcheck shell=bash disable=SC2034  # the URLs and names are used by the .bats file that loads this
# Shared by end-to-end.bats: the platform's URLs, waiting, Prometheus and Alertmanager, the test book and the
# report. Times are Unix seconds with milliseconds; figures go to the report ($REPORT) and to the bats output.

TRADING=http://localhost:8081
PRICEFEED=http://localhost:8082
RISK=http://localhost:8083
SETTLEMENT=http://localhost:8084
PERF_REPORT=http://localhost:8085
SERVICE_NAMES=(trading pricefeed risk settlement perf-report)
SERVICE_PORTS=(8081 8082 8083 8084 8085)

now() { date +%s.%3N; }
since() { awk -v a="$1" -v b="${2:-$(now)}" 'BEGIN { printf "%.1f", b - a }'; }
say() { echo "# $*" >&3; }
report() { echo "$*" >>"$REPORT"; }

# --- Tokens (docs/access-control.md) -----------------------------------------------------------------------

# The desk's users with the role each one's calls need. setup_file mints every token once, valid for the whole
# run, into $BATS_FILE_TMPDIR/tokens/<user>.
E2E_USERS=(e2e-trader:trader e2e-approver:risk-manager e2e-admin:admin e2e-ops:operations e2e-risk:risk-manager
  e2e-price-admin:price-admin e2e-auditor:auditor)

mint_tokens() {  # seconds
  local entry
  mkdir -p "$BATS_FILE_TMPDIR/tokens"
  for entry in "${E2E_USERS[@]}"; do
    "$ROOT/deploy/local/token.sh" "${entry#*:}" "${entry%%:*}" "$1" >"$BATS_FILE_TMPDIR/tokens/${entry%%:*}" || return 1
  done
}

auth() { echo "Authorization: Bearer $(<"$BATS_FILE_TMPDIR/tokens/$1")"; }  # user: the header with their token

# The status of a GET; with a user, sent with that user's token (every /api endpoint needs one).
status_of() {  # url [user]
  local header=()
  [ -n "${2:-}" ] && header=(-H "$(auth "$2")")
  curl -s -o /dev/null -w '%{http_code}' --max-time 10 "${header[@]}" "$1"
}

wait_for_status() {  # url status seconds [user]
  local deadline=$((SECONDS + $3)) last
  while [ $SECONDS -lt $deadline ]; do
    last=$(status_of "$1" "${4:-}")
    [ "$last" = "$2" ] && return 0
    sleep 0.2
  done
  echo "$1 did not answer $2 within $3 s (last: $last)" >&2
  return 1
}

# A call to a business API as a user of the desk (E2E_USERS); prints the body, fails on anything but 2xx.
api() {  # method url [json] [user]
  curl -s -f --max-time 30 -X "$1" -H 'Content-Type: application/json' -H "$(auth "${4:-e2e-trader}")" \
    ${3:+-d "$3"} "$2"
}

pid_of() { cat "$OIL_TRADING_STATE/run/$1.pid"; }

# Stops one service and starts it again from a working folder (its disk metric is that folder's file system) and,
# given a cgroup v1 folder, inside it (the starting shell joins the cgroup, so the JVM runs under its limits).
restart_service() {  # name folder [cgroup]
  local pid i
  pid=$(pid_of "$1")
  kill -TERM "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  (
    [ -z "${3:-}" ] || echo "$BASHPID" >"$3/cgroup.procs"
    cd "$2" && "$ROOT/deploy/local/start.sh" >/dev/null 2>&1
  ) || return 1
  for i in "${!SERVICE_NAMES[@]}"; do
    [ "${SERVICE_NAMES[$i]}" != "$1" ] || wait_for_status "http://localhost:${SERVICE_PORTS[$i]}/health/ready" 200 60 || return 1
  done
}

# --- Prometheus and Alertmanager ----------------------------------------------------------------------------

promql() {  # expr: prints the result vector as JSON
  curl -s --data-urlencode "query=$1" "$PROMETHEUS/api/v1/query" | jq -c '.data.result'
}

# firing, pending or inactive: the state of the alert's instances that match a jq condition on their labels.
alert_state() {  # alertname jq-condition
  curl -s "$PROMETHEUS/api/v1/alerts" | jq -r --arg name "$1" "[.data.alerts[] | select(.labels.alertname == \$name)
    | select(.labels | $2)] | if length == 0 then \"inactive\" elif any(.[]; .state == \"firing\") then \"firing\" else \"pending\" end"
}

await_alert() {  # alertname jq-condition state seconds: prints the time it got there
  local deadline=$((SECONDS + $4)) state
  while [ $SECONDS -lt $deadline ]; do
    state=$(alert_state "$1" "$2")
    [ "$state" = "$3" ] && { now; return 0; }
    sleep 0.5
  done
  echo "$1 ($2) was not $3 within $4 s (last: $state)" >&2
  return 1
}

# The receivers of the operations guide's table, as the Prometheus Operator names the chart's receivers
# (<namespace>/<AlertmanagerConfig>/<receiver>): critical -> PagerDuty, and every alert to its category's receiver.
RECEIVER_PREFIX=oil-trading/oil-trading/
guide_receivers() {  # severity category
  local receivers=""
  [ "$1" = critical ] && receivers="${RECEIVER_PREFIX}pagerduty-critical "
  case $2 in
    business) receivers+="${RECEIVER_PREFIX}business-email-slack" ;;
    performance) receivers+="${RECEIVER_PREFIX}performance-slack" ;;
    *) receivers+="${RECEIVER_PREFIX}system-email" ;;
  esac
  echo "$receivers"
}

# The receivers the routing (deploy/monitoring/alertmanager.yml, generated as the Prometheus Operator does) gives
# the alert, asked of amtool with every label of its first matching instance in Prometheus; fails when they are not
# the guide's receivers for its severity and category.
checked_receivers() {  # alertname jq-condition
  local labels args routed expected
  labels=$(curl -s "$PROMETHEUS/api/v1/alerts" | jq -c --arg name "$1" "[.data.alerts[]
    | select(.labels.alertname == \$name) | select(.labels | $2)][0].labels // {}")
  mapfile -t args < <(jq -r 'to_entries[] | "\(.key)=\(.value)"' <<<"$labels")
  routed=$(amtool config routes test --config.file="$ROOT/deploy/monitoring/alertmanager.yml" "${args[@]}" | tr ',' ' ')
  expected=$(guide_receivers "$(jq -r .severity <<<"$labels")" "$(jq -r .category <<<"$labels")")
  [ "$routed" = "$expected" ] || { echo "$1 $labels is routed to [$routed], the guide says [$expected]" >&2; return 1; }
  echo "$routed"
}

# Waits until every expected receiver got a notification, sent after `after`, carrying the alert in `status`.
await_notification() {  # alertname jq-condition status after seconds receivers: prints when the last one got it
  local deadline=$((SECONDS + $5)) receivers=$6 receiver received latest
  while [ $SECONDS -lt $deadline ]; do
    latest=""
    for receiver in $receivers; do
      received=$(jq -r --arg r "$receiver" --arg name "$1" --arg status "$3" --argjson after "$4" \
        "select(.receiver == \$r and .receivedAt >= \$after) | select(any(.alerts[]; .labels.alertname == \$name
          and .status == \$status and (.labels | $2))) | .receivedAt" "$ALERT_SINK_LOG" 2>/dev/null | head -1)
      [ -n "$received" ] || { latest=""; break; }
      latest=$received
    done
    [ -n "$latest" ] && { echo "$latest"; return 0; }
    sleep 0.5
  done
  echo "$1 ($2): not every receiver of [$receivers] was notified '$3' within $5 s" >&2
  return 1
}

# An alert fires: waits for the firing state and for every receiver's notification; keeps the times for
# alert_resolved.
alert_fired() {  # alertname jq-condition triggered-at seconds
  local fired receivers notified
  fired=$(await_alert "$1" "$2" firing "$4") || return 1
  receivers=$(checked_receivers "$1" "$2") || return 1
  notified=$(await_notification "$1" "$2" firing "$3" 30 "$receivers") || return 1
  echo "$3 $fired $notified" >"$BATS_FILE_TMPDIR/alert-$1"
  echo "$receivers" >"$BATS_FILE_TMPDIR/receivers-$1"
  say "$1 {$2}: fired $(since "$3" "$fired") s after the trigger; [$receivers] notified at $(since "$3" "$notified") s"
}

# The alert resolves: waits for it to leave Prometheus and for the resolved notifications; prints and reports
# the whole cycle.
alert_resolved() {  # alertname jq-condition restored-at seconds
  local triggered fired notified receivers resolved resolved_notified
  read -r triggered fired notified <"$BATS_FILE_TMPDIR/alert-$1"
  receivers=$(<"$BATS_FILE_TMPDIR/receivers-$1")
  resolved=$(await_alert "$1" "$2" inactive "$4") || return 1
  resolved_notified=$(await_notification "$1" "$2" resolved "$3" 30 "$receivers") || return 1
  say "$1 {$2}: resolved $(since "$3" "$resolved") s after the restore; resolved notices at $(since "$3" "$resolved_notified") s"
  echo "| $1 | \`$2\` | $(since "$triggered" "$fired") | $(since "$triggered" "$notified") | $receivers |" \
    "$(since "$3" "$resolved") | $(since "$3" "$resolved_notified") |" >>"$ALERT_TABLE"
}

# One alert from trigger to resolution: trigger command, fired and notified, restore command, resolved.
alert_cycle() {  # alertname jq-condition fire-timeout resolve-timeout trigger-command restore-command
  local triggered restored
  triggered=$(now)
  eval "$5" || { echo "the trigger of $1 failed: $5" >&2; return 1; }
  alert_fired "$1" "$2" "$triggered" "$3" || return 1
  restored=$(now)
  eval "$6" || { echo "the restore after $1 failed: $6" >&2; return 1; }
  alert_resolved "$1" "$2" "$restored" "$4"
}

# --- The test book ------------------------------------------------------------------------------------------

# A confirmed physical contract: captured and submitted by the trader, confirmed by a second user (four eyes).
confirmed_contract() {  # direction product quantity laycan-start pricing-json: prints the id
  local id laycan_end
  laycan_end=$(date -u -d "$4 + 2 days" +%F)
  id=$(api POST "$TRADING/api/contracts" "{\"direction\":\"$1\",\"product\":\"$2\",\"counterparty\":\"E2ECP\",
    \"quantity\":$3,\"quantityUnit\":\"BBL\",\"tolerancePercent\":2,\"toleranceOption\":\"SELLER\",\"incoterm\":\"FOB\",
    \"laycanStart\":\"$4\",\"laycanEnd\":\"$laycan_end\",\"pricing\":$5,
    \"paymentTerms\":{\"event\":\"BL\",\"days\":30,\"dayType\":\"CALENDAR\"},\"trader\":\"e2e-trader\",\"book\":\"E2E\"}" | jq -r .id) \
    || return 1
  api POST "$TRADING/api/contracts/$id/submit" >/dev/null || return 1
  api POST "$TRADING/api/contracts/$id/confirm" '' e2e-approver >/dev/null || return 1
  echo "$id"
}

cancel_contract() {  # id
  api POST "$TRADING/api/contracts/$1/cancel" '{"reason":"end-to-end drill"}' >/dev/null
}

# Crude grades, a counterparty, one forward cargo (a position for risk), one cargo delivered in March 2020
# (for settlement, priced on the days the replay feed plays first), position limits and a risk limit.
load_book() {
  local fixed='{"type":"FIXED","fixedPrice":65.25,"priceUnit":"USD_PER_BBL"}' id
  api POST "$TRADING/api/products" '{"code":"BRENT","name":"Brent Blend","kind":"CRUDE","apiGravity":38.3,"defaultUnit":"BBL"}' e2e-admin >/dev/null &&
  api POST "$TRADING/api/products" '{"code":"WTI","name":"West Texas Intermediate","kind":"CRUDE","apiGravity":39.6,"defaultUnit":"BBL"}' e2e-admin >/dev/null &&
  api POST "$TRADING/api/products" '{"code":"DUBAI","name":"Dubai","kind":"CRUDE","apiGravity":31.0,"defaultUnit":"BBL"}' e2e-admin >/dev/null &&
  api POST "$TRADING/api/counterparties" '{"code":"E2ECP","name":"End-to-end Counterparty Ltd","country":"GB","creditLimitUsd":1000000000,"rating":"A"}' e2e-admin >/dev/null &&
  confirmed_contract SELL BRENT 500000 "$(date -u -d '+20 days' +%F)" "$fixed" >/dev/null || return 1
  id=$(confirmed_contract SELL BRENT 600000 2020-03-09 '{"type":"FORMULA","benchmark":"BRENT","windowRule":"QUOTES_AROUND_BL","windowQuotes":5,"missingQuoteRule":"NEXT_QUOTE_DAY","premium":0.35,"premiumUnit":"USD_PER_BBL"}') || return 1
  api POST "$TRADING/api/contracts/$id/deliver" '{"blDate":"2020-03-09","blQuantity":594000}' e2e-ops >/dev/null || return 1
  for limit in 'BRENT 3000000' 'WTI 20000000' 'DUBAI 1000000'; do
    read -r product bbl <<<"$limit"
    api PUT "$TRADING/api/positions/limits/$product" "{\"maxNetBbl\":$bbl}" e2e-risk >/dev/null || return 1
  done
  api POST "$RISK/api/risk/limits" '{"name":"desk-gross","kind":"GROSS_EXPOSURE","threshold":250000000}' e2e-risk >/dev/null
}

# --- Load ---------------------------------------------------------------------------------------------------

# Repeats a request, as the auditor, until the stop file exists; one line per request: start time, status, seconds.
request_loop() {  # stop-file out-file curl-args...
  local stop=$1 out=$2 header
  shift 2
  header=$(auth e2e-auditor)
  while [ ! -f "$stop" ]; do
    echo "$(now) $(curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time 15 -H "$header" "$@")" >>"$out"
  done
}

# Creates products one after another until the stop file exists; one line per request: code, status.
write_loop() {  # stop-file out-file
  local n=0 code header
  header=$(auth e2e-admin)
  while [ ! -f "$1" ]; do
    n=$((n + 1))
    code=$(printf 'E2EW%05d' "$n")
    echo "$code $(curl -s -o /dev/null -w '%{http_code}' --max-time 15 -X POST -H 'Content-Type: application/json' \
      -H "$header" -d "{\"code\":\"$code\",\"name\":\"Drill grade $n\",\"kind\":\"CRUDE\",\"apiGravity\":35.0,\"defaultUnit\":\"BBL\"}" \
      "$TRADING/api/products")" >>"$2"
  done
}

# How many lines of a file have each status in a column: "201×122 503×19".
statuses() {  # column file
  awk -v c="$1" '{ n[$c]++ } END { for (s in n) printf "%s%s×%d", (i++ ? " " : ""), s, n[s] }' "$2"
}

# Resident set size of a process in MiB.
rss_mib() { awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
