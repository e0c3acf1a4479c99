#!/usr/bin/env bash
# Stops the local platform started by deploy/local/start.sh: each service gets SIGTERM and finishes its
# in-flight requests (graceful shutdown), then PostgreSQL shuts down cleanly. Data is kept.
set -u
source "$(dirname "$0")/platform.sh"

# The monitoring stack first, so that it does not page about services being stopped on purpose.
"$ROOT/deploy/scripts/stop-monitoring-stack.sh" --local >/dev/null 2>&1 || true

stop_process() {  # pidfile signal what
  local pidfile=$1 signal=$2 what=$3
  if ! pid_alive "$pidfile"; then
    rm -f "$pidfile"
    return
  fi
  local pid
  pid=$(cat "$pidfile")
  kill "-$signal" "$pid"
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "$what did not stop in 30 s; killing it" >&2
    kill -KILL "$pid"
  fi
  rm -f "$pidfile"
  echo "$what stopped"
}

for entry in "${SERVICES[@]}"; do
  read -r name _ _ _ <<<"$entry"
  stop_process "$RUN/$name.pid" TERM "$name" &
done
wait
# SIGINT is PostgreSQL's fast shutdown: open transactions roll back, committed data is on disk.
stop_process "$RUN/postgres.pid" INT postgres
