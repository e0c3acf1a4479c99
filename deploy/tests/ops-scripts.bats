#!/usr/bin/env bats
# The ops scripts of deploy/scripts against the local platform (state and logs in a temporary folder): health
# check, performance monitor, cleanup, and the local monitoring stack. The tests run in file order: the ones
# that break the platform (a killed service, PostgreSQL down) come last.

setup_file() {
  export OIL_TRADING_STATE="$BATS_FILE_TMPDIR/state" OIL_TRADING_LOGS="$BATS_FILE_TMPDIR/logs" DEMO_DATA=false MONITORING=false
  # Not 9090/9093, so that a Prometheus already running on this machine does not get in the way.
  export PROMETHEUS_PORT=${TEST_PROMETHEUS_PORT:-19090} ALERTMANAGER_PORT=${TEST_ALERTMANAGER_PORT:-19093} \
    NODE_EXPORTER_PORT=${TEST_NODE_EXPORTER_PORT:-19100}
  ROOT="$(cd "$BATS_TEST_DIRNAME/../.." && pwd)"
  export ROOT SCRIPTS="$ROOT/deploy/scripts"
  write_fake_server
  "$ROOT/deploy/local/start.sh" >"$BATS_FILE_TMPDIR/start.log" 2>&1 || {
    cat "$BATS_FILE_TMPDIR/start.log" >&3
    tail -n 5 "$OIL_TRADING_LOGS"/oil-trading-*.log >&3
    return 1
  }
  # Tokens for the API calls of the tests (docs/access-control.md), valid through the whole suite.
  ADMIN_TOKEN=$("$ROOT/deploy/local/token.sh" admin ops-bats 7200) && READ_TOKEN=$("$ROOT/deploy/local/token.sh" auditor ops-bats 7200) \
    || return 1
  export ADMIN_TOKEN READ_TOKEN
}

teardown_file() {
  "$SCRIPTS/stop-monitoring-stack.sh" >/dev/null 2>&1 || true
  "$ROOT/deploy/local/stop.sh" >/dev/null 2>&1 || true
}

teardown() {
  local pid
  [ -f "$BATS_TEST_TMPDIR/pids" ] || return 0
  while read -r pid; do kill "$pid" 2>/dev/null || true; done <"$BATS_TEST_TMPDIR/pids"
}

SERVICE_NAMES=(trading pricefeed risk settlement perf-report)

