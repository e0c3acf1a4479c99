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
random_hex() { od -An -N"$1" -tx1 /dev/urandom | tr -d ' \n'; }  # bytes
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

# A call to a business API as a user of the desk (E2E_USERS), with one more header if given; prints the body, fails
# on anything but 2xx.
api() {  # method url [json] [user] [header]
  curl -s -f --max-time 30 -X "$1" -H 'Content-Type: application/json' -H "$(auth "${4:-e2e-trader}")" \
    ${5:+-H "$5"} ${3:+-d "$3"} "$2"
}

pid_of() { cat "$OIL_TRADING_STATE/run/$1.pid"; }
service_pids() { local name; for name in "${SERVICE_NAMES[@]}"; do pid_of "$name"; done | tr '\n' ' '; }

# One statement in a psql session of its own on the local PostgreSQL, as its superuser; prints unaligned rows.
sql() {  # database statement
  psql -h 127.0.0.1 -p "${PG_PORT:-15432}" -U postgres -d "$1" -qtAXc "$2"
}

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
  guide_routed "$(curl -s "$PROMETHEUS/api/v1/alerts" | jq -c --arg name "$1" "[.data.alerts[]
    | select(.labels.alertname == \$name) | select(.labels | $2)][0].labels // {}")"
}

guide_routed() {  # labels-json: the receivers amtool gives an alert with these labels, if they are the guide's
  local args routed expected
  mapfile -t args < <(jq -r 'to_entries[] | "\(.key)=\(.value)"' <<<"$1")
  routed=$(amtool config routes test --config.file="$ROOT/deploy/monitoring/alertmanager.yml" "${args[@]}" | tr ',' ' ')
  expected=$(guide_receivers "$(jq -r .severity <<<"$1")" "$(jq -r .category <<<"$1")")
  [ "$routed" = "$expected" ] || { echo "$(jq -r .alertname <<<"$1") $1 is routed to [$routed], the guide says [$expected]" >&2; return 1; }
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

# Every alert instance of the platform that fired since a time (Prometheus' ALERTS series): its labels, a JSON line
# each. The window starts at that time or just after it, so every one of them resolved after it.
alerts_fired_since() {  # time
  promql "max_over_time(ALERTS{alertname=~\"OilTrading.*\",alertstate=\"firing\"}[$(awk -v t="$1" -v n="$(now)" \
    'BEGIN { printf "%d", n - t }')s])" | jq -c '.[].metric | del(.__name__, .alertstate)'
}

# Waits until no alert of the platform is pending or firing, so that the next test starts from a quiet platform.
await_quiet() {  # seconds
  local deadline=$((SECONDS + $1)) active
  while :; do
    active=$(promql 'ALERTS{alertname=~"OilTrading.*"}' | jq -r '.[].metric | "\(.alertname){\(.job // "")} \(.alertstate)"')
    [ -z "$active" ] && return 0
    [ $SECONDS -lt $deadline ] || { echo "still active after $1 s: $active" >&2; return 1; }
    sleep 1
  done
}

# --- The test book ------------------------------------------------------------------------------------------

# The terms of a physical contract with the test counterparty, as the trader captures them.
contract_terms() {  # direction product quantity laycan-start pricing-json
  echo "{\"direction\":\"$1\",\"product\":\"$2\",\"counterparty\":\"E2ECP\",
    \"quantity\":$3,\"quantityUnit\":\"BBL\",\"tolerancePercent\":2,\"toleranceOption\":\"SELLER\",\"incoterm\":\"FOB\",
    \"laycanStart\":\"$4\",\"laycanEnd\":\"$(date -u -d "$4 + 2 days" +%F)\",\"pricing\":$5,
    \"paymentTerms\":{\"event\":\"BL\",\"days\":30,\"dayType\":\"CALENDAR\"},\"trader\":\"e2e-trader\",\"book\":\"E2E\"}"
}

# A confirmed physical contract: captured and submitted by the trader, confirmed by a second user (four eyes).
# Given a ledger, the capture carries an Idempotency-Key and every acknowledged step is recorded (acknowledge).
confirmed_contract() {  # direction product quantity laycan-start pricing-json [ledger]: prints the id
  local id key=""
  [ -z "${6:-}" ] || key=e2e-$(random_hex 8)
  id=$(api POST "$TRADING/api/contracts" "$(contract_terms "$@")" e2e-trader "${key:+Idempotency-Key: $key}" | jq -r .id)
  [ -n "$id" ] || return 1
  acknowledge "${6:-}" contract "$id" "$key"
  api POST "$TRADING/api/contracts/$id/submit" >/dev/null || return 1
  acknowledge "${6:-}" PENDING_APPROVAL "$id"
  api POST "$TRADING/api/contracts/$id/confirm" '' e2e-approver >/dev/null || return 1
  acknowledge "${6:-}" CONFIRMED "$id"
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
# Waits for the test's background jobs. A bare `wait` would also wait for the watchdog bats starts for
# BATS_TEST_TIMEOUT, and so time out every test that uses it.
wait_jobs() {
  local pid
  for pid in $(jobs -p); do [ "$pid" = "${BATS_killer_pid:-}" ] || wait "$pid" || true; done
}

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

# --- Backup and restore -------------------------------------------------------------------------------------

# Appends "kind id lsn segment [detail]" to a ledger (none given: nothing) for a write the API acknowledged: the WAL
# position right after the answer, asked in a session of its own, and the WAL segment it lies in. The write's commit
# record ends at or before that position, so it is in that segment or an earlier one.
acknowledge() {  # ledger kind id [detail]
  [ -n "$1" ] || return 0
  echo "$2 $3 $(sql postgres 'select lsn, pg_walfile_name(lsn) from pg_current_wal_lsn() lsn' | tr '|' ' ') ${4:-}" >>"$1"
}

# Deals until the stop file exists, each through every write of its life: a confirmed contract (confirmed_contract
# with the ledger), delivered yesterday, invoiced by a settlement run of its own, every invoice paid in full. The
# ledger gets DELIVERED with the contract id, invoice with its id and creation time (once the API lists it; a new
# invoice may get the id of one that was lost), payment with its id and the invoice's.
deal_loop() {  # stop-file ledger direction product quantity laycan-start pricing-json
  local stop=$1 ledger=$2 id invoice outstanding created payment yesterday
  shift 2
  while [ ! -f "$stop" ]; do
    yesterday=$(date -u -d '-1 day' +%F)
    id=$(confirmed_contract "$@" "$ledger") || continue
    api POST "$TRADING/api/contracts/$id/deliver" "{\"blDate\":\"$yesterday\",\"blQuantity\":$3}" e2e-ops >/dev/null || continue
    acknowledge "$ledger" DELIVERED "$id"
    api POST "$SETTLEMENT/api/settlement/runs" "{\"contractId\":$id}" e2e-ops >/dev/null || continue
    while read -r invoice outstanding created; do
      acknowledge "$ledger" invoice "$invoice" "$created"
      payment=$(api POST "$SETTLEMENT/api/invoices/$invoice/payments" \
        "{\"amountUsd\":$outstanding,\"paidOn\":\"$yesterday\",\"reference\":\"E2E-$invoice\"}" e2e-ops | jq -r .id)
      [ -z "$payment" ] || acknowledge "$ledger" payment "$payment" "$invoice"
    done < <(api GET "$SETTLEMENT/api/invoices?contractId=$id" '' e2e-ops | jq -r '.items[] | "\(.id) \(.outstandingUsd) \(.createdAt)"')
  done
}

# WTI quotes of days before the series the replay feed plays (it starts in 1986), one a request from 1985-12-31
# backwards until the stop file exists; each one accepted goes to the ledger as quote <day>.
quote_loop() {  # stop-file ledger
  local n=0 day answer
  while [ ! -f "$1" ]; do
    day=$(date -u -d "1985-12-31 - $n days" +%F)
    n=$((n + 1))
    answer=$(api POST "$PRICEFEED/api/benchmarks/WTI/quotes" "{\"source\":\"E2E\",\"quotes\":[{\"date\":\"$day\",\"price\":26.5}]}" \
      e2e-price-admin) && jq -e '.counts.ACCEPTED == 1' <<<"$answer" >/dev/null && acknowledge "$2" quote "$day"
  done
}

# Whether a GET as the auditor is answered 2xx with a body that meets a jq condition. The body is read first:
# jq 1.6's -e takes no input at all for true.
answers() {  # url jq-condition [jq-options...]
  local body
  body=$(api GET "$1" '' e2e-auditor) && jq -e "${@:3}" "$2" <<<"$body" >/dev/null
}

audited() { answers "$TRADING/api/contracts/$1/audit" 'any(.[]; .action == $action)' --arg action "$2"; }  # contract-id action

# The ledger's writes the services do not have, one ledger line each (without detail): a contract with its first
# version and audit row, and a retry of its capture with the same Idempotency-Key answering that contract; each step
# in the audit trail; invoices created when they were; payments on their invoice; quotes among WTI's quotes.
missing_writes() {  # ledger contract-terms
  local kind id lsn segment detail days
  days=$(api GET "$PRICEFEED/api/benchmarks/WTI/quotes?from=1980-01-01&to=1985-12-31" '' e2e-auditor | jq -r '.quotes[].date')
  while read -r kind id lsn segment detail; do
    case $kind in
      contract) answers "$TRADING/api/contracts/$id/versions" '.[0].version == 1' && audited "$id" CREATED \
        && [ "$(api POST "$TRADING/api/contracts" "$2" e2e-trader "Idempotency-Key: $detail" | jq -r .id)" = "$id" ] ;;
      PENDING_APPROVAL|CONFIRMED|DELIVERED) audited "$id" "$kind" ;;
      invoice) answers "$SETTLEMENT/api/invoices/$id" '.invoice.createdAt == $at' --arg at "$detail" ;;
      payment) answers "$SETTLEMENT/api/invoices/$detail" 'any(.payments[]; .id == $id)' --argjson id "$id" ;;
      quote) grep -qx "$id" <<<"$days" ;;
    esac || echo "$kind $id $lsn $segment"
  done <"$1"
}

# Every item of a paged list (Page: items, page, size, total), a JSON line each.
paged_items() {  # url user
  local page=0 body
  while body=$(api GET "$1?size=200&page=$page" '' "$2") && [ "$(jq '.items | length' <<<"$body")" -gt 0 ]; do
    jq -c '.items[]' <<<"$body"
    page=$((page + 1))
  done
}

newest_backup() { find "$OIL_TRADING_STATE/backups" -mindepth 1 -maxdepth 1 -name "$1" | sort | tail -1; }  # name-pattern
mib() { awk -v b="$1" 'BEGIN { printf "%.1f MiB", b / 1048576 }'; }  # bytes
