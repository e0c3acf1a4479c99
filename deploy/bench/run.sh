#!/usr/bin/env bash
# Benchmarks the platform against the limits of this machine, in one run, and writes a Markdown and a JSON
# report: the machine first, then each figure with the command that produced it and the target it is read against.
#
#   deploy/bench/run.sh [--quick] [--out DIR]
#
#   --quick   the 10k × 1k engine point only, two capture concurrencies of 5 s, 5 latency calls (about 4 min)
#   --out     where reports go (default reports/): bench-<timestamp>.md, .json and bench-<timestamp>/ (raw output)
#
# 1. risk engine (JMH, before anything else runs)   2. the local platform started on its own state folder
# 3. each service restarted alone: start to ready, RSS   4. /api/risk/calculate and /api/performance/report on
# the demo book   5. trade capture (wrk) next to pgbench   6. price ingest next to COPY   7. platform stopped.
# Nothing is estimated: a step that cannot run is reported as not run, with the reason, and the run exits 1.
#
# It builds with Maven and starts JVMs: on a shared machine run it under the lock your builds take, e.g.
#   flock /tmp/maven.lock deploy/bench/run.sh
set -u
BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$BENCH/../.." && pwd)

quick=false
out=$ROOT/reports
while [ $# -gt 0 ]; do
  case $1 in
    --quick) quick=true ;;
    --out) out=${2:?--out needs a folder}; shift ;;
    *) echo "usage: deploy/bench/run.sh [--quick] [--out DIR]" >&2; exit 2 ;;
  esac
  shift
done

# The platform's own state folder, so that a developer's .local/ (data, pid files) is never touched; its data is
# recreated on every run (the PostgreSQL binaries are kept).
export OIL_TRADING_STATE=${BENCH_STATE:-$ROOT/.local/bench}
export OIL_TRADING_LOGS=$OIL_TRADING_STATE/logs
source "$ROOT/deploy/local/platform.sh"
PG=(-h 127.0.0.1 -p "$PG_PORT" -U postgres)

stamp=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$out" || exit 1
out=$(cd "$out" && pwd)
RAW=$out/bench-$stamp
mkdir -p "$RAW/steps"
REPORT_JSON=$out/bench-$stamp.json
REPORT_MD=$out/bench-$stamp.md
run_started=$SECONDS

if $quick; then
  JMH_POSITIONS=10000; JMH_SCENARIOS=1000; CAPTURE_CLIENTS=(4 16); CAPTURE_SECONDS=5; LATENCY_RUNS=5
else
  JMH_POSITIONS=1000,10000,100000; JMH_SCENARIOS=250,1000,2500; CAPTURE_CLIENTS=(1 4 16 64); CAPTURE_SECONDS=20
  LATENCY_RUNS=20
