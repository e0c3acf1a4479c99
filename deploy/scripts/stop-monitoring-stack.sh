#!/usr/bin/env bash
# Stops the observability stack started by start-monitoring-stack.sh. Safe to run when nothing is running.
#
# Usage: stop-monitoring-stack.sh [--local | --kubernetes [--namespace NS]]
#
#   --local          (default) stops the local Prometheus and Alertmanager (SIGTERM, then SIGKILL after 30 s);
#                    their data is kept for the next start
#   --kubernetes     helm uninstall of every release of helm/observability-stack/install.sh, in reverse order,
#                    and the Grafana instance. CRDs, volumes and the namespace are left: the command to remove
#                    them is printed.
#   --namespace NS   namespace of the Kubernetes stack (default monitoring, or $NAMESPACE)
#   -h, --help       this text
#
# Exit codes:
#   0  stopped, or was not running / not installed
#   1  something could not be stopped or uninstalled
#   2  usage error
#   3  --kubernetes without helm, kubectl or a reachable cluster
set -u
source "$(dirname "$0")/common.sh"
parse_stack_args "$@"
status=0

if [ "$stack_mode" = kubernetes ]; then
  require_cluster
  # The Grafana resource goes first, while its operator still runs to clean up after it.
  if "$KUBECTL" get crd grafanas.grafana.integreatly.org >/dev/null 2>&1; then
    "$KUBECTL" -n "$MONITORING_NAMESPACE" delete -f "$OBSERVABILITY_STACK/grafana.yaml" --ignore-not-found || status=1
  fi
  releases=$(stack_releases)
  [ -n "$releases" ] || { echo "$SCRIPT: no release found in $OBSERVABILITY_STACK/install.sh" >&2; exit 3; }
  for release in $(tac <<<"$releases"); do
    if "$HELM" status "$release" -n "$MONITORING_NAMESPACE" >/dev/null 2>&1; then
      "$HELM" uninstall "$release" -n "$MONITORING_NAMESPACE" || status=1
    else
      echo "$release is not installed in $MONITORING_NAMESPACE"
    fi
  done
  echo "Left in place: the CRDs of kube-prometheus-stack and grafana-operator, and the volumes. To remove all:"
  echo "  $KUBECTL delete namespace $MONITORING_NAMESPACE"
  exit $status
fi

stop_process() {  # name
  local pidfile=$RUN/$1.pid pid
  if ! pid_alive "$pidfile"; then
    rm -f "$pidfile"
    echo "$1 is not running"
    return 0
  fi
  pid=$(cat "$pidfile")
  kill -TERM "$pid"
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "$1 did not stop in 30 s; killing it" >&2
    kill -KILL "$pid" 2>/dev/null
    sleep 0.5
    kill -0 "$pid" 2>/dev/null && { echo "$SCRIPT: $1 (pid $pid) could not be stopped" >&2; return 1; }
  fi
  rm -f "$pidfile"
  echo "$1 stopped"
}

# Prometheus first: it would otherwise go on sending alerts to a stopped Alertmanager.
stop_process prometheus || status=1
stop_process alertmanager || status=1
stop_process node-exporter || status=1
exit $status
