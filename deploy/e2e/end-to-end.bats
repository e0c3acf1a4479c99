#!/usr/bin/env bats
# The operations guide on one machine: the local platform (deploy/local) with Debian's Prometheus and
# Alertmanager running the project's own rules and routing (sped up by e2e.env only), an OTLP trace collector
# and a webhook receiver standing in for PagerDuty, Slack and email. The tests run in file order and build on
# each other: signals, alerts fired and resolved for real, failure drills, sustained load, dashboards.
# Figures go to reports/e2e-<timestamp>.md (E2E_REPORT overrides) and to the output.
#
#   bats deploy/e2e                       # about 15 minutes; needs ./mvnw package (or verify) first
#   LOAD_SECONDS=1800 bats deploy/e2e     # the same with a 30-minute soak

load helpers

setup_file() {
  ROOT="$(cd "$BATS_TEST_DIRNAME/../.." && pwd)"
  set -a
  # shellcheck source=e2e.env
  source "$BATS_TEST_DIRNAME/e2e.env"
  set +a
  # A test that hangs fails after 10 minutes (plus the soak) instead of holding the rest of the suite.
  export BATS_TEST_TIMEOUT=${BATS_TEST_TIMEOUT:-$((600 + LOAD_SECONDS))}
  export ROOT OIL_TRADING_STATE="$BATS_FILE_TMPDIR/state" OIL_TRADING_LOGS="$BATS_FILE_TMPDIR/logs" DEMO_DATA=false MONITORING=false
  export PROMETHEUS="http://127.0.0.1:$PROMETHEUS_PORT" ALERTMANAGER="http://127.0.0.1:$ALERTMANAGER_PORT"
  export ALERT_SINK_LOG="$BATS_FILE_TMPDIR/notifications.jsonl" SPANS="$BATS_FILE_TMPDIR/spans.jsonl"
  export REPORT=${E2E_REPORT:-$ROOT/reports/e2e-$(date +%Y%m%d-%H%M%S).md}
  export DRILLS="$BATS_FILE_TMPDIR/drills.md" ALERT_TABLE="$BATS_FILE_TMPDIR/alerts.md"
  # Every trace sampled and sent to the collector; faster schedules; perf-report reads this Prometheus.
  export QUARKUS_OTEL_TRACES_SAMPLER_ARG=1.0 QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL=http/protobuf \
    QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT="http://127.0.0.1:$OTLP_PORT" \
    PROMETHEUS_URL="$PROMETHEUS" ALERTMANAGER_URL="$ALERTMANAGER"
  mkdir -p "$OIL_TRADING_LOGS" "$(dirname "$REPORT")"
  touch "$ALERT_SINK_LOG" "$SPANS"

  local collector="$ROOT/deploy/e2e/trace-collector/target/trace-collector.jar"
  [ -f "$collector" ] || { echo "# $collector is missing: run ./mvnw package first" >&3; return 1; }
  java -jar "$collector" "$OTLP_PORT" "$SPANS" >"$OIL_TRADING_LOGS/trace-collector.log" 2>&1 &
  echo $! >"$BATS_FILE_TMPDIR/helpers.pids"
  python3 "$BATS_TEST_DIRNAME/alert-sink.py" "$ALERT_SINK_PORT" "$ALERT_SINK_LOG" >"$OIL_TRADING_LOGS/alert-sink.log" 2>&1 &
  echo $! >>"$BATS_FILE_TMPDIR/helpers.pids"

  "$ROOT/deploy/local/start.sh" >"$BATS_FILE_TMPDIR/start.log" 2>&1 || {
    cat "$BATS_FILE_TMPDIR/start.log" >&3
    return 1
  }
  # The users' tokens, minted once with the key start.sh generated: valid through the soak and the rest of the run.
  mint_tokens $((4 * 3600 + LOAD_SECONDS)) || { echo "# deploy/local/token.sh failed" >&3; return 1; }
  "$BATS_TEST_DIRNAME/test-monitoring.py" "$BATS_FILE_TMPDIR/monitoring"
  MONITORING_CONFIG_DIR="$BATS_FILE_TMPDIR/monitoring" "$ROOT/deploy/scripts/start-monitoring-stack.sh" --local \
    >"$BATS_FILE_TMPDIR/monitoring.log" 2>&1 || { cat "$BATS_FILE_TMPDIR/monitoring.log" >&3; return 1; }
  load_book || { echo "# loading the test book failed" >&3; return 1; }
}