# A small HTTP server standing in for a Slack webhook or perf-report's reports API: it records each request
# (method, path, content type, authorization scheme, body) as a JSON line and answers according to its mode.
write_fake_server() {
  cat >"$BATS_FILE_TMPDIR/fake_http.py" <<'EOF'
import http.server, json, sys

mode, log, port_file = sys.argv[1], sys.argv[2], sys.argv[3]

class Handler(http.server.BaseHTTPRequestHandler):
    def answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode() if length else ""
        with open(log, "a") as f:
            f.write(json.dumps({"method": self.command, "path": self.path,
                                "contentType": self.headers.get("Content-Type"),
                                "authorization": (self.headers.get("Authorization") or "").split(" ")[0],
                                "body": body}) + "\n")
        if mode == "fail":
            code, reply = 500, {"title": "Internal Server Error", "detail": "fake failure"}
        elif mode == "missing":
            code, reply = 404, {"title": "Not Found"}
        elif self.command == "DELETE":
            code, reply = 200, {"deleted": 3}
        elif self.command == "GET":
            code, reply = 200, {"items": [{"id": 1}], "page": 0, "size": 1, "total": 3}
        else:
            code, reply = 200, {"ok": True}
        data = json.dumps(reply).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_DELETE = answer

    def log_message(self, *args):
        pass

server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
with open(port_file + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
import os; os.rename(port_file + ".tmp", port_file)
server.serve_forever()
EOF
}

# start_fake MODE: starts a fake server for this test, sets FAKE_URL and FAKE_LOG.
start_fake() {
  FAKE_LOG="$BATS_TEST_TMPDIR/fake-$1.log"
  local port_file="$BATS_TEST_TMPDIR/fake-$1.port"
  python3 "$BATS_FILE_TMPDIR/fake_http.py" "$1" "$FAKE_LOG" "$port_file" 3>&- &
  echo $! >>"$BATS_TEST_TMPDIR/pids"
  for _ in $(seq 1 50); do [ -f "$port_file" ] && break; sleep 0.1; done
  FAKE_URL="http://127.0.0.1:$(cat "$port_file")"
}

# Requests in the background until the test ends: health and metrics requests are not in the HTTP metrics.
# With a token, so that they reach the service's code (and its database) rather than stop at a 401.
start_traffic() {  # url
  (while :; do curl -s -o /dev/null -H "Authorization: Bearer $READ_TOKEN" "$1"; sleep 0.1; done) 3>&- &
  echo $! >>"$BATS_TEST_TMPDIR/pids"
}

status_of() { curl -s -o /dev/null -w '%{http_code}' "$@"; }  # url [curl options]

wait_until() {  # seconds command...: retries the command until it succeeds
  local deadline=$((SECONDS + $1))
  shift
  until "$@"; do
    [ $SECONDS -lt $deadline ] || { echo "timed out waiting for: $*"; return 1; }
    sleep 1
  done
}

status_is() { [ "$(status_of "$1")" = "$2" ]; }  # url code

prom_value_is() {  # PromQL value: the first series has that value
  [ "$(curl -s "http://127.0.0.1:$PROMETHEUS_PORT/api/v1/query" --data-urlencode "query=$1" \
       | jq -r '.data.result[0].value[1] // empty')" = "$2" ]
}

alertmanager_known() {
  curl -s "http://127.0.0.1:$PROMETHEUS_PORT/api/v1/alertmanagers" \
    | jq -e --arg port ":$ALERTMANAGER_PORT/" '.data.activeAlertmanagers | any(.url | contains($port))' >/dev/null
}

not_running() { [ ! -d "/proc/$1" ]; }

# --- usage -----------------------------------------------------------------------------------------------

@test "every script has --help with its exit codes, and a usage error exits 2" {
  for script in health-check-system performance-monitor cleanup-monitoring-data start-monitoring-stack stop-monitoring-stack \
                backup restore; do
    run "$SCRIPTS/$script.sh" --help
    [ "$status" -eq 0 ]
    [[ $output == *"Usage: $script.sh"* ]]
    [[ $output == *"Exit codes:"* ]]
    run "$SCRIPTS/$script.sh" --no-such-option
    [ "$status" -eq 2 ]
  done
  run "$SCRIPTS/health-check-system.sh" --format yaml
  [ "$status" -eq 2 ]
  run "$SCRIPTS/performance-monitor.sh" --interval soon
  [ "$status" -eq 2 ]
  run "$SCRIPTS/cleanup-monitoring-data.sh"
  [ "$status" -eq 2 ]
  run "$SCRIPTS/backup.sh" --service ledger
  [ "$status" -eq 2 ]
  run "$SCRIPTS/backup.sh" --base --service trading
  [ "$status" -eq 2 ]
  run "$SCRIPTS/restore.sh"
  [ "$status" -eq 2 ]
  run "$SCRIPTS/restore.sh" --base "$BATS_TEST_TMPDIR"
  [ "$status" -eq 2 ]
}

# --- health check ----------------------------------------------------------------------------------------

@test "health check: all healthy exits 0 with a table of every service" {
  run "$SCRIPTS/health-check-system.sh" --detailed
  echo "$output"
  [ "$status" -eq 0 ]
  for name in "${SERVICE_NAMES[@]}"; do
    echo "$output" | grep -Eq "^$name +healthy +200 +200 "
  done
  [[ $output == *"Overall: healthy (5/5 services healthy)"* ]]
  [[ $output == *"version "*"commit "*"up "* ]]
  [[ $output == *"business: "*"activeContracts="* ]]
}

@test "health check: --format json is one document with every service, and --detailed adds version and uptime" {
  run "$SCRIPTS/health-check-system.sh" --format json --detailed
  [ "$status" -eq 0 ]
  jq -e '.status == "healthy" and .summary == {total: 5, healthy: 5} and (.services | length == 5)' <<<"$output"
  jq -e '.services | all(.live.code == 200 and .ready.code == 200 and .responseSeconds > 0
         and (.detailed.version | length > 0) and .detailed.uptimeSeconds >= 0 and (.detailed.checks | length > 0))' <<<"$output"
  run "$SCRIPTS/health-check-system.sh" --format json --service risk
  [ "$status" -eq 0 ]
  jq -e '[.services[].service] == ["risk"]' <<<"$output"
}

