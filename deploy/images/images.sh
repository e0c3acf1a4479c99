# Shared by deploy/images/*.sh: the podman command, image names and the folders the scripts work in.
# shellcheck shell=bash disable=SC2034  # sourced: the variables are used by the scripts that source it

# shellcheck source=../scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/common.sh"
IMAGES=$ROOT/deploy/images
WORK=${IMAGES_WORK:-$STATE/images}     # the Debian root file system, test keys, rendered manifests (gitignored)

# runc, not crun (crun fails on these hybrid cgroups); cgroupfs, as there may be no systemd; vfs, which works
# on every file system. containers.conf drops the default ulimits. podman build is buildah, with the same flags.
export CONTAINERS_CONF=$IMAGES/containers.conf
PODMAN=(podman --runtime runc --cgroup-manager cgroupfs --storage-driver vfs)

# The images: the Debian base the Containerfiles start FROM, and those of the services under the chart's
# default names, <defaults.image.registry>/<service>:<appVersion>.
DEBIAN_IMAGE=docker.io/library/debian:bookworm-slim
POSTGRES_IMAGE=localhost/oil-trading/postgresql:15
REGISTRY=$(awk '$1 == "registry:" { print $2; exit }' "$ROOT/helm/oil-trading/values.yaml")
TAG=$(awk '$1 == "appVersion:" { print $2; exit }' "$ROOT/helm/oil-trading/Chart.yaml")
service_image() { printf '%s/%s:%s\n' "$REGISTRY" "$1" "$TAG"; }  # module

# The podman network the database and the services share, and where the database listens on it.
NETWORK=oil-trading
SUBNET=10.89.70.0/24
DB_IP=10.89.70.2
DB_CONTAINER=oil-trading-postgresql
DB_PASSWORD_FILE=$WORK/db-password
# The key pair as the chart mounts it from the Secret auth.jwtSecret: owner root, group 1001 (the pods'
# fsGroup), mode 0440.
MOUNTED_JWT=$WORK/jwt