teardown_file() {
  "$ROOT/deploy/local/stop.sh" >/dev/null 2>&1
  local pid
  while read -r pid; do kill "$pid" 2>/dev/null; done <"$BATS_FILE_TMPDIR/helpers.pids"
  {
    echo "# End-to-end run of $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo
    echo "Commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)." \
      "Rules and routing of the project, time-scaled by $TIME_SCALE (e2e.env); scrape and evaluation every $SCRAPE_INTERVAL."
    echo
    echo "## Alerts"
    echo
    echo "Seconds after the trigger (fired, notified) and after the restore (resolved, resolved notice)."
    echo
    echo "| alert | instances | fired | notified | receivers | resolved | resolved notice |"
    echo "|---|---|---|---|---|---|---|"
    cat "$ALERT_TABLE" 2>/dev/null
    echo
    echo "## Signals and drills"
    echo
    cat "$DRILLS" 2>/dev/null
  } >"$REPORT"
  echo "# Report: $REPORT" >&3
}

drill() { echo "- $*" >>"$DRILLS"; say "$*"; }

@test "signals: Prometheus scrapes every service (up == 1)" {
  local deadline=$((SECONDS + 30)) up
  while :; do
    up=$(promql 'up{job=~"(trading|pricefeed|risk|settlement|perf-report)-service"} == 1' | jq length)
    [ "$up" = 5 ] && break
    [ $SECONDS -lt $deadline ] || { echo "$up of 5 services are up: $(promql up)"; return 1; }
    sleep 1
  done
  drill "Prometheus scrapes all five services (up == 1)"
}

# A request sent with a sampled traceparent: every span of every service it reaches must be in that trace,
# and every span's parent must be the caller's span or another span of the trace (one connected tree).
assert_one_trace() {  # what url method user services...
  local what=$1 url=$2 method=$3 user=$4
  shift 4
  local trace root
  trace=$(random_hex 16)
  root=$(random_hex 8)
  local body=()
  [ "$method" = POST ] && body=(-d '{}')
  curl -s -o /dev/null -X "$method" -H 'Content-Type: application/json' -H "$(auth "$user")" \
    -H "traceparent: 00-$trace-$root-01" "${body[@]}" "$url"
  # The spans arrive in the exporters' batches (every few seconds), the caller's own span last.
  local deadline=$((SECONDS + 30)) services missing
  while :; do
    services=$(jq -r --arg t "$trace" 'select(.traceId == $t) | .service' "$SPANS" | sort -u | tr '\n' ' ')
    missing=""
    for s in "$@"; do [[ " $services" == *" $s "* ]] || missing+="$s "; done
    [ -z "$missing" ] && jq -s -e --arg t "$trace" --arg root "$root" '[.[] | select(.traceId == $t)] as $spans
      | ($spans | map(.spanId)) as $ids | all($spans[]; .parentSpanId == $root or (.parentSpanId as $p | $ids | index($p)))' \
      "$SPANS" >/dev/null && break
    [ $SECONDS -lt $deadline ] || {
      echo "$what: trace $trace has spans from [$services], none from [$missing], or its spans are not one tree:"
      jq -c --arg t "$trace" 'select(.traceId == $t)' "$SPANS"
      return 1
    }
    sleep 1
  done
  drill "$what: one trace ($trace) with $(jq -s --arg t "$trace" '[.[] | select(.traceId == $t)] | length' "$SPANS") spans from $services"
}

@test "signals: a risk calculation is one trace across risk, trading and pricefeed" {
  # Risk's first scheduled runs may have met trading before it was ready and opened its circuit for 10 s.
  wait_for_status "$RISK/api/risk/calculate" 200 60 e2e-risk
  assert_one_trace "Risk calculation" "$RISK/api/risk/calculate" GET e2e-risk risk-service trading-service pricefeed-service
}

@test "signals: a settlement run is one trace across settlement, trading and pricefeed" {
  assert_one_trace "Settlement run" "$SETTLEMENT/api/settlement/runs" POST e2e-ops settlement-service trading-service pricefeed-service
}

@test "signals: every service writes JSON log lines, and those written in a request or job carry its trace id" {
  api POST "$PERF_REPORT/api/performance/reports?kind=HOURLY" '' e2e-admin >/dev/null
  local name log lines traced
  for name in "${SERVICE_NAMES[@]}"; do
    log="$OIL_TRADING_LOGS/oil-trading-$name-$(date +%Y%m%d).log"
    jq -e . "$log" >/dev/null || { echo "$log has lines that are not JSON"; return 1; }
    lines=$(jq -s length "$log")
    traced=$(jq -s --arg s "$name-service" \
      '[.[] | select(.service == $s and (.mdc.traceId // "" | test("^[0-9a-f]{32}$")))] | length' "$log")
    [ "$traced" -gt 0 ] || { echo "$name: no log line carries a trace id"; return 1; }
    drill "$name-service: $lines JSON log lines, $traced with a trace id"
  done
}

@test "alert: a killed service is OilTradingApiDown until it is back" {
  alert_cycle OilTradingApiDown '.job == "risk-service"' 60 120 \
    'kill -KILL "$(pid_of risk)"' '"$ROOT/deploy/local/start.sh" >/dev/null 2>&1'
}