@test "health check: --format prometheus passes promtool check metrics" {
  run "$SCRIPTS/health-check-system.sh" --format prometheus --detailed
  [ "$status" -eq 0 ]
  promtool check metrics <<<"$output"
  for name in "${SERVICE_NAMES[@]}"; do
    grep -qx "oil_trading_healthcheck_up{service=\"$name\"} 1" <<<"$output"
    grep -Eq "^oil_trading_healthcheck_response_seconds\{service=\"$name\"\} [0-9.e-]+$" <<<"$output"
    grep -q "^oil_trading_healthcheck_build_info{service=\"$name\",version=" <<<"$output"
  done
}

# --- performance monitor ---------------------------------------------------------------------------------

@test "performance monitor: low thresholds give ALERT lines, it runs through its iterations and posts to Slack" {
  start_fake slack
  start_traffic http://localhost:8081/api/products
  run "$SCRIPTS/performance-monitor.sh" --interval 1 --iterations 3 --cpu-threshold 95 --memory-threshold 1 \
    --response-time-threshold 0 --error-rate-threshold 50 --slack-webhook "$FAKE_URL/services/T0/B0/x" \
    --alert-log "$BATS_TEST_TMPDIR/alerts.log"
  echo "$output"
  [ "$status" -eq 0 ]
  [[ $output == *"from the services' /metrics (PROMETHEUS_URL not set)"* ]]
  [ "$(grep -Ec '^[0-9T:Z-]+ trading +cpu ' <<<"$output")" -eq 3 ]
  for name in "${SERVICE_NAMES[@]}"; do
    [ "$(grep -Ec "ALERT $name memory: heap [0-9.]+% > 1%" <<<"$output")" -eq 3 ]
  done
  # response time is a delta between samples: alerts from the second sample on
  grep -Eq "ALERT trading response-time: [0-9.]+ ms > 0 ms" <<<"$output"
  [[ $output == *"Performance monitor stopped after 3 samples"* ]]
  grep -q 'ALERT trading memory' "$BATS_TEST_TMPDIR/alerts.log"
  # Slack: JSON {"text": ...} when alerts start, not at every sample
  cat "$FAKE_LOG"
  jq -e -s 'length >= 1 and (map(select(.method == "POST" and .path == "/services/T0/B0/x"
            and .contentType == "application/json")) | length) == length' "$FAKE_LOG"
  head -1 "$FAKE_LOG" | jq -e '.body | fromjson | .text | test("ALERT trading memory") and test("ALERT perf-report memory")'
  [ "$(jq -s 'map(.body | fromjson | .text | select(test("memory"))) | length' "$FAKE_LOG")" -eq 1 ]
}

@test "performance monitor: a failing Slack webhook is reported and monitoring goes on" {
  start_fake fail
  run "$SCRIPTS/performance-monitor.sh" --interval 1 --iterations 2 --memory-threshold 1 --slack-webhook "$FAKE_URL/hook" --alert-log ''
  echo "$output"
  [ "$status" -eq 0 ]
  [[ $output == *"WARN Slack post failed: HTTP 500"* ]]
  [[ $output == *"stopped after 2 samples"* ]]
}

@test "performance monitor: SIGTERM stops it at once, exit 0" {
  "$SCRIPTS/performance-monitor.sh" --interval 60 --alert-log '' >"$BATS_TEST_TMPDIR/monitor.out" 2>&1 3>&- &
  pid=$!
  echo $pid >>"$BATS_TEST_TMPDIR/pids"
  wait_until 20 grep -q 'perf-report .*cpu' "$BATS_TEST_TMPDIR/monitor.out"
  kill -TERM $pid
  started=$SECONDS
  wait $pid
  [ $((SECONDS - started)) -le 3 ]
  grep -q 'Performance monitor stopped after 1 samples' "$BATS_TEST_TMPDIR/monitor.out"
}

# --- cleanup ---------------------------------------------------------------------------------------------

make_old_files() {
  touch -d '10 days ago' "$OIL_TRADING_LOGS/oil-trading-trading-20200101.log" "$OIL_TRADING_LOGS/notes-old.txt"
  touch -d '9 days ago' "$OIL_TRADING_LOGS/oil-trading-risk-20200102.log.1.gz"
  touch -d '3 days ago' "$OIL_TRADING_LOGS/oil-trading-risk-20200106.log"
}

