# Shared by the ops scripts in this folder: the platform's services and where to reach them.
# shellcheck shell=bash

# The service list, ports, state and logs folders are those of the local platform, so that there is one list.
# shellcheck source=../local/platform.sh
source "$(dirname "${BASH_SOURCE[0]}")/../local/platform.sh"

SCRIPT=$(basename "$0")
# Numbers are printed and parsed with a decimal point whatever the operator's locale.
export LC_ALL=C

# Base URL of a service: <NAME>_URL (TRADING_URL, PERF_REPORT_URL...) when set, otherwise OIL_TRADING_HOST
# (default localhost) on the local port. Port-forwarded Kubernetes services use the same local ports.
service_url() {  # name port
  local var url
  var=$(printf '%s_URL' "$1" | tr 'a-z-' 'A-Z_')
  url=${!var:-http://${OIL_TRADING_HOST:-localhost}:$2}
  printf '%s\n' "${url%/}"
}

# Exit 3 (cannot run here) rather than fail half-way with "command not found".
require_tools() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 || { echo "$SCRIPT: $tool is required but not installed" >&2; exit 3; }
  done
}

usage_error() {
  echo "$SCRIPT: $*" >&2
  echo "Try '$SCRIPT --help'." >&2
  exit 2
}

# The usage text is the comment block at the top of each script, so --help and the file never disagree.
print_help() {
  awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "$0"
}

is_number() { [[ $1 =~ ^[0-9]+([.][0-9]+)?$ ]]; }
is_integer() { [[ $1 =~ ^[0-9]+$ ]]; }

utc_now() { date -u +%Y-%m-%dT%H:%M:%SZ; }

# --- Monitoring stack (start-/stop-monitoring-stack.sh) ---------------------------------------------------
PROMETHEUS_PORT=${PROMETHEUS_PORT:-9090}
ALERTMANAGER_PORT=${ALERTMANAGER_PORT:-9093}
NODE_EXPORTER_PORT=${NODE_EXPORTER_PORT:-9100}
MONITORING_NAMESPACE=${NAMESPACE:-monitoring}
OBSERVABILITY_STACK=$ROOT/helm/observability-stack
HELM=${HELM:-helm}
KUBECTL=${KUBECTL:-kubectl}

# --local (default) or --kubernetes, and --namespace; sets stack_mode. Never guessed from the kubectl
# context: installing into whatever cluster the current context points at must be asked for.
# shellcheck disable=SC2034  # stack_mode is read by the calling script
parse_stack_args() {
  stack_mode=local
  while [ $# -gt 0 ]; do
    case $1 in
      --local) stack_mode=local ;;
      --kubernetes|--k8s) stack_mode=kubernetes ;;
      --namespace) [ $# -ge 2 ] || usage_error "--namespace needs a value"; MONITORING_NAMESPACE=$2; shift ;;
      --namespace=*) MONITORING_NAMESPACE=${1#*=} ;;
      -h|--help) print_help; exit 0 ;;
      *) usage_error "unknown argument: $1" ;;
    esac
    shift
  done
}

# Exit 3 with what is missing when helm, kubectl or a reachable cluster is not there.
require_cluster() {
  command -v "$HELM" >/dev/null 2>&1 \
    || { echo "$SCRIPT: --kubernetes needs helm (3.18 or later), which is not installed (or set HELM)" >&2; exit 3; }
  command -v "$KUBECTL" >/dev/null 2>&1 \
    || { echo "$SCRIPT: --kubernetes needs kubectl, which is not installed (or set KUBECTL)" >&2; exit 3; }
  local context
  context=$("$KUBECTL" config current-context 2>/dev/null) \
    || { echo "$SCRIPT: kubectl has no current context: no cluster to install into (kubectl config use-context ...)" >&2; exit 3; }
  "$KUBECTL" --request-timeout=10s get --raw /readyz >/dev/null 2>&1 \
    || { echo "$SCRIPT: the cluster of kubectl context '$context' does not answer" >&2; exit 3; }
  echo "Cluster: kubectl context '$context', namespace $MONITORING_NAMESPACE"
}

# Release names as install.sh installs them, in its order, so that the uninstall never drifts from it.
stack_releases() {
  awk '$1 == "helm" && $2 == "upgrade" && $3 == "--install" { print $4 }' "$OBSERVABILITY_STACK/install.sh"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
