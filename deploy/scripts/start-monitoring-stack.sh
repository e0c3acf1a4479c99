#!/usr/bin/env bash
# Starts the observability stack of the platform: locally Prometheus and Alertmanager next to the platform of
# deploy/local, or on Kubernetes the stack of helm/observability-stack.
#
# Usage: start-monitoring-stack.sh [--local | --kubernetes [--namespace NS]]
#
#   --local          (default) Prometheus and Alertmanager on this machine, with deploy/monitoring/prometheus.yml
#                    (scraping the services on 8081-8085, alert rules of helm/oil-trading/files/rules/) and
#                    deploy/monitoring/alertmanager.yml, and node_exporter reading the textfile metrics of
#                    deploy/scripts/backup.sh from the backups folder ($OIL_TRADING_BACKUPS, default
#                    $OIL_TRADING_STATE/backups) for the OilTradingBackupTooOld alert. Waits until all three are ready
#                    and prints their URLs.
#                    Data in $OIL_TRADING_STATE/prometheus and .../alertmanager (kept between runs), pid files
#                    in $OIL_TRADING_STATE/run, logs in $OIL_TRADING_LOGS. Already running: left as it is.
#   --kubernetes     helm upgrade --install of every chart of helm/observability-stack (its install.sh: pinned
#                    versions, values in values/) into the namespace, with the current kubectl context.
#                    Never chosen implicitly. Needs helm, kubectl, a reachable cluster and the grafana-admin
#                    Secret (see helm/observability-stack/README.md).
#   --namespace NS   namespace of the Kubernetes stack (default monitoring, or $NAMESPACE)
#   -h, --help       this text
#
# Environment: PROMETHEUS_PORT (9090), ALERTMANAGER_PORT (9093), NODE_EXPORTER_PORT (9100), PROMETHEUS_RETENTION (30d),
# MONITORING_CONFIG_DIR (deploy/monitoring: the folder of prometheus.yml and alertmanager.yml),
# PROMETHEUS_BIN / ALERTMANAGER_BIN / NODE_EXPORTER_BIN (found in PATH: prometheus, prometheus-alertmanager or
# alertmanager, prometheus-node-exporter or node_exporter),
# MONITORING_READY_TIMEOUT (60 s), HELM / KUBECTL (helm, kubectl).
#
# Exit codes:
#   0  the stack is running (local: all three ready) or installed
#   1  it did not start: a port is taken, a process died or was not ready in time (its log is shown)
#   2  usage error
#   3  something it needs is missing: the binaries, the config files, helm, kubectl, a cluster, the Secret
set -u
source "$(dirname "$0")/common.sh"
parse_stack_args "$@"

# --- Kubernetes --------------------------------------------------------------------------------------------
if [ "$stack_mode" = kubernetes ]; then
  require_cluster
  [ -x "$OBSERVABILITY_STACK/install.sh" ] || { echo "$SCRIPT: $OBSERVABILITY_STACK/install.sh is missing" >&2; exit 3; }
  # Grafana reads its admin credentials from this Secret: without it its pod never starts.
  "$KUBECTL" -n "$MONITORING_NAMESPACE" get secret grafana-admin >/dev/null 2>&1 || {
    echo "$SCRIPT: Secret grafana-admin is missing in namespace $MONITORING_NAMESPACE; create it first:" >&2
    echo "  $KUBECTL create namespace $MONITORING_NAMESPACE" >&2
    echo "  $KUBECTL -n $MONITORING_NAMESPACE create secret generic grafana-admin --from-literal=admin-user=admin --from-literal=admin-password='<choose one>'" >&2
    exit 3
  }
  # install.sh calls helm and kubectl by name: give it the ones checked above.
  tools=$(mktemp -d)
  trap 'rm -rf "$tools"' EXIT
  ln -s "$(command -v "$HELM")" "$tools/helm"
  ln -s "$(command -v "$KUBECTL")" "$tools/kubectl"
  PATH="$tools:$PATH" NAMESPACE=$MONITORING_NAMESPACE "$OBSERVABILITY_STACK/install.sh" \
    || { echo "$SCRIPT: the installation failed (see above); re-running it is safe" >&2; exit 1; }
  cat <<EOF

