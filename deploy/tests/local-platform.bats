#!/usr/bin/env bats
# The local platform as a newcomer runs it: deploy/local/start.sh and stop.sh, with state in a temporary folder.

PORTS=(8081 8082 8083 8084 8085)

setup_file() {
  export OIL_TRADING_STATE="$BATS_FILE_TMPDIR/state" OIL_TRADING_LOGS="$BATS_FILE_TMPDIR/logs" MONITORING=false
  ROOT="$(cd "$BATS_TEST_DIRNAME/../.." && pwd)"
  export ROOT
  "$ROOT/deploy/local/start.sh" >"$BATS_FILE_TMPDIR/start.log" 2>&1 || { cat "$BATS_FILE_TMPDIR/start.log" >&3; return 1; }
}

teardown_file() {
  "$ROOT/deploy/local/stop.sh" >/dev/null 2>&1 || true
}

status_of() { curl -s -o /dev/null -w '%{http_code}' "$1"; }

wait_for_status() {  # url status seconds
  local deadline=$((SECONDS + $3))
  while [ $SECONDS -lt $deadline ]; do
    [ "$(status_of "$1")" = "$2" ] && return 0
    sleep 0.5
  done
  echo "$1 did not answer $2 within $3 s (last: $(status_of "$1"))"
  return 1
}

@test "start.sh brings every service to ready and prints the URL table" {
  for port in "${PORTS[@]}"; do
    [ "$(status_of "http://localhost:$port/health/ready")" = 200 ]
    grep -q "http://localhost:$port" "$BATS_FILE_TMPDIR/start.log"
  done
}

@test "every service exports the HTTP latency histogram" {
  for port in "${PORTS[@]}"; do
    curl -s -o /dev/null "http://localhost:$port/api/no-such-thing"
    curl -s "http://localhost:$port/metrics" | grep -q '^http_server_requests_seconds_bucket{.*le="2.0"'
  done
}

@test "each service logs JSON lines to logs/oil-trading-<service>-<yyyymmdd>.log" {
  for name in trading pricefeed risk settlement perf-report; do
    log="$OIL_TRADING_LOGS/oil-trading-$name-$(date +%Y%m%d).log"
    [ -s "$log" ]
    grep '^{' "$log" | head -1 | jq -e --arg s "$name-service" '.service == $s' >/dev/null
  done
}

@test "PostgreSQL down: readiness 503 naming the database check, liveness 200; back up: ready without a restart" {
  pid_before=$(cat "$OIL_TRADING_STATE/run/trading.pid")
  pg_pid=$(cat "$OIL_TRADING_STATE/run/postgres.pid")
  kill -INT "$pg_pid"
  for port in "${PORTS[@]}"; do
    wait_for_status "http://localhost:$port/health/ready" 503 30
    curl -s "http://localhost:$port/health/ready" \
      | jq -e '.checks[] | select(.name == "Database connections health check") | .status == "DOWN"' >/dev/null
    [ "$(status_of "http://localhost:$port/health/live")" = 200 ]
  done
  while kill -0 "$pg_pid" 2>/dev/null; do sleep 0.2; done
  "$ROOT/deploy/local/start.sh" >"$BATS_FILE_TMPDIR/restart.log" 2>&1 || { cat "$BATS_FILE_TMPDIR/restart.log"; false; }
  for port in "${PORTS[@]}"; do
    wait_for_status "http://localhost:$port/health/ready" 200 60
  done
  [ "$(cat "$OIL_TRADING_STATE/run/trading.pid")" = "$pid_before" ]
}

@test "data survives stop and start" {
  curl -s -f -X POST -H 'Content-Type: application/json' -H 'X-User: bats' \
    -d '{"code":"BATS_GRADE","name":"Persisted grade","kind":"CRUDE","apiGravity":35.1,"defaultUnit":"BBL"}' \
    http://localhost:8081/api/products >/dev/null
  "$ROOT/deploy/local/stop.sh" >/dev/null 2>&1
  [ "$(status_of http://localhost:8081/health/live)" = 000 ]
  "$ROOT/deploy/local/start.sh" >/dev/null 2>&1
  curl -s -f http://localhost:8081/api/products/BATS_GRADE | jq -e '.apiGravity == 35.1' >/dev/null
}
