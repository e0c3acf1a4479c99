#!/usr/bin/env bash
# Starts each service's image as the chart runs it and checks it: image USER (non-root, uid 1001) with the
# pod's fsGroup 1001 added, read-only root file system with only a tmpfs /tmp writable, --memory 512m and
# --cpus 1 (the jvm limits of values.yaml), all capabilities dropped, no-new-privileges, the JWT keys mounted
# read-only at /etc/oil-trading/jwt/ (mode 0440, group 1001: public.pem, and private.pem for the services that
# sign their own tokens), PostgreSQL in a container of its own on the podman network, the port published on
# 127.0.0.1 only. One service at a time, so that start-to-ready is not shared with another JVM's start.
#
# Per service: /health/ready 200 (start to ready timed from `podman run`), /health/live 200, an authenticated
# API read with a token of deploy/local/token.sh, /metrics, every log line JSON, and the constraints seen from
# inside (uid, capabilities, no_new_privs, root file system, memory limit). Prints a Markdown report and
# writes it to reports/images-<timestamp>.md.
#
# Usage: deploy/images/check.sh [--service NAME]...
#
#   --service NAME   check only this service (repeatable): trading, pricefeed, risk, settlement, perf-report
#   -h, --help       this text
#
# Needs the images of deploy/images/build.sh. Tokens are signed with the local platform's key pair
# (.local/jwt, created here as deploy/local/start.sh creates it when missing).
#
# Exit codes:
#   0  every check passed
#   1  a check failed or an image is missing
#   2  usage error
#   3  podman, curl, jq or openssl is missing
set -u -o pipefail
source "$(dirname "$0")/images.sh"

option() { return 1; }
parse_service_args "$@"
require_tools podman curl jq openssl
require_images "$POSTGRES_IMAGE"

# An API read of each service that needs nothing but its own database; perf-report's PDF draws its charts with
# the image's fonts.
api_path() {
  case $1 in
    trading) echo /api/products ;;
    pricefeed) echo /api/benchmarks ;;
    risk) echo /api/risk/limits ;;
    settlement) echo /api/invoices ;;
    perf-report) echo '/api/performance/report?format=pdf' ;;
  esac
}

container=""
cleanup() {
  [ -n "$container" ] && "${PODMAN[@]}" rm -f -t 0 "$container" >/dev/null 2>&1
  $started_db && stop_database
}
started_db=false
trap cleanup EXIT
running "$DB_CONTAINER" || started_db=true
prepare_keys || { echo "$SCRIPT: could not prepare the JWT keys in $MOUNTED_JWT" >&2; exit 1; }
start_database || exit 1
password=$(cat "$DB_PASSWORD_FILE")

mkdir -p "$ROOT/reports"
report=$ROOT/reports/images-$(date -u +%Y%m%dT%H%M%SZ).md
failures=()
rows=()
inside=()
expect() {  # name what actual wanted
  [ "$3" = "$4" ] || failures+=("$1: $2: $3, expected $4")
}