Prometheus    $KUBECTL -n $MONITORING_NAMESPACE port-forward svc/kube-prometheus-stack-prometheus 9090:9090
Alertmanager  $KUBECTL -n $MONITORING_NAMESPACE port-forward svc/kube-prometheus-stack-alertmanager 9093:9093
Grafana       $KUBECTL -n $MONITORING_NAMESPACE port-forward svc/grafana-service 3000:3000
Remove:       deploy/scripts/stop-monitoring-stack.sh --kubernetes --namespace $MONITORING_NAMESPACE
EOF
  exit 0
fi

# --- Local -------------------------------------------------------------------------------------------------
find_binary() {  # candidates...: the first one in PATH (or an absolute path that is executable)
  local candidate
  for candidate in "$@"; do
    command -v "$candidate" 2>/dev/null && return 0
  done
  return 1
}
prometheus_bin=${PROMETHEUS_BIN:-$(find_binary prometheus /usr/bin/prometheus)} \
  || { echo "$SCRIPT: prometheus is not installed (Debian: apt-get install prometheus)" >&2; exit 3; }
alertmanager_bin=${ALERTMANAGER_BIN:-$(find_binary prometheus-alertmanager alertmanager /usr/bin/prometheus-alertmanager)} \
  || { echo "$SCRIPT: Alertmanager is not installed (Debian: apt-get install prometheus-alertmanager)" >&2; exit 3; }
node_exporter_bin=${NODE_EXPORTER_BIN:-$(find_binary prometheus-node-exporter node_exporter /usr/bin/prometheus-node-exporter)} \
  || { echo "$SCRIPT: node_exporter is not installed (Debian: apt-get install prometheus-node-exporter)" >&2; exit 3; }
for file in "$prometheus_bin" "$alertmanager_bin" "$node_exporter_bin"; do
  [ -x "$file" ] || { echo "$SCRIPT: $file is not an executable" >&2; exit 3; }
done
config_dir=${MONITORING_CONFIG_DIR:-$ROOT/deploy/monitoring}
for file in "$config_dir/prometheus.yml" "$config_dir/alertmanager.yml"; do
  [ -f "$file" ] || { echo "$SCRIPT: $file is missing" >&2; exit 3; }
done
for port in "$PROMETHEUS_PORT" "$ALERTMANAGER_PORT" "$NODE_EXPORTER_PORT"; do
  is_integer "$port" || usage_error "ports must be numbers, not '$port'"
done
timeout=${MONITORING_READY_TIMEOUT:-60}
day=$(date +%Y%m%d)
mkdir -p "$RUN" "$LOGS" "$STATE/monitoring" "$STATE/prometheus" "$STATE/alertmanager" "$BACKUPS"