@test "cleanup --dry-run lists the old logs and the reports it would delete, and deletes nothing" {
  make_old_files
  start_fake reports
  before=$(ls "$OIL_TRADING_LOGS")
  PERF_REPORT_URL=$FAKE_URL run "$SCRIPTS/cleanup-monitoring-data.sh" --retention 7 --dry-run
  echo "$output"
  [ "$status" -eq 0 ]
  [[ $output == *"oil-trading-trading-20200101.log"* ]]
  [[ $output == *"oil-trading-risk-20200102.log.1.gz"* ]]
  [[ $output != *"oil-trading-risk-20200106.log"* ]]
  [[ $output != *"notes-old.txt"* ]]
  [[ $output == *"Would delete 2 log files"* ]]
  [[ $output == *"Would delete 3 stored performance reports"* ]]
  [ "$(ls "$OIL_TRADING_LOGS")" = "$before" ]
  jq -e -s 'map(.method + " " + .path) == ["GET /api/performance/reports?olderThanDays=7&size=1"]' "$FAKE_LOG"
  jq -e -s 'map(.authorization) == ["Bearer"]' "$FAKE_LOG"   # a token of the local platform's key
}

@test "cleanup deletes only what is older than the retention, never the logs services are writing" {
  make_old_files
  start_fake reports
  PERF_REPORT_URL=$FAKE_URL run "$SCRIPTS/cleanup-monitoring-data.sh" --retention 7
  echo "$output"
  [ "$status" -eq 0 ]
  [[ $output == *"Deleted 2 log files"* ]]
  [[ $output == *"Deleted 3 stored performance reports"* ]]
  [ ! -e "$OIL_TRADING_LOGS/oil-trading-trading-20200101.log" ]
  [ ! -e "$OIL_TRADING_LOGS/oil-trading-risk-20200102.log.1.gz" ]
  [ -e "$OIL_TRADING_LOGS/oil-trading-risk-20200106.log" ]
  [ -e "$OIL_TRADING_LOGS/notes-old.txt" ]
  jq -e -s 'map(.method + " " + .path + " " + .authorization) == ["DELETE /api/performance/reports?olderThanDays=7 Bearer"]' "$FAKE_LOG"
  # retention 0: everything goes but the current day's logs of the running services
  PERF_REPORT_URL=$FAKE_URL run "$SCRIPTS/cleanup-monitoring-data.sh" --retention 0
  echo "$output"
  [ "$status" -eq 0 ]
  [ ! -e "$OIL_TRADING_LOGS/oil-trading-risk-20200106.log" ]
  for name in "${SERVICE_NAMES[@]}"; do
    [ -s "$OIL_TRADING_LOGS/oil-trading-$name-$(date +%Y%m%d).log" ]
  done
  [[ $output == *"kept "*" in use"* ]]
}

@test "cleanup without a reports API or perf-report-service: logs cleaned anyway, reports not, the reason said, exit 1" {
  make_old_files
  start_fake missing
  PERF_REPORT_URL=$FAKE_URL run "$SCRIPTS/cleanup-monitoring-data.sh" --retention 7
  echo "$output"
  [ "$status" -eq 1 ]
  [[ $output == *"Deleted 2 log files"* ]]
  [[ $output == *"Reports were NOT cleaned: perf-report-service has no reports API yet (HTTP 404)"* ]]
  PERF_REPORT_URL=http://127.0.0.1:9 run "$SCRIPTS/cleanup-monitoring-data.sh" --retention 7
  [ "$status" -eq 1 ]
  [[ $output == *"Reports were NOT cleaned: perf-report-service does not answer"* ]]
}

@test "cleanup against the platform's perf-report-service deletes its stored reports" {
  curl -s -f -X POST -H "Authorization: Bearer $ADMIN_TOKEN" "http://localhost:8085/api/performance/reports?kind=HOURLY" >/dev/null
  run "$SCRIPTS/cleanup-monitoring-data.sh" --retention 0
  echo "$output"
  [ "$status" -eq 0 ]
  grep -Eq '^Deleted [1-9][0-9]* stored performance reports' <<<"$output"
  [ "$(curl -s -H "Authorization: Bearer $READ_TOKEN" 'http://localhost:8085/api/performance/reports?size=1' | jq .total)" = 0 ]
}