@test "alert: a book past the DUBAI position limit is OilTradingPositionLimitBreach until the deal is cancelled" {
  alert_cycle OilTradingPositionLimitBreach '.product == "DUBAI"' 60 60 \
    'deal=$(confirmed_contract BUY DUBAI 990000 "$(date -u -d "+30 days" +%F)" "{\"type\":\"FIXED\",\"fixedPrice\":60,\"priceUnit\":\"USD_PER_BBL\"}")' \
    'cancel_contract "$deal"'
}

@test "alert: a large book is OilTradingHighRiskExposure until the deal is cancelled" {
  alert_cycle OilTradingHighRiskExposure 'true' 90 90 \
    'deal=$(confirmed_contract BUY WTI 10000000 "$(date -u -d "+40 days" +%F)" "{\"type\":\"FIXED\",\"fixedPrice\":45,\"priceUnit\":\"USD_PER_BBL\"}")' \
    'cancel_contract "$deal"'
}

# The states (open, halfOpen, closed) of risk's circuit breakers on its calls to pricefeed, one word each.
circuit_states() {
  curl -s "$RISK/metrics" | awk '/^ft_circuitbreaker_state_current\{.*MarketData\.(curve|history).*\} 1(\.0)?$/ {
    match($0, /state="[a-zA-Z]+"/); print substr($0, RSTART + 7, RLENGTH - 8) }' | sort -u | tr '\n' ' ' | sed 's/ $//'
}

@test "drill: pricefeed killed: risk answers 503 problem+json fast, its circuit opens, settlement failures alert, all recover" {
  kill -KILL "$(pid_of pricefeed)"
  local i answer code type seconds slowest=0
  for i in 1 2 3 4 5 6; do
    answer=$(curl -s -o /dev/null -w '%{http_code} %{content_type} %{time_total}' -H "$(auth e2e-risk)" "$RISK/api/risk/calculate")
    read -r code type seconds <<<"$answer"
    [ "$code" = 503 ] && [ "$type" = application/problem+json ] || { echo "risk answered $answer"; return 1; }
    slowest=$(awk -v a="$slowest" -v b="$seconds" 'BEGIN { print (b > a ? b : a) }')
  done
  [[ " $(circuit_states) " == *" open "* ]] || { echo "risk's circuits to pricefeed are [$(circuit_states)], none open"; return 1; }
  awk -v s="$slowest" 'BEGIN { exit !(s < 3) }' || { echo "risk took $slowest s to say 503"; return 1; }
  drill "Pricefeed killed: six risk calculations answered 503 problem+json, the slowest in $slowest s; circuit open"

  restart_and_settle() {
    "$ROOT/deploy/local/start.sh" >/dev/null 2>&1 && sleep 1 && api POST "$SETTLEMENT/api/settlement/runs" '{}' e2e-ops >/dev/null
  }
  alert_cycle OilTradingSettlementFailures 'true' 60 90 \
    'curl -s -o /dev/null -X POST -H "Content-Type: application/json" -H "$(auth e2e-ops)" -d "{}" "$SETTLEMENT/api/settlement/runs"' \
    restart_and_settle
  local back deadline=$((SECONDS + 40))
  back=$(now)
  until [ "$(status_of "$RISK/api/risk/calculate" e2e-risk)" = 200 ] && [ "$(circuit_states)" = closed ]; do
    [ $SECONDS -lt $deadline ] || { echo "risk did not recover: circuits [$(circuit_states)]"; return 1; }
    sleep 1
  done
  drill "Pricefeed back: risk calculates again and its circuit is closed $(since "$back") s after the settlement failures resolved"
}