for entry in "${SERVICES[@]}"; do
  read -r name module _ db <<<"$entry"
  selected "$name" || continue
  image=$(service_image "$module")
  image_exists "$image" || { failures+=("$name: no image $image (deploy/images/build.sh)"); continue; }
  # The chart's key mounts and variables: service_jwt_env with the paths inside the container.
  JWT_PUBLIC_KEY=/etc/oil-trading/jwt/public.pem JWT_PRIVATE_KEY=/etc/oil-trading/jwt/private.pem service_jwt_env "$name"
  args=(-e MP_JWT_VERIFY_ISSUER=oil-trading)
  for assignment in "${JWT_ENV[@]}"; do
    args+=(-e "$assignment" -v "$MOUNTED_JWT/$(basename "${assignment#*=}"):${assignment#*=}:ro")
  done
  [ ${#JWT_ENV[@]} -gt 1 ] && args+=(-e SMALLRYE_JWT_NEW_TOKEN_ISSUER=oil-trading)
  container=oil-trading-check-$name
  "${PODMAN[@]}" rm -f "$container" >/dev/null 2>&1
  t0=$EPOCHREALTIME
  "${PODMAN[@]}" run -d --name "$container" --network "$NETWORK" --group-add 1001 \
    --read-only --read-only-tmpfs=false --tmpfs /tmp:rw,nosuid,nodev,size=128m,mode=1777 \
    --memory 512m --cpus 1 --cap-drop ALL --security-opt no-new-privileges -p 127.0.0.1::8080 \
    -e DB_URL="jdbc:postgresql://$DB_IP:5432/$db" -e DB_USER=postgres -e DB_PASSWORD="$password" \
    -e QUARKUS_KUBERNETES_CLIENT_API_SERVER_URL=https://127.0.0.1:6443 "${args[@]}" "$image" >/dev/null \
    || { failures+=("$name: podman run failed"); continue; }
  url=http://$("${PODMAN[@]}" port "$container" 8080/tcp | head -n 1)
  ready=$(wait_ready "$url" "$t0" "$container")
  seconds=$(seconds_since "$t0")
  expect "$name" "/health/ready after $seconds s" "$ready" 200
  live=$(http_code "$url/health/live")
  expect "$name" /health/live "$live" 200
  api=$(curl -s -o "$WORK/api-$name.out" -w '%{http_code} %{content_type}' --max-time 30 \
    -H "Authorization: Bearer $("$ROOT/deploy/local/token.sh" auditor image-check)" "$url$(api_path "$name")")
  expect "$name" "GET $(api_path "$name") with a token" "${api%% *}" 200
  unauthenticated=$(http_code "$url$(api_path "$name")")
  expect "$name" "GET $(api_path "$name") without a token" "$unauthenticated" 401
  metrics=$(curl -s --max-time 5 "$url/metrics" | grep -c '^http_server_requests_seconds_count')
  expect "$name" "/metrics has http_server_requests_seconds_count series" $((metrics > 0)) 1
  # One read of the log, so that both counts are of the same lines while the service goes on logging.
  "${PODMAN[@]}" logs "$container" >"$WORK/log-$name" 2>&1
  lines=$(wc -l <"$WORK/log-$name")
  json=$(jq -R -c 'fromjson? | select(.timestamp and .level and .message)' "$WORK/log-$name" | wc -l)
  expect "$name" "log lines, all JSON ($json of $lines)" $((lines > 0 && json == lines)) 1
  jq -R -r 'select((try (fromjson | (.timestamp and .level and .message)) catch false) | not)' "$WORK/log-$name" \
    | head -n 3 | cut -c1-300 | sed "s/^/$name: a log line that is not JSON: /" >&2
  rss=$(rss_mb "$container")
  cgroup=$("${PODMAN[@]}" stats --no-stream --format '{{.MemUsage}}' "$container" | awk '{ print $1 }')
  seen=$(constraints_seen "$container")
  expect "$name" "constraints seen inside" "$seen" "$CONSTRAINTS"
  stop_t0=$EPOCHREALTIME
  "${PODMAN[@]}" stop -t 30 "$container" >/dev/null
  stopped=$(seconds_since "$stop_t0")
  exit_code=$("${PODMAN[@]}" container inspect --format '{{.State.ExitCode}}' "$container")
  "${PODMAN[@]}" rm -f "$container" >/dev/null 2>&1
  container=""
  rows+=("| $name | \`$image\` | $(image_size_mb "$image") | $seconds | $rss | $cgroup | $ready | $live | ${api%% *} (${api#* }) | $unauthenticated | $metrics | $json/$lines | $stopped s, exit $exit_code |")
  inside+=("- $name: $seen")
  echo "$name: ready in $seconds s, RSS $rss MB" >&2
done

{
  echo "# Container images: started under the chart's constraints"
  echo
  echo "$(utc_now), $(nproc) cores, podman $(podman --version | awk '{ print $3 }') with runc, cgroupfs, vfs;" \
    "PostgreSQL 15 (Debian) in a container on the podman network $NETWORK."
  echo "Each image alone: image USER with the pod's fsGroup 1001, --read-only with a tmpfs /tmp, --memory 512m," \
    "--cpus 1, --cap-drop ALL, no-new-privileges, JWT keys mounted read-only (0440, group 1001), port on 127.0.0.1."
  echo
  echo "| service | image | size MB | start to ready s | RSS MB (VmRSS of java) | cgroup memory | ready | live | API read | no token | /metrics series | JSON log lines | stop (SIGTERM) |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "Seen from inside each container (id, /proc/1/status, a write to /deployments, the cgroup memory limit):"
  echo
  printf '%s\n' "${inside[@]}"
  echo
  if [ ${#failures[@]} -eq 0 ]; then
    echo "All checks passed."
  else
    echo "Failed:"
    printf -- '- %s\n' "${failures[@]}"
  fi
} | tee "$report"
echo "Report: ${report#"$ROOT"/}"
[ ${#failures[@]} -eq 0 ]