# --- monitoring stack ------------------------------------------------------------------------------------

@test "monitoring stack --kubernetes fails clearly without helm or without a cluster" {
  HELM=/nonexistent/helm run "$SCRIPTS/start-monitoring-stack.sh" --kubernetes
  [ "$status" -eq 3 ]
  [[ $output == *"needs helm"* ]]
  # kubectl with a context whose cluster does not answer
  mkdir -p "$BATS_TEST_TMPDIR/bin"
  # shellcheck disable=SC2016  # $1 $2 belong to the stub
  printf '#!/bin/sh\n[ "$1 $2" = "config current-context" ] && { echo test-context; exit 0; }\nexit 1\n' >"$BATS_TEST_TMPDIR/bin/kubectl"
  printf '#!/bin/sh\necho v3.15.0\n' >"$BATS_TEST_TMPDIR/bin/helm"
  chmod +x "$BATS_TEST_TMPDIR/bin/"*
  for script in start-monitoring-stack stop-monitoring-stack; do
    HELM="$BATS_TEST_TMPDIR/bin/helm" KUBECTL="$BATS_TEST_TMPDIR/bin/kubectl" run "$SCRIPTS/$script.sh" --kubernetes
    [ "$status" -eq 3 ]
    [[ $output == *"the cluster of kubectl context 'test-context' does not answer"* ]]
  done
}