# Backups taken while deals, invoices, payments and quotes are written through the APIs; then PostgreSQL crashes,
# its data is deleted and the server recovered from the base backup and the WAL archive, and settlement's database dropped and
# restored from the dump. Every write an API acknowledged is in a ledger with the WAL segment it was acknowledged in
# (acknowledge): it may be missing only if that segment came after the last one archived. It runs before the replay
# feed is paused: the quotes it adds to WTI would refresh a benchmark that the stale alert waits on.
@test "drill: PostgreSQL crashed and its data deleted: recovery to the latest archived WAL keeps every write acknowledged before it, a dropped database comes back from its dump, no service restarted" {
  local stop="$BATS_TEST_TMPDIR/stop" ledger="$BATS_TEST_TMPDIR/ledger" log="$BATS_TEST_TMPDIR/log"
  local deal=(SELL BRENT 100 "$(date -u -d '+30 days' +%F)" '{"type":"FIXED","fixedPrice":70,"priceUnit":"USD_PER_BBL"}')
  local pids_before started before_dump base dump
  pids_before=$(service_pids)
  started=$(now)
  touch "$ledger"
  deal_loop "$stop" "$ledger" "${deal[@]}" &
  quote_loop "$stop" "$ledger" &
  # A few deals through before the backups, so that the dump holds some of the drill's invoices.
  sleep 5
  "$ROOT/deploy/scripts/backup.sh" --base >"$log" 2>&1 || { touch "$stop"; wait_jobs; cat "$log"; return 1; }
  before_dump=$(wc -l <"$ledger")
  "$ROOT/deploy/scripts/backup.sh" >"$log" 2>&1 || { touch "$stop"; wait_jobs; cat "$log"; return 1; }
  sleep 10
  touch "$stop"
  wait_jobs
  base=$(newest_backup 'base-*')
  dump=$(newest_backup '2*')
  drill "Backups under writes: base backup $(mib "$(jq .bytes "$base/manifest.json")") in $(jq .seconds "$base/manifest.json") s;" \
    "dump of $(jq '.databases | length' "$dump/manifest.json") databases, $(mib "$(jq '[.databases[].bytes] | add' "$dump/manifest.json")")" \
    "in $(jq .seconds "$dump/manifest.json") s (manifests)"

  # The disaster, once it is noted how far the WAL was archived: an immediate shutdown (SIGQUIT) writes and archives
  # nothing more, as a crash of the machine would, and the data folder is lost with it.
  local noted postgres stopped archived
  noted=$(sql postgres 'select substr(last_archived_wal, 1, 24) from pg_stat_archiver')
  postgres=$(pid_of postgres)
  stopped=$(now)
  kill -QUIT "$postgres"
  while kill -0 "$postgres" 2>/dev/null; do sleep 0.2; done
  archived=$(find "$OIL_TRADING_STATE/wal-archive" -regextype posix-extended -regex '.*/[0-9A-F]{24}' -printf '%f\n' | sort | tail -1)
  rm -rf "$OIL_TRADING_STATE/pgdata"

  # Without --force: there is no data left to replace. The restarted PostgreSQL must not keep bats' output open.
  local recovered port
  "$ROOT/deploy/scripts/restore.sh" --base "$base" --latest >"$log" 2>&1 3>&- || { cat "$log"; return 1; }
  recovered=$(now)
  for port in "${SERVICE_PORTS[@]}"; do wait_for_status "http://localhost:$port/health/ready" 200 60 || return 1; done
  [ "$(service_pids)" = "$pids_before" ] || { echo "services were restarted: $pids_before -> $(service_pids)"; return 1; }
  drill "PostgreSQL crashed (SIGQUIT) and its data deleted; restore.sh --base --latest (no --force) recovered it" \
    "$(since "$stopped" "$recovered") s after the stop, in $(sed -n 's/^Recovered in \([0-9.]*\) s.*/\1/p' "$log") s of its own;" \
    "every service ready $(since "$recovered") s after that, none restarted"

  # What was acknowledged after the last archived segment is what the crash put at risk (PG_ARCHIVE_TIMEOUT bounds
  # it); anything acknowledged in an archived segment must be back. Segment names of one timeline sort as their
  # positions; awk must compare them as strings.
  local missing replayed at_risk early
  missing=$(missing_writes "$ledger" "$(contract_terms "${deal[@]}")")
  replayed=$(sed -n 's/.*last transaction replayed: //p' "$log")
  at_risk=$(awk -v last="$noted" '($4 "") > (last "")' "$ledger" | wc -l)
  early=$(awk -v last="$archived" 'NF && ($4 "") <= (last "")' <<<"$missing")
  drill "Recovery point: last archived WAL segment $noted before the crash (pg_stat_archiver), $archived after it;" \
    "last transaction replayed $replayed," \
    "$(since "$(date -d "$replayed" +%s.%3N)" "$stopped") s before the crash. $(wc -l <"$ledger") writes acknowledged" \
    "($(cut -d' ' -f1 "$ledger" | sort | uniq -c | awk '{ printf "%s%s %s", (n++ ? ", " : ""), $1, $2 }'))," \
    "$at_risk of them after segment $noted; lost: $(awk NF <<<"$missing" | wc -l)"
  [ -z "$early" ] || { echo "lost, though acknowledged in an archived segment: $early"; return 1; }

  # One service's database from the dump, while the service runs: the invoices of the backup, those acknowledged
  # before the dump began among them (the later ones may or may not be in it).
  local dropped restored="$BATS_TEST_TMPDIR/restored" backed_up absent
  sql postgres 'drop database settlement with (force)' >/dev/null
  dropped=$(now)
  "$ROOT/deploy/scripts/restore.sh" --from "$dump" --service settlement >"$log" 2>&1 || { cat "$log"; return 1; }
  wait_for_status "$SETTLEMENT/health/ready" 200 60
  # Invoices created before the drop; settlement's next runs issue again those the dump does not hold.
  paged_items "$SETTLEMENT/api/invoices" e2e-auditor | jq -r --argjson dropped "$dropped" \
    'def seconds: capture("^(?<s>[^.]+)(?<f>[.][0-9]+)?Z$") | (.s + "Z" | fromdateiso8601) + ("0" + (.f // "") | tonumber);
     select((.createdAt | seconds) < $dropped) | .id' >"$restored"
  backed_up=$(jq '.databases[] | select(.database == "settlement") | .rows["public.invoice"]' "$dump/manifest.json")
  absent=$(head -n "$before_dump" "$ledger" | awk '$1 == "invoice" { print $2 }' | grep -vxF -f "$restored" || true)
  drill "Settlement's database dropped, restore.sh --from --service settlement restored it in" \
    "$(sed -n 's/^settlement: restored in \([0-9.]*\) s.*/\1/p' "$log") s: $(wc -l <"$restored") invoices back (the manifest's" \
    "$backed_up), settlement ready $(since "$dropped") s after the drop, not restarted"
  [ "$(wc -l <"$restored")" = "$backed_up" ] || { echo "$(wc -l <"$restored") invoices back, the backup holds $backed_up"; return 1; }
  [ -z "$absent" ] || { echo "invoices acknowledged before the dump began, not restored: $absent"; return 1; }
  [ "$(service_pids)" = "$pids_before" ] || { echo "services were restarted: $pids_before -> $(service_pids)"; return 1; }

  # Whatever fired while the databases were away reached the guide's receivers, and resolved.
  local labels name receivers fired=""
  await_quiet 180
  while read -r labels; do
    name=$(jq -r .alertname <<<"$labels")
    receivers=$(guide_routed "$labels") || return 1
    await_notification "$name" ". == $labels" resolved "$started" 30 "$receivers" >/dev/null || return 1
    fired+="${fired:+, }$name{$(jq -r .job <<<"$labels")} to [$receivers]"
  done < <(alerts_fired_since "$started")
  drill "Alerts of the restore drill, each notified to the guide's receivers and resolved: ${fired:-none}"
}