fi
JMH_OPTS="-wi 2 -w 1s -i 5 -r 1s -f 1"

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }
have() { command -v "$1" >/dev/null 2>&1; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# Nearest-rank percentile of the numbers on stdin.
percentile() { sort -g | awk -v p="$1" '{v[NR] = $1} END { if (NR == 0) { print "null"; exit }
  r = int((p / 100) * NR + 0.999999); if (r < 1) r = 1; if (r > NR) r = NR; print v[r] }'; }
round() { awk -v v="$1" -v d="${2:-1}" 'BEGIN { if (v == "" || v == "null") print "null"; else printf "%.*f\n", d, v }'; }

# A step's result: write_step ID TITLE STATUS NOTE TARGET COLUMNS_JSON ROWS_JSON. COLUMNS is [[header, key], ...]
# (the Markdown table), ROWS the figures, each with the command that produced it under "command".
write_step() {
  jq -n --arg id "$1" --arg title "$2" --arg status "$3" --arg note "$4" --arg target "$5" \
    --argjson columns "$6" --argjson rows "$7" \
    '{id: $id, title: $title, status: $status, note: $note, target: $target, columns: $columns, rows: $rows}' \
    >"$RAW/steps/$1.json"
}
NOT_RUN=()   # the steps that could not run: the run then exits 1, after writing its report
not_run() {  # ID TITLE TARGET REASON
  NOT_RUN+=("$1")
  log "$1: not run: $4"
  write_step "$1" "$2" "not run" "$4" "$3" '[]' '[]'
}

# ---------------------------------------------------------------------------------------------------- machine
cpu_model=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
cpu_count=$(grep -c '^processor' /proc/cpuinfo)
mem_total=$(awk '/^MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)
java_version=$(java -version 2>&1 | head -1)
git_commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
git_dirty=$(git -C "$ROOT" status --porcelain 2>/dev/null | grep -c .)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# ------------------------------------------------------------------------------------------ 2. risk engine (JMH)
# First, while nothing else of ours runs: JMH forks its own JVM and uses both cores.
ENGINE_TITLE="2. Risk engine (JMH): historical VaR 99 % + ES 97.5 % + Euler contributions vs. one plain matrix-vector product"
ENGINE_TARGET="engine within 5× of the matrix-vector bound; 10k positions × 1k scenarios under 50 ms"
run_engine() {
  local jmh_json=$RAW/jmh.json
  local args="-cp %classpath org.openjdk.jmh.Main EngineBenchmark -p positions=$JMH_POSITIONS -p scenarios=$JMH_SCENARIOS $JMH_OPTS -rf json -rff $jmh_json"
  local cmd=(./mvnw -B -q -pl risk-service -DskipTests test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:exec
    -Dexec.executable=java -Dexec.classpathScope=test "-Dexec.args=$args")
  local shown="./mvnw -B -q -DskipTests install -pl platform-common,platform-testing -am && ./mvnw -B -q -pl risk-service -DskipTests test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:exec -Dexec.executable=java -Dexec.classpathScope=test \"-Dexec.args=-cp %classpath org.openjdk.jmh.Main EngineBenchmark -p positions=$JMH_POSITIONS -p scenarios=$JMH_SCENARIOS $JMH_OPTS -rf json -rff jmh.json\""
  log "engine: JMH positions=$JMH_POSITIONS scenarios=$JMH_SCENARIOS ($JMH_OPTS)"
  local t0=$SECONDS
  # risk-service alone needs its sibling modules in the local repository: `./mvnw verify` does not install them.
  (cd "$ROOT" && ./mvnw -B -q -DskipTests install -pl platform-common,platform-testing -am && "${cmd[@]}") \
    >"$RAW/jmh.log" 2>&1
  local rc=$? took=$((SECONDS - t0))
  if [ $rc != 0 ] || ! jq -e 'length > 0' "$jmh_json" >/dev/null 2>&1; then
    not_run engine "$ENGINE_TITLE" "$ENGINE_TARGET" "JMH failed (exit $rc); see $(basename "$RAW")/jmh.log"
    return
  fi
  local rows
  rows=$(jq --arg cmd "$shown" '
    def r(x): (x * 100 | round) / 100;
    group_by([.params.positions, .params.scenarios])
    | map(
        (map(select(.benchmark | endswith(".varEsAndContributions")))[0].primaryMetric) as $e
        | (map(select(.benchmark | endswith(".matrixVectorBound")))[0].primaryMetric) as $b
        | (.[0].params.positions | tonumber) as $p | (.[0].params.scenarios | tonumber) as $s
        | ($e.score / $b.score) as $ratio
        | {positions: $p, scenarios: $s,
           engineMs: r($e.score), engineErrorMs: r($e.scoreError),
           boundMs: r($b.score), boundErrorMs: r($b.scoreError),
           ratio: r($ratio), withinFiveX: ($ratio <= 5),
           under50Ms: (if $p == 10000 and $s == 1000 then ($e.score < 50) else null end),
           command: $cmd})
    | sort_by(.positions, .scenarios)' "$jmh_json")
  write_step engine "$ENGINE_TITLE" ok \
    "JMH $JMH_OPTS (warmup 2 × 1 s, measurement 5 × 1 s, 1 fork), average time per call ± 99.9 % error; JDK: $java_version; the whole JMH run took ${took} s including Maven. The engine runs the historical simulation twice (VaR 99 % and ES 97.5 %), so about 2× the bound is its floor." \
    "$ENGINE_TARGET" \
    '[["positions","positions"],["scenarios","scenarios"],["engine ms","engineMs"],["± ms","engineErrorMs"],["bound ms","boundMs"],["± ms","boundErrorMs"],["engine / bound","ratio"],["≤ 5×","withinFiveX"],["10k×1k < 50 ms","under50Ms"],["command","command"]]' \
    "$rows"
}
run_engine

# ------------------------------------------------------------------------------------------- start the platform
platform_started=false
SAMPLER_PID=
cleanup() {
  [ -n "$SAMPLER_PID" ] && kill "$SAMPLER_PID" 2>/dev/null
  if $platform_started; then
    log "stopping the platform"
    "$ROOT/deploy/local/stop.sh" >"$RAW/stop.log" 2>&1
    platform_started=false
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# As deploy/local/start.sh starts a service (same environment and JVM options), so that a restart measures the
# same process the platform runs.
# shellcheck disable=SC2086  # JAVA_OPTS holds several options, as in start.sh
launch_service() {  # name module port db
  service_jwt_env "$1"
  PRICEFEED_REPLAY_ENABLED=true PRICEFEED_REPLAY_INTERVAL=${REPLAY_INTERVAL:-10s} \
  SETTLEMENT_RUN_INTERVAL=${SETTLEMENT_RUN_INTERVAL:-60s} \
  QUARKUS_HTTP_PORT=$3 DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$4" DB_USER=postgres DB_PASSWORD='' \
    nohup env "${JWT_ENV[@]}" java ${JAVA_OPTS:--Xmx256m} -jar "$ROOT/$2/target/quarkus-app/quarkus-run.jar" \
    >>"$LOGS/oil-trading-$1-$(date +%Y%m%d).log" 2>&1 &
  echo $! >"$RUN/$1.pid"
}
pid_of() { cat "$RUN/$1.pid" 2>/dev/null; }
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null; }

platform_error=
busy=""
for p in 8081 8082 8083 8084 8085 "$PG_PORT"; do port_open "$p" && busy="$busy $p"; done
if [ -n "$busy" ]; then
  platform_error="ports in use:$busy (another platform running? stop it first)"
else
  # Fresh data on every run: the demo book as demo-data.sh loads it, no captures of an earlier run.
  rm -rf "$STATE/pgdata" "$STATE/run" "$STATE/demo-data-loaded" "$LOGS"
  # Quiet background work: no scheduled risk refresh, settlement every 10 min; the replay feed is paused once
  # its history is loaded. The figures then measure the request, not a timer that happens to fire.
  export MONITORING=false DEMO_DATA=true RISK_REFRESH_INTERVAL=off SETTLEMENT_RUN_INTERVAL=600s
  log "starting the platform (state $STATE)"
  t0=$(now_ms)
  "$ROOT/deploy/local/start.sh" >"$RAW/start.log" 2>&1
  start_rc=$?
  platform_cold_ms=$(($(now_ms) - t0))
  platform_started=true
  [ $start_rc = 0 ] || platform_error="deploy/local/start.sh failed (exit $start_rc); see $(basename "$RAW")/start.log"
fi
# One token per role the run needs (docs/access-control.md), minted once with start.sh's key and valid well past
# the longest run; the commands in the report show how to mint them instead of the tokens themselves.
declare -A TOKEN
if [ -z "$platform_error" ]; then
  for role in trader price-admin admin risk-manager; do
    TOKEN[$role]=$("$ROOT/deploy/local/token.sh" "$role" bench 14400) \
      || { platform_error="deploy/local/token.sh $role bench failed"; break; }
  done
fi
auth() { printf 'Authorization: Bearer %s' "${TOKEN[$1]}"; }  # role: the header
shown_auth() { printf '%s' "-H \"Authorization: Bearer \$(deploy/local/token.sh $1 bench)\""; }  # role
if [ -z "$platform_error" ]; then
  # The replay feed loads the EIA history before 2020-03-02 on its first tick; risk needs it.
  for _ in $(seq 1 120); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' -H "$(auth price-admin)" http://localhost:8082/api/benchmarks/BRENT/quotes/latest)" = 200 ] && break
    sleep 1
  done
  curl -s -X POST -H "$(auth price-admin)" http://localhost:8082/api/replay/pause >/dev/null
  pg_version=$(psql "${PG[@]}" -d postgres -tAc 'show server_version' 2>/dev/null)
  demo_contracts=$(psql "${PG[@]}" -d trading -tAc 'select count(*) from physical_contract' 2>/dev/null)
  # RSS of every service every 0.5 s, for the peaks under load.
  ( while :; do
      for entry in "${SERVICES[@]}"; do
        read -r name _ _ _ <<<"$entry"
        pid=$(pid_of "$name"); [ -n "$pid" ] || continue
        kb=$(rss_kb "$pid"); [ -n "$kb" ] && echo "$(date +%s.%N) $name $kb"
      done
      sleep 0.5
    done ) >"$RAW/rss.log" 2>/dev/null &
  SAMPLER_PID=$!
fi
pg_version=${pg_version:-$(psql --version 2>/dev/null | awk '{print "(client) " $3}')}
peak_rss_mb() {  # name from_epoch to_epoch
  awk -v n="$1" -v a="$2" -v b="$3" '$2 == n && $1 >= a && $1 <= b && $3 > m {m = $3} END {
    if (m) printf "%.0f\n", m / 1024; else print "null" }' "$RAW/rss.log"
}
declare -A LOAD_FROM LOAD_TO

# --------------------------------------------------------------------------------- 4. start to ready, idle RSS
STARTUP_TITLE="4. Start to ready and memory per service"
STARTUP_TARGET="start to ready ≤ 3 s"
declare -A READY_MS QUARKUS_S IDLE_MB
run_startup() {
  local entry name module port db pid t0 code
  for entry in "${SERVICES[@]}"; do
    read -r name module port db <<<"$entry"
    log "startup: restarting $name alone"
    pid=$(pid_of "$name")
    if [ -n "$pid" ]; then
      kill -TERM "$pid" 2>/dev/null
      for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    fi
    local logfile offset
    logfile=$LOGS/oil-trading-$name-$(date +%Y%m%d).log
    offset=$(stat -c %s "$logfile" 2>/dev/null || echo 0)
    t0=$(now_ms)
    launch_service "$name" "$module" "$port" "$db"
    code=000
    while [ $(($(now_ms) - t0)) -lt 60000 ]; do
      code=$(curl -s -o /dev/null -m 1 -w '%{http_code}' "http://localhost:$port/health/ready")
      [ "$code" = 200 ] && break
      sleep 0.05
    done
    if [ "$code" = 200 ]; then READY_MS[$name]=$(($(now_ms) - t0)); else READY_MS[$name]=null; fi
    # Quarkus's own figure (from JVM start to "started in"): the rest is the first ready probe.
    QUARKUS_S[$name]=$(tail -c +"$((offset + 1))" "$logfile" 2>/dev/null | grep -o 'started in [0-9.]*s' | tail -1 | grep -o '[0-9.]*' | head -1)
    QUARKUS_S[$name]=${QUARKUS_S[$name]:-null}
  done
  # The restarted pricefeed resumes its replay feed: pause it again.
  curl -s -X POST -H "$(auth price-admin)" http://localhost:8082/api/replay/pause >/dev/null
  log "startup: idle 15 s"
  sleep 10
  local a b
  a=$(date +%s.%N); sleep 5; b=$(date +%s.%N)
  for entry in "${SERVICES[@]}"; do
    read -r name _ _ _ <<<"$entry"
    IDLE_MB[$name]=$(peak_rss_mb "$name" "$a" "$b")
  done
}

# ------------------------------------------------------------------------------ 5. end-to-end latency (demo book)
LATENCY_TITLE="5. End-to-end latency on the demo book"
measure_latency() {  # name url runs role: appends one row to $RAW/latency-rows.jsonl
  local name=$1 url=$2 runs=$3 role=$4 t0 times codes bad body=$RAW/latency-$1.body header
  header=$(auth "$role")
  curl -s -o "$body" -H "$header" "$url"   # one warm-up call, not counted
  t0=$(date +%s.%N)
  for _ in $(seq 1 "$runs"); do
    curl -s -o "$body" -H "$header" -w '%{http_code} %{time_total}\n' "$url"
  done >"$RAW/latency-$name.txt"
  LOAD_FROM[$name]=$t0; LOAD_TO[$name]=$(date +%s.%N)
  times=$(awk '{print $2 * 1000}' "$RAW/latency-$name.txt")
  codes=$(awk '{c[$1]++} END {for (k in c) printf "%s%s × %d", (n++ ? ", " : ""), k, c[k]}' "$RAW/latency-$name.txt")
  bad=$(awk '$1 != 200 {bad++} END {print bad + 0}' "$RAW/latency-$name.txt")
  jq -nc --arg endpoint "$url" --argjson runs "$runs" --arg statuses "$codes" --argjson non200 "$bad" \
    --argjson p50 "$(round "$(percentile 50 <<<"$times")")" --argjson p95 "$(round "$(percentile 95 <<<"$times")")" \
    --argjson max "$(round "$(percentile 100 <<<"$times")")" \
    --arg command "curl -s -o /dev/null $(shown_auth "$role") '$url'; for i in \$(seq $runs); do curl -s -o /dev/null $(shown_auth "$role") -w '%{http_code} %{time_total}\\n' '$url'; done" \
    '{endpoint: $endpoint, runs: $runs, statuses: $statuses, non200: $non200, p50Ms: $p50, p95Ms: $p95, maxMs: $max,
      note: "", command: $command}' >>"$RAW/latency-rows.jsonl"
}
run_latency() {
  local rows risk_note report_note
  : >"$RAW/latency-rows.jsonl"
  log "latency: /api/risk/calculate × $LATENCY_RUNS"
  measure_latency risk "http://localhost:8083/api/risk/calculate" "$LATENCY_RUNS" risk-manager
  risk_note="demo book: $demo_contracts physical contracts (deploy/local/demo-data.sh); $(jq -r '.report // . | "\(.exposures | length) factors, \(.conventions.scenarios) scenarios, \(.monteCarlo.paths) Monte Carlo paths, gross exposure \(.grossExposureUsd | round) USD, prices as of \(.inputs.pricesAsOf)"' "$RAW/latency-risk.body" 2>/dev/null || echo "the last answer is not JSON: $(head -c 200 "$RAW/latency-risk.body")")"
  log "latency: /api/performance/report?format=json × $LATENCY_RUNS"
  measure_latency perf-report "http://localhost:8085/api/performance/report?format=json" "$LATENCY_RUNS" admin
  report_note="Prometheus and Alertmanager are not started by the harness (MONITORING=false), so the report has no figures from them; its sources: $(jq -c '.sources // "none named"' "$RAW/latency-perf-report.body" 2>/dev/null || echo "the last answer is not JSON: $(head -c 200 "$RAW/latency-perf-report.body")")"
  rows=$(jq -s --arg a "$risk_note" --arg b "$report_note" '.[0].note = $a | .[1].note = $b' "$RAW/latency-rows.jsonl")
  write_step latency "$LATENCY_TITLE" ok \
    "Sequential calls with curl from this machine, after one warm-up call; time_total per call (connect to last byte); p50/p95/max by nearest rank over $LATENCY_RUNS calls. Each risk calculation also stores a snapshot." \
    "no target in the issue (reported as measured)" \
    '[["endpoint","endpoint"],["calls","runs"],["HTTP status","statuses"],["p50 ms","p50Ms"],["p95 ms","p95Ms"],["max ms","maxMs"],["note","note"],["command","command"]]' \
    "$rows"
}

# ------------------------------------------------------------------------------- 1. trade capture vs. pgbench
CAPTURE_TITLE="1. Trade capture: POST /api/contracts (wrk) vs. the same transaction in pgbench"
CAPTURE_TARGET="capture ≥ 50 % of pgbench throughput at p99 ≤ 50 ms (per concurrency)"
run_capture() {
  local missing=""
  have wrk || missing="$missing wrk"
  have pgbench || missing="$missing pgbench"
  have psql || missing="$missing psql"
  if [ -n "$missing" ]; then not_run capture "$CAPTURE_TITLE" "$CAPTURE_TARGET" "missing:$missing"; return; fi
  # One real capture: checks the path works and gives the widths of the rows pgbench writes.
  local request response code
  request=$(jq -c . <<<"$(sed -n '/^local body = \[\[/,/\]\]/p' "$ROOT/trading-service/bench/capture.lua" | sed 's/^local body = \[\[//; s/\]\]$//')")
  code=$(curl -s -o "$RAW/capture-sample.json" -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
    -H "$(auth trader)" -H "Idempotency-Key: bench-sample-$stamp" -d "$request" http://localhost:8081/api/contracts)
  if [ "$code" != 201 ]; then
    not_run capture "$CAPTURE_TITLE" "$CAPTURE_TARGET" "a sample capture answered $code, not 201: $(head -c 300 "$RAW/capture-sample.json")"
    return
  fi
  response=$(jq -c . "$RAW/capture-sample.json")
  local terms sql
  terms=$(jq -c 'del(.id, .status, .version, .lockVersion, .createdAt, .createdBy, .updatedAt, .updatedBy)' <<<"$response")
  sql=$(<"$BENCH/capture.sql")
  # As base64 literals: pgbench would read the JSON's ":name" as its own variables.
  sql=${sql//@TERMS@/"$(printf '%s' "$terms" | base64 -w0)"}
  sql=${sql//@BODY@/"$(printf '%s' "$response" | base64 -w0)"}
  printf '%s\n' "$sql" >"$RAW/capture.sql"
  # The scratch database: trading's own migrations (same tables, indexes, constraints) and the reference rows.
  psql "${PG[@]}" -d postgres -qc 'drop database if exists bench_capture' -c 'create database bench_capture' >/dev/null 2>&1
  local f ok=true
  for f in "$ROOT"/trading-service/src/main/resources/db/migration/V*.sql "$BENCH/capture-setup.sql"; do
    psql "${PG[@]}" -d bench_capture -v ON_ERROR_STOP=1 -qf "$f" >>"$RAW/capture-setup.log" 2>&1 || ok=false
  done
  if ! $ok; then not_run capture "$CAPTURE_TITLE" "$CAPTURE_TARGET" "the scratch database could not be set up; see capture-setup.log"; return; fi

  local rows='[]' c threads wrk_cmd pg_cmd wrk_json before after t0 t1 tps lat p50 p99 pg_errors
  for c in "${CAPTURE_CLIENTS[@]}"; do
    threads=$((c < 2 ? c : 2))
    wrk_cmd="wrk -t$threads -c$c -d${CAPTURE_SECONDS}s --timeout 10s --latency -s trading-service/bench/capture.lua http://localhost:8081/api/contracts"
    log "capture: $wrk_cmd"
    before=$(psql "${PG[@]}" -d trading -tAc 'select count(*) from physical_contract')
    t0=$(date +%s.%N)
    (cd "$ROOT" && BENCH_RUN="$stamp-c$c" BENCH_TOKEN=${TOKEN[trader]} $wrk_cmd) >"$RAW/wrk-c$c.txt" 2>&1
    t1=$(date +%s.%N)
    [ -z "${LOAD_FROM[trading]:-}" ] && LOAD_FROM[trading]=$t0
    LOAD_TO[trading]=$t1
    after=$(psql "${PG[@]}" -d trading -tAc 'select count(*) from physical_contract')
    wrk_json=$(sed -n 's/^bench-json //p' "$RAW/wrk-c$c.txt")
    [ -n "$wrk_json" ] || wrk_json='{}'
    sleep 2
    pg_cmd="pgbench -n -M prepared -c $c -j $threads -T $CAPTURE_SECONDS -r -l --log-prefix=pgbench-c$c -f capture.sql -h 127.0.0.1 -p $PG_PORT -U postgres bench_capture"
    log "capture: $pg_cmd"
    rm -f "$RAW"/pgbench-c"$c".*
    (cd "$RAW" && $pg_cmd) >"$RAW/pgbench-out-c$c.txt" 2>&1
    tps=$(awk -F'= ' '/^tps = / {split($2, a, " "); print a[1]; exit}' "$RAW/pgbench-out-c$c.txt")
    pg_errors=$(awk '/number of failed transactions/ {print $5; exit}' "$RAW/pgbench-out-c$c.txt")
    # Per-transaction log: client, transaction, latency (µs), ...
    lat=$(cat "$RAW"/pgbench-c"$c".* 2>/dev/null | awk '{print $3 / 1000}')
    p50=$(percentile 50 <<<"$lat"); p99=$(percentile 99 <<<"$lat")
    rows=$(jq --argjson c "$c" --argjson w "$wrk_json" --argjson rowsWritten "$((after - before))" \
      --argjson tps "$(round "${tps:-}" 1)" --argjson p50 "$(round "$p50" 2)" --argjson p99 "$(round "$p99" 2)" \
      --arg pgErrors "${pg_errors:-0}" --arg wrkCmd "BENCH_TOKEN=\$(deploy/local/token.sh trader bench) $wrk_cmd" --arg pgCmd "$pg_cmd" '
      def r(x): if x == null then null else (x * 100 | round) / 100 end;
      . + [{clients: $c,
            serviceRps: r($w.rps), serviceP50Ms: $w.p50Ms, serviceP99Ms: $w.p99Ms, serviceMaxMs: $w.maxMs,
            serviceErrors: (if $w.requests == null then null else $w.non2xx + $w.socketErrors + $w.timeouts end),
            contractsWritten: $rowsWritten,
            pgbenchTps: $tps, pgbenchP50Ms: $p50, pgbenchP99Ms: $p99, pgbenchFailed: ($pgErrors | tonumber? // 0),
            ratio: (if $w.rps == null or $tps == null or $tps == 0 then null else r($w.rps / $tps) end),
            met: (if $w.rps == null or $tps == null then null
                  else (($w.rps / $tps) >= 0.5 and $w.p99Ms <= 50) end),
            command: "\($wrkCmd)  vs.  \($pgCmd)"}]' <<<"$rows")
  done
  write_step capture "$CAPTURE_TITLE" ok \
    "Each wrk request captures a new DRAFT contract with its own Idempotency-Key (BRENT / NORDOIL of the demo book); wrk counts only 2xx as successes, and \"contracts written\" is the row count difference in trading's physical_contract table. pgbench runs deploy/bench/capture.sql: the statements the service's capture transaction sends (claim the key, look up product and counterparty, insert contract, version and audit rows, store the answer on the key) in one transaction, with the real sample capture's JSON as the row payloads, against a scratch database built from trading's own migrations on the same PostgreSQL; its p50/p99 come from its per-transaction log (-l). ${CAPTURE_SECONDS} s per run, wrk first, then pgbench at the same client count; both load generators run on this machine too." \
    "$CAPTURE_TARGET" \
    '[["clients","clients"],["service req/s","serviceRps"],["p50 ms","serviceP50Ms"],["p99 ms","serviceP99Ms"],["errors","serviceErrors"],["contracts written","contractsWritten"],["pgbench tps","pgbenchTps"],["pgbench p50 ms","pgbenchP50Ms"],["pgbench p99 ms","pgbenchP99Ms"],["service / pgbench","ratio"],["target","met"],["command (wrk vs. pgbench)","command"]]' \
    "$rows"
}

# -------------------------------------------------------------------------------------- 3. price ingest vs. COPY
INGEST_TITLE="3. Price ingest: EIA import and JSON batch through the API vs. psql \\copy of the same rows"
run_ingest() {
  local eia=$ROOT/pricefeed-service/src/main/resources/eia/brent-daily.csv suffix code_eia code_json t0 rows='[]'
  suffix=$(date +%H%M%S)
  code_eia=BENCH_EIA_$suffix; code_json=BENCH_JSON_$suffix
  t0=$(date +%s.%N)
  for code in "$code_eia" "$code_json"; do
    # A new benchmark per run, so that every quote is new (an existing day with the same price is UNCHANGED);
    # the seeded crudes' spike threshold (8 σ) so that validation treats it as Brent.
    curl -s -o /dev/null -X POST -H 'Content-Type: application/json' -H "$(auth admin)" \
      -d "{\"code\":\"$code\",\"name\":\"bench $code\",\"unit\":\"USD_PER_BBL\",\"currency\":\"USD\",\"spikeThresholdSigma\":8}" \
      http://localhost:8082/api/benchmarks
  done
  log "ingest: EIA import of brent-daily.csv"
  local import_cmd
  import_cmd="curl -s -H 'Content-Type: text/csv' $(shown_auth price-admin) --data-binary @pricefeed-service/src/main/resources/eia/brent-daily.csv 'http://localhost:8082/api/benchmarks/$code_eia/quotes/import?source=EIA&validate=true'"
  local w code n secs
  w=$(curl -s -o "$RAW/ingest-eia.json" -w '%{http_code} %{time_total}' -H 'Content-Type: text/csv' -H "$(auth price-admin)" \
    --data-binary @"$eia" "http://localhost:8082/api/benchmarks/$code_eia/quotes/import?source=EIA&validate=true")
  read -r code secs <<<"$w"
  n=$(jq '.rows // 0' "$RAW/ingest-eia.json" 2>/dev/null || echo 0)
  rows=$(jq --arg code "$code" --argjson secs "$secs" --argjson n "${n:-0}" --arg cmd "$import_cmd" \
    --argjson server "$(jq '.elapsedMs // null' "$RAW/ingest-eia.json" 2>/dev/null || echo null)" \
    --arg counts "$(jq -c '.counts // {}' "$RAW/ingest-eia.json" 2>/dev/null)" '
    . + [{path: "EIA CSV import (validate=true)", http: $code, rows: $n, seconds: (($secs * 1000 | round) / 1000),
          serverMs: $server, rowsPerSecond: (if $secs > 0 then ($n / $secs | round) else null end),
          outcome: $counts, command: $cmd}]' <<<"$rows")

  # The same rows as a JSON batch, and as a CSV for COPY.
  tr -d '\r' <"$eia" | awk -F, 'NR > 1 && $2 ~ /^-?[0-9.]+$/ {print $1 "," $2}' >"$RAW/quotes.txt"
  jq -R -s '{source: "BENCH", quotes: (split("\n") | map(select(length > 0) | split(",") | {date: .[0], price: (.[1] | tonumber)}))}' \
    "$RAW/quotes.txt" >"$RAW/quotes.json"
  log "ingest: JSON batch of $(wc -l <"$RAW/quotes.txt") quotes"
  local json_cmd
  json_cmd="curl -s -H 'Content-Type: application/json' $(shown_auth price-admin) --data-binary @quotes.json 'http://localhost:8082/api/benchmarks/$code_json/quotes'"
  w=$(curl -s -o "$RAW/ingest-json.json" -w '%{http_code} %{time_total}' -H 'Content-Type: application/json' \
    -H "$(auth price-admin)" --data-binary @"$RAW/quotes.json" "http://localhost:8082/api/benchmarks/$code_json/quotes")
  read -r code secs <<<"$w"
  n=$(wc -l <"$RAW/quotes.txt")
  rows=$(jq --arg code "$code" --argjson secs "$secs" --argjson n "$n" --arg cmd "$json_cmd" \
    --arg counts "$(jq -c '.counts // {}' "$RAW/ingest-json.json" 2>/dev/null)" '
    . + [{path: "JSON batch POST /quotes", http: $code, rows: $n, seconds: (($secs * 1000 | round) / 1000),
          serverMs: null, rowsPerSecond: (if $secs > 0 then ($n / $secs | round) else null end),
          outcome: $counts, command: $cmd}]' <<<"$rows")
  LOAD_FROM[pricefeed]=$t0; LOAD_TO[pricefeed]=$(date +%s.%N)

  # COPY of the same rows into pricefeed's quote table (its own migrations in a scratch database).
  if have psql; then
    psql "${PG[@]}" -d postgres -qc 'drop database if exists bench_ingest' -c 'create database bench_ingest' >/dev/null 2>&1
    local f
    for f in "$ROOT"/pricefeed-service/src/main/resources/db/migration/V*.sql; do
      psql "${PG[@]}" -d bench_ingest -qf "$f" >>"$RAW/ingest-setup.log" 2>&1
    done
    psql "${PG[@]}" -d bench_ingest -qc "insert into benchmark (code, name, unit, currency, spike_threshold_sigma, created_at) values ('$code_json', 'bench', 'USD_PER_BBL', 'USD', 8, now())" >>"$RAW/ingest-setup.log" 2>&1
    local received
    received=$(date -u +%FT%TZ)
    awk -F, -v at="$received" '{print "1," $1 ",1," $2 ",BENCH," at ",ACCEPTED"}' "$RAW/quotes.txt" >"$RAW/quotes-copy.csv"
    local copy_sql="\\copy quote (benchmark_id, quote_date, version, price, source, received_at, status) from 'quotes-copy.csv' with (format csv)"
    local copy_cmd="psql -h 127.0.0.1 -p $PG_PORT -U postgres -d bench_ingest -c '\\timing on' -c \"$copy_sql\""
    log "ingest: $copy_cmd"
    (cd "$RAW" && psql "${PG[@]}" -d bench_ingest -c '\timing on' -c "$copy_sql") >"$RAW/ingest-copy.txt" 2>&1
    local copied ms
    copied=$(awk '/^COPY / {print $2}' "$RAW/ingest-copy.txt")
    ms=$(awk '/^Time: / {print $2}' "$RAW/ingest-copy.txt" | tail -1)
    if [ -n "$copied" ] && [ -n "$ms" ]; then
      rows=$(jq --argjson n "$copied" --argjson ms "$ms" --arg cmd "$copy_cmd" '
        . + [{path: "psql \\copy into quote", http: "—", rows: $n, seconds: (($ms | round) / 1000), serverMs: ($ms | round),
              rowsPerSecond: (if $ms > 0 then ($n / $ms * 1000 | round) else null end), outcome: "", command: $cmd}]' <<<"$rows")
    else
      rows=$(jq --arg cmd "$copy_cmd" --arg why "$(head -c 200 "$RAW/ingest-copy.txt")" '
        . + [{path: "psql \\copy into quote", http: "—", rows: null, seconds: null, serverMs: null, rowsPerSecond: null,
              outcome: "failed: \($why)", command: $cmd}]' <<<"$rows")
    fi
  fi
  write_step ingest "$INGEST_TITLE" ok \
    "Brent daily (EIA, pricefeed-service/src/main/resources/eia/brent-daily.csv) into a new benchmark per path ($code_eia, $code_json), so every quote is new. seconds = curl time_total (the whole request); serverMs = the import's own elapsedMs, or psql's \\timing for COPY. The API paths validate each quote against the last 60 day-over-day changes and write versioned rows; COPY writes the same rows with no validation: it is the floor, not an equivalent." \
    "no target in the issue (reported as measured)" \
    '[["path","path"],["HTTP","http"],["rows","rows"],["seconds","seconds"],["server ms","serverMs"],["rows/s","rowsPerSecond"],["outcome","outcome"],["command","command"]]' \
    "$rows"
}

if [ -n "$platform_error" ]; then
  not_run startup "$STARTUP_TITLE" "$STARTUP_TARGET" "$platform_error"
  not_run latency "$LATENCY_TITLE" "" "$platform_error"
  not_run capture "$CAPTURE_TITLE" "$CAPTURE_TARGET" "$platform_error"
  not_run ingest "$INGEST_TITLE" "" "$platform_error"
else
  run_startup
  run_latency
  run_capture
  run_ingest
  # Startup figures with the RSS peaks of the load steps, now that they are known.
  declare -A LOAD_STEP=([trading]="capture (wrk)" [pricefeed]="ingest" [risk]="risk calculate calls" [perf-report]="report calls")
  native_note="not built here (no GraalVM)"
  have native-image && native_note="not built here (native-image is installed; build with ./mvnw -Pnative package)"
  startup_rows='[]'
  for entry in "${SERVICES[@]}"; do
    read -r name module port _ <<<"$entry"
    loaded=null; step="no load step"
    if [ -n "${LOAD_FROM[$name]:-}" ]; then
      loaded=$(peak_rss_mb "$name" "${LOAD_FROM[$name]}" "${LOAD_TO[$name]}"); step=${LOAD_STEP[$name]}
    fi
    native=$native_note
    ls "$ROOT/$module"/target/*-runner >/dev/null 2>&1 && native="a native executable exists in $module/target but this harness measured the JVM build only"
    startup_rows=$(jq --arg s "$name" --argjson ready "${READY_MS[$name]:-null}" --argjson q "${QUARKUS_S[$name]:-null}" \
      --argjson idle "${IDLE_MB[$name]:-null}" --argjson load "$loaded" --arg step "$step" --arg native "$native" \
      --arg cmd "QUARKUS_HTTP_PORT=$port DB_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/… java ${JAVA_OPTS:--Xmx256m} -jar $module/target/quarkus-app/quarkus-run.jar; until curl -sf localhost:$port/health/ready; do sleep 0.05; done" '
      . + [{service: $s, readyMs: $ready, quarkusStartedS: $q, met: (if $ready == null then null else $ready <= 3000 end),
            idleRssMb: $idle, loadRssMb: $load, loadStep: $step, native: $native, command: $cmd}]' <<<"$startup_rows")
  done
  write_step startup "$STARTUP_TITLE" ok \
    "Each service stopped (SIGTERM) and started again alone while the other four and PostgreSQL idle, with deploy/local/start.sh's environment and JVM options (${JAVA_OPTS:--Xmx256m}); ready = process launch to the first 200 of /health/ready, polled every 50 ms. \"Quarkus\" is the application's own \"started in\" log figure. Idle RSS: peak VmRSS over 5 s after 10 s idle; under load: peak VmRSS (sampled every 0.5 s) during the service's load step. For comparison, deploy/local/start.sh on a fresh database (initdb, migrations, all five JVMs at once on 2 cores, then the demo book through the APIs) took ${platform_cold_ms:-?} ms." \
    "$STARTUP_TARGET" \
    '[["service","service"],["start to ready ms","readyMs"],["Quarkus \"started in\" s","quarkusStartedS"],["≤ 3 s","met"],["RSS idle MB","idleRssMb"],["RSS under load MB","loadRssMb"],["load step","loadStep"],["native","native"],["command","command"]]' \
    "$startup_rows"
fi
cleanup

# ----------------------------------------------------------------------------------------------------- report
total=$((SECONDS - run_started))
jq -n --arg generatedAt "$(date -u +%FT%TZ)" --arg mode "$($quick && echo quick || echo full)" --argjson seconds "$total" \
  --arg cpu "$cpu_model" --argjson cpus "$cpu_count" --arg memory "$mem_total" --arg kernel "$(uname -r)" \
  --arg java "$java_version" --arg postgres "$pg_version" --arg commit "$git_commit" --argjson dirty "$git_dirty" \
  --arg load "$load_before" --arg wrk "$(wrk -v 2>&1 | head -1 | cut -c1-60)" --arg pgbench "$(pgbench --version 2>/dev/null)" \
  --arg state "$STATE" --arg raw "$RAW" \
  --slurpfile steps <(for id in engine capture ingest startup latency; do cat "$RAW/steps/$id.json" 2>/dev/null; done) '
  {generatedAt: $generatedAt, mode: $mode, durationSeconds: $seconds,
   machine: {cpuModel: $cpu, cpus: $cpus, memory: $memory, kernel: $kernel, java: $java, postgresql: $postgres,
             gitCommit: $commit, uncommittedFiles: $dirty, loadAverageAtStart: $load, wrk: $wrk, pgbench: $pgbench,
             note: "2 cores shared with the load generators (wrk, pgbench, curl), PostgreSQL and all five services"},
   platform: {state: $state, raw: $raw, env: "MONITORING=false DEMO_DATA=true RISK_REFRESH_INTERVAL=off SETTLEMENT_RUN_INTERVAL=600s, replay feed paused after its history load"},
   steps: ($steps | sort_by(.title))}' >"$REPORT_JSON"
"$BENCH/report.sh" "$REPORT_JSON" >"$REPORT_MD"
log "done in ${total} s: $REPORT_MD"
echo "$REPORT_MD"
[ ${#NOT_RUN[@]} -eq 0 ] || { log "not run: ${NOT_RUN[*]} (see the report)"; exit 1; }