# The project's prometheus.yml names its rule files relative to deploy/monitoring, Alertmanager on 9093 and
# node_exporter on 9100. Prometheus runs a copy in the state folder with absolute rule paths and the ports in use.
config=$STATE/monitoring/prometheus.yml
awk -v dir="$config_dir" -v am_port="$ALERTMANAGER_PORT" -v ne_port="$NODE_EXPORTER_PORT" '
  NR == 1 { print "# Generated by deploy/scripts/start-monitoring-stack.sh from " dir "/prometheus.yml: edit that file." }
  /^[^ #]/ { section = $1 }
  section == "rule_files:" && /^ *- / {
    path = $0; sub(/^ *- */, "", path); gsub(/["\047]/, "", path)
    if (path !~ /^\//) { sub(/- .*/, "- \"" dir "/" path "\"") }
  }
  section == "alerting:" { gsub(/:9093/, ":" am_port) }
  section == "scrape_configs:" { gsub(/localhost:9100/, "localhost:" ne_port) }
  { print }' "$config_dir/prometheus.yml" >"$config"
if command -v promtool >/dev/null 2>&1 && ! check=$(promtool check config "$config" 2>&1); then
  echo "$SCRIPT: the Prometheus configuration is not valid:" >&2
  echo "$check" >&2
  exit 3
fi

started=()
start_process() {  # name port logfile command...
  local name=$1 port=$2 log=$3
  shift 3
  if pid_alive "$RUN/$name.pid"; then
    echo "$name is already running (pid $(cat "$RUN/$name.pid"))"
    return 0
  fi
  if port_open "$port"; then
    echo "$SCRIPT: port $port is taken by another program; set $(tr 'a-z-' 'A-Z_' <<<"$name")_PORT to a free port" >&2
    return 1
  fi
  nohup "$@" >>"$log" 2>&1 &
  echo $! >"$RUN/$name.pid"
  started+=("$name")
}

wait_ready() {  # name port log [path]
  local deadline=$((SECONDS + timeout))
  while [ $SECONDS -lt $deadline ]; do
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$2${4:-/-/ready}")" = 200 ] && return 0
    pid_alive "$RUN/$1.pid" || { echo "$SCRIPT: $1 stopped while starting; the end of $3:" >&2; tail -15 "$3" >&2; return 1; }
    sleep 0.5
  done
  echo "$SCRIPT: $1 was not ready within $timeout s; the end of $3:" >&2
  tail -15 "$3" >&2
  return 1
}

# Undo a failed start: stop what this run started, leave what was already running.
give_up() {
  local name
  for name in ${started[@]+"${started[@]}"}; do
    kill "$(cat "$RUN/$name.pid")" 2>/dev/null
    rm -f "$RUN/$name.pid"
  done
  exit 1
}

prometheus_log=$LOGS/prometheus-$day.log
alertmanager_log=$LOGS/alertmanager-$day.log
node_exporter_log=$LOGS/node-exporter-$day.log
# Alertmanager first, so that Prometheus finds it at its first evaluation. Clustering is off: one instance,
# and no gossip port 9094 to collide with.
start_process alertmanager "$ALERTMANAGER_PORT" "$alertmanager_log" "$alertmanager_bin" \
  --config.file="$config_dir/alertmanager.yml" --storage.path="$STATE/alertmanager" \
  --web.listen-address="127.0.0.1:$ALERTMANAGER_PORT" --cluster.listen-address= || give_up
start_process prometheus "$PROMETHEUS_PORT" "$prometheus_log" "$prometheus_bin" \
  --config.file="$config" --storage.tsdb.path="$STATE/prometheus" \
  --storage.tsdb.retention.time="${PROMETHEUS_RETENTION:-30d}" \
  --web.listen-address="127.0.0.1:$PROMETHEUS_PORT" --web.enable-lifecycle || give_up
# Only the textfile collector: the machine's own metrics are not the platform's to alert on.
start_process node-exporter "$NODE_EXPORTER_PORT" "$node_exporter_log" "$node_exporter_bin" \
  --web.listen-address="127.0.0.1:$NODE_EXPORTER_PORT" --collector.disable-defaults --collector.textfile \
  --collector.textfile.directory="$BACKUPS" || give_up
wait_ready alertmanager "$ALERTMANAGER_PORT" "$alertmanager_log" || give_up
wait_ready prometheus "$PROMETHEUS_PORT" "$prometheus_log" || give_up
wait_ready node-exporter "$NODE_EXPORTER_PORT" "$node_exporter_log" /metrics || give_up

rules=$(curl -s "http://127.0.0.1:$PROMETHEUS_PORT/api/v1/rules" | jq '[.data.groups[]?.rules[]?] | length' 2>/dev/null)
running=0
for entry in "${SERVICES[@]}"; do
  read -r name _ _ _ <<<"$entry"
  pid_alive "$RUN/$name.pid" && running=$((running + 1))
done
printf '\n%-13s %-24s %s\n' Prometheus "http://localhost:$PROMETHEUS_PORT" "targets /targets, alerts /alerts, ${rules:-?} rules loaded"
printf '%-13s %-24s %s\n' Alertmanager "http://localhost:$ALERTMANAGER_PORT" "routing of deploy/monitoring/alertmanager.yml"
printf '%-13s %-24s %s\n' node_exporter "http://localhost:$NODE_EXPORTER_PORT" "backup metrics of $BACKUPS"
echo "Data: $STATE/prometheus, $STATE/alertmanager   Logs: $prometheus_log, $alertmanager_log"
echo "Stop: deploy/scripts/stop-monitoring-stack.sh"
[ "$running" -gt 0 ] || echo "Note: the local platform is not running (deploy/local/start.sh); its targets are down until it is."
exit 0