@test "alert: the replay feed paused is OilTradingPriceFeedStale (started now, checked after the drills)" {
  api POST "$PRICEFEED/api/replay/pause" '' e2e-price-admin | jq -e '.paused == true' >/dev/null
  now >"$BATS_FILE_TMPDIR/paused-at"
  drill "Replay feed paused; the stale alert needs 5 minutes without a quote (the threshold is not scaled)"
}

lock_loop() {  # stop-file: holds an exclusive lock on trading's product table 2.5 s at a time
  while [ ! -f "$1" ]; do
    sql trading 'begin; lock table product in access exclusive mode; select pg_sleep(2.5); commit;' >/dev/null 2>&1
    sleep 0.2
  done
}

# Requests held by a table lock are slow for real, and so are the statements they run (DatabaseQueryTimer counts
# the wait for the lock).
@test "alert: requests held by a table lock are OilTradingHighResponseTime and OilTradingSlowDatabaseQueries until the lock goes" {
  local stop="$BATS_TEST_TMPDIR/stop" started restored
  started=$(now)
  lock_loop "$stop" &
  for _ in 1 2 3 4; do request_loop "$stop" "$BATS_TEST_TMPDIR/reads" "$TRADING/api/products" & done
  alert_fired OilTradingHighResponseTime '.job == "trading-service"' "$started" 150 || { touch "$stop"; wait_jobs; return 1; }
  alert_fired OilTradingSlowDatabaseQueries '.job == "trading-service"' "$started" 150 || { touch "$stop"; wait_jobs; return 1; }
  restored=$(now)
  touch "$stop"
  wait_jobs
  drill "Lock drill: $(wc -l <"$BATS_TEST_TMPDIR/reads") product list requests, $(awk '$3 > 2' "$BATS_TEST_TMPDIR/reads" | wc -l) over 2 s"
  alert_resolved OilTradingHighResponseTime '.job == "trading-service"' "$restored" 120
  alert_resolved OilTradingSlowDatabaseQueries '.job == "trading-service"' "$restored" 120
}

@test "alert: 21 confirmed deals whose delivery window ends within 24 hours are OilTradingContractsExpiring until cancelled" {
  # shellcheck disable=SC2034  # fixed is read by the trigger alert_cycle evaluates
  local deals="$BATS_TEST_TMPDIR/deals" start fixed='{"type":"FIXED","fixedPrice":70,"priceUnit":"USD_PER_BBL"}'
  # Laycan from two days ago to today: the window ends at midnight UTC tonight.
  start=$(date -u -d '-2 days' +%F)
  alert_cycle OilTradingContractsExpiring 'true' 60 60 \
    'for _ in $(seq 1 21); do confirmed_contract BUY BRENT 1000 "$start" "$fixed" >>"$deals" || return 1; done' \
    'while read -r deal; do cancel_contract "$deal" || return 1; done <"$deals"'
  drill "Expiring deals: $(wc -l <"$deals") confirmed with laycan $start to today, then cancelled"
}

