#!/usr/bin/env bats
# The local platform as a newcomer runs it: deploy/local/start.sh and stop.sh, with state in a temporary folder,
# and its API with tokens from deploy/local/token.sh (docs/access-control.md).

PORTS=(8081 8082 8083 8084 8085)

setup_file() {
  export OIL_TRADING_STATE="$BATS_FILE_TMPDIR/state" OIL_TRADING_LOGS="$BATS_FILE_TMPDIR/logs" MONITORING=false
  # One second of clock skew instead of the platform's 5, so that the expired-token test waits 3 s.
  export MP_JWT_VERIFY_CLOCK_SKEW=1
  ROOT="$(cd "$BATS_TEST_DIRNAME/../.." && pwd)"
  export ROOT
  "$ROOT/deploy/local/start.sh" >"$BATS_FILE_TMPDIR/start.log" 2>&1 || { cat "$BATS_FILE_TMPDIR/start.log" >&3; return 1; }
  ADMIN_TOKEN=$("$ROOT/deploy/local/token.sh" admin bats-admin 7200) && AUDITOR_TOKEN=$("$ROOT/deploy/local/token.sh" auditor bats-auditor 7200) \
    || return 1
  export ADMIN_TOKEN AUDITOR_TOKEN
}

teardown_file() {
  "$ROOT/deploy/local/stop.sh" >/dev/null 2>&1 || true
}

status_of() { curl -s -o /dev/null -w '%{http_code}' "$1"; }

# Status and content type of a request: "401 application/problem+json".
answer_of() { curl -s -o /dev/null -w '%{http_code} %{content_type}' "$@"; }

PRODUCT='{"code":"BATS_GRADE","name":"Persisted grade","kind":"CRUDE","apiGravity":35.1,"defaultUnit":"BBL"}'

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
    curl -s -o /dev/null -H "Authorization: Bearer $AUDITOR_TOKEN" "http://localhost:$port/api/no-such-thing"
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

@test "start.sh generates the token key pair: the private key PKCS#8 and readable by its owner only" {
  [ "$(stat -c %a "$OIL_TRADING_STATE/jwt/private.pem")" = 600 ]
  head -1 "$OIL_TRADING_STATE/jwt/private.pem" | grep -qx -- '-----BEGIN PRIVATE KEY-----'
  openssl pkey -pubin -in "$OIL_TRADING_STATE/jwt/public.pem" -noout
}

@test "token.sh: a bad role, user or lifetime is a usage error (exit 2)" {
  run "$ROOT/deploy/local/token.sh" boss alice
  [ "$status" -eq 2 ]
  run "$ROOT/deploy/local/token.sh" trader 'al ice'
  [ "$status" -eq 2 ]
  run "$ROOT/deploy/local/token.sh" trader alice 0
  [ "$status" -eq 2 ]
  OIL_TRADING_STATE="$BATS_TEST_TMPDIR/none" run "$ROOT/deploy/local/token.sh" trader alice
  [ "$status" -eq 2 ]
  [[ $output == *"start the platform once: deploy/local/start.sh"* ]]
}

@test "every service answers an /api request without a token 401 problem+json" {
  for path in 8081/api/products 8082/api/benchmarks 8083/api/risk/snapshots 8084/api/invoices 8085/api/performance/reports; do
    run answer_of "http://localhost:$path"
    [[ $output == "401 application/problem+json"* ]] || { echo "$path: $output"; return 1; }
  done
}

@test "a write with a token of another role is 403 problem+json" {
  run answer_of -X POST -H 'Content-Type: application/json' -d "${PRODUCT/BATS_GRADE/BATS_DENIED}" \
    -H "Authorization: Bearer $("$ROOT/deploy/local/token.sh" trader bats-trader)" http://localhost:8081/api/products
  [[ $output == "403 application/problem+json"* ]]
}

@test "an expired token is 401" {
  token=$("$ROOT/deploy/local/token.sh" auditor bats-auditor 1)
  sleep 3
  run answer_of -H "Authorization: Bearer $token" http://localhost:8081/api/products
  [[ $output == "401 application/problem+json"* ]]
}

# The write also checks that the token of the role the endpoint needs works, and a token of any role reads.
@test "data and the token key survive stop and start" {
  curl -s -f -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $ADMIN_TOKEN" -d "$PRODUCT" \
    http://localhost:8081/api/products >/dev/null
  key=$(sha256sum <"$OIL_TRADING_STATE/jwt/private.pem")
  "$ROOT/deploy/local/stop.sh" >/dev/null 2>&1
  [ "$(status_of http://localhost:8081/health/live)" = 000 ]
  "$ROOT/deploy/local/start.sh" >/dev/null 2>&1
  [ "$(sha256sum <"$OIL_TRADING_STATE/jwt/private.pem")" = "$key" ]
  curl -s -f -H "Authorization: Bearer $AUDITOR_TOKEN" http://localhost:8081/api/products/BATS_GRADE \
    | jq -e '.apiGravity == 35.1' >/dev/null
}