@test "monitoring stack: local Prometheus, Alertmanager and node_exporter start, scrape the platform and the backup metrics, load the rules; stop leaves nothing" {
  "$SCRIPTS/backup.sh" --service risk >/dev/null
  run "$SCRIPTS/start-monitoring-stack.sh"
  echo "$output"
  [ "$status" -eq 0 ]
  [[ $output == *"http://localhost:$PROMETHEUS_PORT"* ]]
  [[ $output == *"http://localhost:$ALERTMANAGER_PORT"* ]]
  prometheus_pid=$(cat "$OIL_TRADING_STATE/run/prometheus.pid")
  alertmanager_pid=$(cat "$OIL_TRADING_STATE/run/alertmanager.pid")
  node_exporter_pid=$(cat "$OIL_TRADING_STATE/run/node-exporter.pid")
  [ "$(status_of "http://127.0.0.1:$PROMETHEUS_PORT/-/ready")" = 200 ]
  [ "$(status_of "http://127.0.0.1:$ALERTMANAGER_PORT/-/ready")" = 200 ]

  # started again: left as it is
  run "$SCRIPTS/start-monitoring-stack.sh"
  [ "$status" -eq 0 ]
  [[ $output == *"prometheus is already running (pid $prometheus_pid)"* ]]

  # the rules file of the chart is loaded, Alertmanager is known to Prometheus, the services are scraped
  curl -s "http://127.0.0.1:$PROMETHEUS_PORT/api/v1/rules" \
    | jq -e '[.data.groups[] | select(.file | endswith("oil-trading.rules.yaml")) | .rules[]] | length > 0'
  wait_until 30 alertmanager_known
  wait_until 45 prom_value_is 'up{job="trading-service"}' 1
  curl -s "http://127.0.0.1:$PROMETHEUS_PORT/api/v1/targets" \
    | jq -e '[.data.activeTargets[] | select(.health == "up") | .labels.job] | index("trading-service") != null'
  # backup.sh's gauge, with the namespace the routing needs; the machine's own metrics are not collected
  wait_until 45 prom_value_is 'count(oil_trading_backup_last_success_timestamp_seconds{job="node-exporter", namespace="oil-trading", database="risk", kind="dump"} > time() - 600)' 1
  prom_value_is 'count(node_cpu_seconds_total) or vector(0)' 0

  # the performance monitor reads Prometheus when it is there
  PROMETHEUS_URL="http://127.0.0.1:$PROMETHEUS_PORT" run "$SCRIPTS/performance-monitor.sh" --iterations 1 --alert-log ''
  echo "$output"
  [ "$status" -eq 0 ]
  [[ $output == *"from Prometheus at http://127.0.0.1:$PROMETHEUS_PORT"* ]]
  grep -Eq '^[0-9T:Z-]+ trading +cpu +[0-9.]+%' <<<"$output"

  run "$SCRIPTS/stop-monitoring-stack.sh"
  echo "$output"
  [ "$status" -eq 0 ]
  not_running "$prometheus_pid"
  not_running "$alertmanager_pid"
  not_running "$node_exporter_pid"
  [ ! -e "$OIL_TRADING_STATE/run/prometheus.pid" ] && [ ! -e "$OIL_TRADING_STATE/run/alertmanager.pid" ] \
    && [ ! -e "$OIL_TRADING_STATE/run/node-exporter.pid" ]
  [ "$(status_of "http://127.0.0.1:$PROMETHEUS_PORT/-/ready")" = 000 ]
  run "$SCRIPTS/stop-monitoring-stack.sh"
  [ "$status" -eq 0 ]
  [[ $output == *"prometheus is not running"* ]]
}

# --- backup and restore ----------------------------------------------------------------------------------

# A product through trading's API: the acknowledged write the backup tests look for afterwards.
add_product() {  # code
  curl -s -f -o /dev/null -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $ADMIN_TOKEN" \
    -d "{\"code\":\"$1\",\"name\":\"Backup test $1\",\"kind\":\"CRUDE\",\"apiGravity\":35.1,\"defaultUnit\":\"BBL\"}" \
    http://localhost:8081/api/products
}

product_status() { status_of "http://localhost:8081/api/products/$1" -H "Authorization: Bearer $READ_TOKEN"; }

trading_sql() { psql -h 127.0.0.1 -p "${PG_PORT:-15432}" -U postgres -d trading -qtAXc "$1"; }

newest_backup() { find "$OIL_TRADING_STATE/backups" -mindepth 1 -maxdepth 1 -name "$1" | sort | tail -1; }

every_service_ready() {
  local port
  for port in 8081 8082 8083 8084 8085; do
    wait_until 60 status_is "http://localhost:$port/health/ready" 200 || return 1
  done
}

# Waits until the archiver has copied the WAL segment that holds everything written so far.
archive_everything() {
  local segment
  segment=$(trading_sql "select pg_walfile_name(pg_current_wal_lsn())")
  trading_sql "select pg_switch_wal()" >/dev/null
  wait_until 30 test -f "$OIL_TRADING_STATE/wal-archive/$segment"
}

@test "backup: a dump per database with a manifest of commit, schema versions, row counts and checksums, and its metrics" {
  add_product BACKUP_A
  run "$SCRIPTS/backup.sh"
  echo "$output"
  [ "$status" -eq 0 ]
  backup=$(newest_backup '2*')
  manifest="$backup/manifest.json"
  jq -e --arg commit "$(git -C "$ROOT" rev-parse HEAD)" '.kind == "dump" and .commit == $commit
    and ([.databases[].database] == ["trading", "pricefeed", "risk", "settlement", "perfreport"])
    and all(.databases[]; (.schema_version | length > 0) and .rows["public.flyway_schema_history"] > 0)' "$manifest"
  [ "$(jq -r '.databases[0].rows["public.product"]' "$manifest")" = "$(trading_sql 'select count(*) from product')" ]
  for db in trading pricefeed risk settlement perfreport; do
    [ "$(sha256sum <"$backup/$db.dump" | cut -d' ' -f1)" = "$(jq -r --arg db "$db" '.databases[] | select(.database == $db) | .sha256' "$manifest")" ]
    pg_restore --list "$backup/$db.dump" | grep -q 'TABLE DATA public flyway_schema_history'
  done
  tar -tzf "$backup/monitoring.tar.gz" | grep -qx 'helm/oil-trading/files/rules/oil-trading.rules.yaml'
  tar -tzf "$backup/monitoring.tar.gz" | grep -qx 'deploy/monitoring/alertmanager.yml'
  promtool check metrics <"$OIL_TRADING_STATE/backups/oil_trading_backup.prom"
  grep -Eq '^oil_trading_backup_last_success_timestamp_seconds\{database="trading",kind="dump"\} [0-9]+$' \
    "$OIL_TRADING_STATE/backups/oil_trading_backup.prom"
  [ -z "$(find "$OIL_TRADING_STATE/backups" -maxdepth 1 -name '.incomplete-*')" ]
}

@test "backup: the row counts of a database written to during the dump are those of the dump" {
  (i=0; while :; do add_product "BUSY_$((i += 1))"; done) 3>&- &
  echo $! >>"$BATS_TEST_TMPDIR/pids"
  sleep 1
  run "$SCRIPTS/backup.sh" --service trading
  [ "$status" -eq 0 ]
  kill "$(tail -1 "$BATS_TEST_TMPDIR/pids")"
  backup=$(newest_backup '2*')
  counted=$(jq -r '.databases[0].rows["public.product"]' "$backup/manifest.json")
  pg_restore -f - --data-only --table=product "$backup/trading.dump" >"$BATS_TEST_TMPDIR/products.sql"
  dumped=$(awk '/^COPY public.product /{copy = 1; next} /^\\\.$/{copy = 0} copy' "$BATS_TEST_TMPDIR/products.sql" | wc -l)
  echo "manifest $counted, dump $dumped, now $(trading_sql 'select count(*) from product')"
  [ "$counted" = "$dumped" ]
  [ "$(trading_sql 'select count(*) from product')" -gt "$counted" ]
}

@test "restore: refuses a database that holds tables without --force, and a dump that fails its checksum, changing nothing" {
  backup=$(newest_backup '2*')
  before=$(trading_sql 'select count(*) from product')
  run "$SCRIPTS/restore.sh" --from "$backup" --service trading
  echo "$output"
  [ "$status" -eq 1 ]
  [[ $output == *"database trading holds "*" tables: --force replaces it"* ]]
  cp -r "$backup" "$BATS_TEST_TMPDIR/damaged"
  printf 'x' | dd of="$BATS_TEST_TMPDIR/damaged/trading.dump" bs=1 seek=100 conv=notrunc 2>/dev/null
  run "$SCRIPTS/restore.sh" --from "$BATS_TEST_TMPDIR/damaged" --service trading --force
  echo "$output"
  [ "$status" -eq 1 ]
  [[ $output == *"does not match its checksum"* ]]
  [ "$(trading_sql 'select count(*) from product')" = "$before" ]
  [ "$(trading_sql "select count(*) from pg_database where datname like 'trading_%'")" = 0 ]
}

@test "restore --force of one service: its data as backed up, the old database kept, the service ready again without a restart" {
  pid=$(cat "$OIL_TRADING_STATE/run/trading.pid")
  "$SCRIPTS/backup.sh" --service trading >/dev/null
  add_product AFTER_BACKUP
  [ "$(product_status AFTER_BACKUP)" = 200 ]
  run "$SCRIPTS/restore.sh" --from "$(newest_backup '2*')" --service trading --force
  echo "$output"
  [ "$status" -eq 0 ]
  [[ $output == *"The databases it replaced: trading_replaced_"* ]]
  wait_until 30 status_is http://localhost:8081/health/ready 200
  [ "$(product_status BACKUP_A)" = 200 ]
  [ "$(product_status AFTER_BACKUP)" = 404 ]
  [ "$(cat "$OIL_TRADING_STATE/run/trading.pid")" = "$pid" ]
  replaced=$(trading_sql "select datname from pg_database where datname like 'trading_replaced_%'")
  psql -h 127.0.0.1 -p "${PG_PORT:-15432}" -U postgres -d postgres -qtAXc "alter database $replaced allow_connections true"
  [ "$(psql -h 127.0.0.1 -p "${PG_PORT:-15432}" -U postgres -d "$replaced" -qtAXc "select count(*) from product where code = 'AFTER_BACKUP'")" = 1 ]
}

@test "point in time: a base backup and the WAL archive bring back what was written before the time asked, and --latest all that was archived" {
  pid=$(cat "$OIL_TRADING_STATE/run/trading.pid")
  run "$SCRIPTS/backup.sh" --base
  echo "$output"
  [ "$status" -eq 0 ]
  base=$(newest_backup 'base-*')
  grep -Eq '^oil_trading_backup_last_success_timestamp_seconds\{database="all",kind="base"\} [0-9]+$' \
    "$OIL_TRADING_STATE/backups/oil_trading_backup.prom"
  add_product BEFORE_TARGET
  sleep 1
  target=$(trading_sql "select now()")
  sleep 1
  add_product AFTER_TARGET
  archive_everything

  run "$SCRIPTS/restore.sh" --base "$base" --to-time "$target"
  [ "$status" -eq 1 ]
  [[ $output == *"--force replaces it"* ]]
  run "$SCRIPTS/restore.sh" --base "$base" --to-time "$target" --force
  echo "$output"
  [ "$status" -eq 0 ]
  every_service_ready
  [ "$(product_status BEFORE_TARGET)" = 200 ]
  [ "$(product_status AFTER_TARGET)" = 404 ]
  [ "$(trading_sql 'show restore_command')" = "" ]

  # The recovery started a new timeline; --latest from the same base follows it, not the abandoned one.
  add_product ON_NEW_TIMELINE
  archive_everything
  run "$SCRIPTS/restore.sh" --base "$base" --latest --force
  echo "$output"
  [ "$status" -eq 0 ]
  every_service_ready
  [ "$(product_status BEFORE_TARGET)" = 200 ]
  [ "$(product_status ON_NEW_TIMELINE)" = 200 ]
  [ "$(product_status AFTER_TARGET)" = 404 ]
  [ "$(cat "$OIL_TRADING_STATE/run/trading.pid")" = "$pid" ]
}

# --- a broken platform (last: these tests break it) ------------------------------------------------------

@test "a killed service: health check exits 1, every format complete with that service unreachable" {
  kill -KILL "$(cat "$OIL_TRADING_STATE/run/settlement.pid")"
  wait_until 10 status_is http://localhost:8084/health/live 000

  run "$SCRIPTS/health-check-system.sh"
  echo "$output"
  [ "$status" -eq 1 ]
  echo "$output" | grep -Eq '^settlement +unreachable '
  [ "$(grep -Ec '^(trading|pricefeed|risk|perf-report) +healthy ' <<<"$output")" -eq 4 ]
  [[ $output == *"Overall: degraded (4/5 services healthy)"* ]]

  run "$SCRIPTS/health-check-system.sh" --format json --detailed
  [ "$status" -eq 1 ]
  jq -e '.status == "degraded" and (.services | length == 5)
         and (.services[] | select(.service == "settlement") | .status == "unreachable" and .live.code == 0 and (.error | length > 0))' <<<"$output"

  run "$SCRIPTS/health-check-system.sh" --format prometheus --detailed
  [ "$status" -eq 1 ]
  promtool check metrics <<<"$output"
  grep -qx 'oil_trading_healthcheck_up{service="settlement"} 0' <<<"$output"
  grep -qx 'oil_trading_healthcheck_up{service="trading"} 1' <<<"$output"
}

@test "a killed service: the performance monitor reports it down and keeps running" {
  run "$SCRIPTS/performance-monitor.sh" --interval 1 --iterations 2 --alert-log ''
  echo "$output"
  [ "$status" -eq 0 ]
  [ "$(grep -Ec '^[0-9T:Z-]+ settlement +DOWN ' <<<"$output")" -eq 2 ]
  [ "$(grep -c 'ALERT settlement down' <<<"$output")" -eq 2 ]
  [ "$(grep -Ec '^[0-9T:Z-]+ trading +cpu ' <<<"$output")" -eq 2 ]
  [[ $output == *"stopped after 2 samples"* ]]
}

@test "PostgreSQL down: health check names the failing readiness check, exit 1; 5xx raise the error-rate alert" {
  kill -INT "$(cat "$OIL_TRADING_STATE/run/postgres.pid")"
  wait_until 30 status_is http://localhost:8081/health/ready 503

  run "$SCRIPTS/health-check-system.sh" --format json --service trading
  echo "$output"
  [ "$status" -eq 1 ]
  jq -e '.services[0] | .status == "not-ready" and .live.code == 200 and .ready.code == 503
         and (.ready.failingChecks | index("Database connections health check") != null)' <<<"$output"
  run "$SCRIPTS/health-check-system.sh" --service trading
  [ "$status" -eq 1 ]
  [[ $output == *"failing: Database connections health check"* ]]

  start_traffic http://localhost:8081/api/products
  run "$SCRIPTS/performance-monitor.sh" --interval 2 --iterations 2 --error-rate-threshold 10 --alert-log ''
  echo "$output"
  [ "$status" -eq 0 ]
  grep -Eq "ALERT trading error-rate: [0-9.]+% > 10%" <<<"$output"
}