@test "drill: PostgreSQL stopped under load: readiness 503, liveness 200, errors alert, recovery without restart, no acknowledged write lost" {
  local stop="$BATS_TEST_TMPDIR/stop" writes="$BATS_TEST_TMPDIR/writes" reads="$BATS_TEST_TMPDIR/reads"
  local pids_before pids_after stopped port i
  pids_before=$(service_pids)
  write_loop "$stop" "$writes" &
  request_loop "$stop" "$reads" "$TRADING/api/products" &
  request_loop "$stop" "$reads" "$TRADING/api/contracts" &
  sleep 3
  stopped=$(now)
  kill -INT "$(pid_of postgres)"
  for i in "${!SERVICE_PORTS[@]}"; do
    port=${SERVICE_PORTS[$i]}
    wait_for_status "http://localhost:$port/health/ready" 503 30 || { touch "$stop"; wait_jobs; return 1; }
    drill "PostgreSQL stopped: ${SERVICE_NAMES[$i]} ready 503 at $(since "$stopped") s, live $(status_of "http://localhost:$port/health/live")"
    [ "$(status_of "http://localhost:$port/health/live")" = 200 ] || { touch "$stop"; wait_jobs; return 1; }
  done
  alert_fired OilTradingDatabaseConnectionFailures '.job == "trading-service"' "$stopped" 60 || { touch "$stop"; wait_jobs; return 1; }
  alert_fired OilTradingHighErrorRate '.job == "trading-service"' "$stopped" 120 || { touch "$stop"; wait_jobs; return 1; }
  local restarted
  restarted=$(now)
  "$ROOT/deploy/local/start.sh" >"$BATS_TEST_TMPDIR/restart.log" 2>&1 || { touch "$stop"; wait_jobs; cat "$BATS_TEST_TMPDIR/restart.log"; return 1; }
  for port in "${SERVICE_PORTS[@]}"; do wait_for_status "http://localhost:$port/health/ready" 200 60 || { touch "$stop"; wait_jobs; return 1; }; done
  drill "PostgreSQL back: every service ready $(since "$restarted") s after the restart of PostgreSQL, $(since "$stopped" "$restarted") s after it stopped"
  sleep 5
  touch "$stop"
  wait_jobs
  pids_after=$(service_pids)
  [ "$pids_before" = "$pids_after" ] || { echo "services were restarted: $pids_before -> $pids_after"; return 1; }
  local acknowledged lost=0 code
  acknowledged=$(awk '$2 == 201 { print $1 }' "$writes")
  for code in $acknowledged; do
    [ "$(status_of "$TRADING/api/products/$code" e2e-auditor)" = 200 ] || { echo "acknowledged write $code is lost"; lost=$((lost + 1)); }
  done
  drill "Writes during the drill: $(wc -l <"$writes") sent, $(echo "$acknowledged" | wc -w) acknowledged (201), $lost lost;" \
    "answers by status: $(statuses 2 "$writes"); reads: $(statuses 2 "$reads")"
  [ "$lost" = 0 ]
  alert_resolved OilTradingDatabaseConnectionFailures '.job == "trading-service"' "$restarted" 90
  alert_resolved OilTradingHighErrorRate '.job == "trading-service"' "$restarted" 120
}

@test "drill: SIGTERM with requests in flight: every one of them is answered 200" {
  local stop="$BATS_TEST_TMPDIR/stop" answers="$BATS_TEST_TMPDIR/answers" i header
  header=$(auth e2e-auditor)
  # The requests wait on a lock in the database, so they are surely in flight when the signal comes.
  sql trading 'begin; lock table product in access exclusive mode; select pg_sleep(4); commit;' >/dev/null 2>&1 &
  sleep 0.5
  for i in $(seq 1 10); do
    curl -s -o /dev/null -w '%{http_code}\n' --max-time 30 -H "$header" "$TRADING/api/products" >>"$answers" &
  done
  sleep 1
  local pid signalled
  pid=$(pid_of trading)
  signalled=$(now)
  kill -TERM "$pid"
  wait_jobs
  while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  drill "SIGTERM to trading with 10 requests in flight: answers by status $(statuses 1 "$answers")," \
    "stopped $(since "$signalled") s after the signal"
  [ "$(grep -c '^200$' "$answers")" = 10 ]
  "$ROOT/deploy/local/start.sh" >/dev/null 2>&1
  wait_for_status "$TRADING/health/ready" 200 60
}

# The disk metric is of the file system a service works in: settlement is restarted in a small tmpfs that the
# test fills to 94 %, then empties.
@test "alert: the file system a service works in filling up is OilTradingDiskSpaceLow until space is freed" {
  local fs="$BATS_TEST_TMPDIR/small-fs"
  mkdir -p "$fs" && mount -t tmpfs -o size=32m tmpfs "$fs" || { echo "cannot mount a tmpfs (needs root)"; return 1; }
  restart_service settlement "$fs" || { umount "$fs"; return 1; }
  alert_cycle OilTradingDiskSpaceLow '.job == "settlement-service"' 60 60 \
    'fallocate -l 30m "$fs/filler"' 'rm -f "$fs/filler"'
  drill "Disk drill: settlement working in a 32 MiB tmpfs, filled with 30 MiB, then emptied"
  restart_service settlement "$ROOT"
  umount "$fs"
}

# In a pod the JVM measures process_cpu_usage against its CPU limit (the cgroup's quota): risk is restarted under a
# 250m quota, as a pod with that limit, and kept busy by 8 clients asking for risk calculations.
@test "alert: risk held at its CPU limit by calculations is OilTradingHighCpu until the load stops" {
  # shellcheck disable=SC2034  # load is set and read by the commands alert_cycle evaluates
  local cgroup=/sys/fs/cgroup/cpu/oil-trading-e2e-risk load="" status=0
  [ -w /sys/fs/cgroup/cpu ] || { echo "needs root and the cgroup v1 cpu controller at /sys/fs/cgroup/cpu"; return 1; }
  mkdir -p "$cgroup" && echo 100000 >"$cgroup/cpu.cfs_period_us" && echo 25000 >"$cgroup/cpu.cfs_quota_us" || return 1
  restart_service risk "$ROOT" "$cgroup" || return 1
  alert_cycle OilTradingHighCpu '.job == "risk-service"' 180 90 \
    'wrk -t1 -c8 -d600s --timeout 20s -H "$(auth e2e-risk)" "$RISK/api/risk/calculate" >/dev/null & load=$!' \
    'kill "$load"; wait "$load" 2>/dev/null; true' || status=1
  [ -z "$load" ] || kill "$load" 2>/dev/null || true
  restart_service risk "$ROOT" || status=1
  rmdir "$cgroup"
  drill "CPU drill: risk under a 250m CPU quota, 8 clients of /api/risk/calculate, then none"
  return $status
}

# Heap used over -Xmx for 5 minutes (30 s here): perf-report is restarted with Epsilon, the JVM's collector that
# never frees anything (as a leak keeps a heap from being reclaimed), and report listings fill its heap past 92 %;
# restarted with its usual collector it is back to a few percent. -XX:+ExitOnOutOfMemoryError ends it rather than
# leave it half-alive should the heap run out before the alert fires.
heap_used_ratio() {  # port: heap used over the largest pool maximum, as the alert computes it
  # The value is the last field: pool names such as "Epsilon Heap" or "G1 Eden Space" hold spaces.
  curl -s --max-time 5 "http://localhost:$1/metrics" | awk '
    /^jvm_memory_used_bytes\{area="heap"/ { used += $NF }
    /^jvm_memory_max_bytes\{area="heap"/ { if ($NF > max) max = $NF }
    END { if (max > 0) printf "%.3f\n", used / max; else print 0 }'
}

fill_heap() {  # port ratio: report listings (about 1.5 MiB of garbage each) until the heap is that full, 120 s at most
  local header pids pid deadline=$((SECONDS + 120))
  header=$(auth e2e-auditor)
  pid=$(pid_of perf-report)
  while awk -v r="$(heap_used_ratio "$1")" -v t="$2" 'BEGIN { exit !(r < t) }'; do
    kill -0 "$pid" 2>/dev/null || { echo "perf-report ended before its heap was $2 full"; return 1; }
    [ $SECONDS -lt $deadline ] || { echo "perf-report heap still at $(heap_used_ratio "$1") after 120 s"; return 1; }
    pids=()
    for _ in $(seq 1 10); do
      curl -s -o /dev/null --max-time 5 -H "$header" "http://localhost:$1/api/performance/reports?size=100" &
      pids+=($!)
    done
    wait "${pids[@]}"
  done
  say "perf-report heap at $(heap_used_ratio "$1") of its maximum"
}

@test "alert: a heap that is never reclaimed is OilTradingHighMemory until the service restarts with its collector" {
  JAVA_OPTS="-XX:+UnlockExperimentalVMOptions -XX:+UseEpsilonGC -XX:+ExitOnOutOfMemoryError -Xmx768m" \
    restart_service perf-report "$ROOT" || return 1
  alert_cycle OilTradingHighMemory '.job == "perf-report-service"' 120 90 \
    'fill_heap 8085 0.92' 'restart_service perf-report "$ROOT"' || {
    # Whatever failed, the later tests need perf-report with its own collector.
    local cmdline
    cmdline="/proc/$(pid_of perf-report)/cmdline"
    if [ ! -e "$cmdline" ] || grep -q Epsilon "$cmdline"; then restart_service perf-report "$ROOT"; fi
    return 1
  }
  drill "Memory drill: perf-report restarted with the Epsilon collector and -Xmx768m, its heap filled past 92 % by report listings, then restarted with its own collector"
}

@test "drill: sustained load: no 5xx, memory stable" {
  local seconds=$LOAD_SECONDS samples="$BATS_TEST_TMPDIR/rss" name t header
  header=$(auth e2e-auditor)
  wrk -t1 -c4 -d"${seconds}s" --timeout 10s -H "$header" "$TRADING/api/contracts?size=20" >"$BATS_TEST_TMPDIR/wrk-trading" &
  wrk -t1 -c4 -d"${seconds}s" --timeout 10s -H "$header" "$PRICEFEED/api/benchmarks/BRENT" >"$BATS_TEST_TMPDIR/wrk-pricefeed" &
  wrk -t1 -c2 -d"${seconds}s" --timeout 10s -H "$header" "$RISK/api/risk/snapshots" >"$BATS_TEST_TMPDIR/wrk-risk" &
  wrk -t1 -c2 -d"${seconds}s" --timeout 10s -H "$header" "$SETTLEMENT/api/invoices" >"$BATS_TEST_TMPDIR/wrk-settlement" &
  for t in $(seq 0 5 "$seconds"); do
    for name in "${SERVICE_NAMES[@]}"; do echo "$t $name $(rss_mib "$(pid_of "$name")")" >>"$samples"; done
    sleep 5
  done
  wait_jobs
  local file requests errors failed=0
  for file in "$BATS_TEST_TMPDIR"/wrk-*; do
    requests=$(awk '/requests in/ { print $1 }' "$file")
    errors=$(awk '/Non-2xx/ { print $NF } /Socket errors/ { print }' "$file" | tr '\n' ' ')
    drill "Load ${file##*/wrk-}: $requests requests in $seconds s, $(awk '/Requests\/sec/ { print $2 }' "$file") req/s, latency $(awk '/Latency/ { print $2 " mean, " $4 " max" }' "$file")${errors:+; errors: $errors}"
    [ -z "$errors" ] || failed=1
  done
  local server_errors
  server_errors=$(promql "sum(increase(http_server_requests_seconds_count{outcome=\"SERVER_ERROR\"}[${seconds}s]))" | jq -r '.[0].value[1] // "0"')
  drill "Server errors counted by the services during the load: $server_errors"
  awk -v e="$server_errors" 'BEGIN { exit !(e < 0.5) }' || failed=1
  # Memory: each service's RSS over the second half of the run may not grow by more than 10 % (plus 16 MiB).
  for name in "${SERVICE_NAMES[@]}"; do
    read -r first middle last max < <(awk -v n="$name" -v half=$((seconds / 2)) '$2 == n { if (!f) f = $3; if (!m && $1 >= half) m = $3; l = $3; if ($3 > x) x = $3 }
      END { print f, m, l, x }' "$samples")
    drill "RSS of $name-service under load: $first MiB at the start, $middle at half time, $last at the end (max $max)"
    awk -v m="$middle" -v l="$last" 'BEGIN { exit !(l <= m * 1.10 + 16) }' || { echo "$name grew from $middle to $last MiB"; failed=1; }
  done
  [ "$failed" = 0 ]
}

@test "alert: OilTradingPriceFeedStale fires 5 minutes after the replay feed was paused" {
  alert_fired OilTradingPriceFeedStale '.benchmark == "BRENT"' "$(cat "$BATS_FILE_TMPDIR/paused-at")" 400
}

# While the stale alert fires, so that the firing-alerts panels have something to show.
@test "dashboards: every Prometheus panel query of every dashboard returns data from the running platform" {
  run "$ROOT/deploy/monitoring/check-dashboards.py" --strict "$PROMETHEUS"
  echo "$output"
  drill "Dashboards: $(echo "$output" | tail -1)"
  [ "$status" = 0 ]
}

@test "alert: OilTradingPriceFeedStale resolves when the replay feed resumes" {
  local resumed
  resumed=$(now)
  api POST "$PRICEFEED/api/replay/resume" '' e2e-price-admin >/dev/null
  alert_resolved OilTradingPriceFeedStale '.benchmark == "BRENT"' "$resumed" 60
}

# The routing generated as the Prometheus Operator does sends an alert that lost its namespace to "null".
@test "alerts: no alert of the platform reached the null receiver, every one carried namespace oil-trading" {
  local lost
  lost=$(jq -r 'select(.receiver == "null") | .alerts[].labels.alertname' "$ALERT_SINK_LOG" | grep '^OilTrading' | sort -u | tr '\n' ' ')
  drill "Notifications by receiver: $(jq -r .receiver "$ALERT_SINK_LOG" | sort | uniq -c | awk '{ printf "%s%s×%s", (n++ ? ", " : ""), $2, $1 }')"
  [ -z "$lost" ] || { echo "alerts that reached no receiver of the chart: $lost"; return 1; }
}