# Arguments of build.sh and check.sh: --service NAME (repeatable, into `only`) and --help; any other argument
# goes to the script's own `option` function, which returns 1 for one it does not know.
parse_service_args() {
  only=()
  while [ $# -gt 0 ]; do
    case $1 in
      --service) [ $# -ge 2 ] || usage_error "--service needs a value"; only+=("$2"); shift ;;
      --service=*) only+=("${1#*=}") ;;
      -h|--help) print_help; exit 0 ;;
      *) option "$1" || usage_error "unknown argument: $1" ;;
    esac
    shift
  done
  local name
  for name in "${only[@]}"; do
    [[ " ${SERVICES[*]} " == *" $name "* ]] || usage_error "unknown service: $name"
  done
}
selected() { [ ${#only[@]} -eq 0 ] || [[ " ${only[*]} " == *" $1 "* ]]; }  # name

image_exists() { "${PODMAN[@]}" image exists "$1"; }
image_size_mb() { "${PODMAN[@]}" image inspect --format '{{.Size}}' "$1" | awk '{ printf "%.0f\n", $1 / 1e6 }'; }
running() { [ "$("${PODMAN[@]}" container inspect --format '{{.State.Running}}' "$1" 2>/dev/null)" = true ]; }

require_images() {  # image...
  local image
  for image in "$@"; do
    image_exists "$image" || { echo "$SCRIPT: no image $image: run deploy/images/build.sh first" >&2; exit 1; }
  done
}

# The local platform's key pair ($JWT_DIR, what deploy/local/token.sh signs with), created as start.sh creates
# it when it does not exist yet, and its copy in MOUNTED_JWT.
prepare_keys() {
  if [ ! -s "$JWT_PRIVATE_KEY" ]; then
    mkdir -p "$JWT_DIR" && chmod 700 "$JWT_DIR" \
      && (umask 077 && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$JWT_PRIVATE_KEY" 2>/dev/null) \
      || return 1
  fi
  [ -s "$JWT_PUBLIC_KEY" ] || openssl pkey -in "$JWT_PRIVATE_KEY" -pubout -out "$JWT_PUBLIC_KEY" || return 1
  mkdir -p "$MOUNTED_JWT" && install -o 0 -g 1001 -m 0440 "$JWT_PUBLIC_KEY" "$JWT_PRIVATE_KEY" "$MOUNTED_JWT/"
}

# The podman network and the PostgreSQL container on it (one database per service), unless already running.
start_database() {
  local dbs=() entry db
  for entry in "${SERVICES[@]}"; do read -r _ _ _ db <<<"$entry"; dbs+=("$db"); done
  "${PODMAN[@]}" network exists "$NETWORK" || "${PODMAN[@]}" network create --subnet "$SUBNET" "$NETWORK" >/dev/null \
    || return 1
  [ -s "$DB_PASSWORD_FILE" ] || (umask 077 && mkdir -p "$WORK" && openssl rand -hex 16 >"$DB_PASSWORD_FILE") || return 1
  if ! running "$DB_CONTAINER"; then
    "${PODMAN[@]}" rm -f "$DB_CONTAINER" >/dev/null 2>&1
    "${PODMAN[@]}" run -d --name "$DB_CONTAINER" --network "$NETWORK" --ip "$DB_IP" --cap-drop ALL \
      --security-opt no-new-privileges -e POSTGRES_PASSWORD="$(cat "$DB_PASSWORD_FILE")" -e ALLOW_CIDR="$SUBNET" \
      -e DATABASES="${dbs[*]}" "$POSTGRES_IMAGE" >/dev/null || return 1
  fi
  local _i
  for _i in $(seq 1 120); do
    "${PODMAN[@]}" exec "$DB_CONTAINER" pg_isready -q -h /tmp 2>/dev/null && { echo "PostgreSQL on $DB_IP:5432 ($DB_CONTAINER, network $NETWORK)"; return 0; }
    sleep 0.5
  done
  echo "$SCRIPT: PostgreSQL did not start: podman logs $DB_CONTAINER" >&2
  return 1
}

stop_database() {
  "${PODMAN[@]}" rm -f -t 10 "$DB_CONTAINER" >/dev/null 2>&1
  "${PODMAN[@]}" network rm "$NETWORK" >/dev/null 2>&1
  return 0
}

http_code() { curl -s -o /dev/null -w '%{http_code}' --max-time "${2:-5}" "${@:3}" "$1"; }  # url [timeout] [curl args]

# The chart's constraints as the service's process sees them: user and groups (fsGroup 1001 added), effective
# capabilities, no_new_privs, whether the root file system takes a write, the cgroup memory limit.
CONSTRAINTS="uid 1001, groups 1001, CapEff 0000000000000000, no_new_privs 1, root fs read-only, 536870912"
constraints_seen() {  # container
  "${PODMAN[@]}" exec "$1" sh -c 'printf "uid %s, groups %s, " "$(id -u)" "$(id -G | tr " " ",")"
    awk "/^CapEff/ { printf \"CapEff %s, \", \$2 } /^NoNewPrivs/ { printf \"no_new_privs %s, \", \$2 }" /proc/1/status
    if touch /deployments/x 2>/dev/null; then printf "root fs writable, "; else printf "root fs read-only, "; fi
    cat /sys/fs/cgroup/memory/memory.limit_in_bytes /sys/fs/cgroup/memory.max 2>/dev/null | head -n 1'
}
rss_mb() { "${PODMAN[@]}" exec "$1" awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' /proc/1/status; }  # container
seconds_since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }  # $EPOCHREALTIME then

# Polls URL/health/ready until it answers 200, the container stops or READY_TIMEOUT (120) seconds have passed
# since START ($EPOCHREALTIME); prints the last status code.
wait_ready() {  # url start container
  local code
  while :; do
    code=$(http_code "$1/health/ready" 2)
    [ "$code" = 200 ] && break
    running "$3" || break
    [ "${EPOCHREALTIME%.*}" -lt $(( ${2%.*} + ${READY_TIMEOUT:-120} )) ] || break
    sleep 0.2
  done
  echo "$code"
}
