#!/usr/bin/env bash
# Builds the JVM image of every service from its target/quarkus-app (./mvnw package -DskipTests first), tagged
# as the chart runs them by default: <defaults.image.registry>/<service>:<appVersion>, e.g.
# ghcr.io/oil-trading/trading-service:0.1.0-SNAPSHOT. No registry needs to be reachable: when the base image
# docker.io/library/debian:bookworm-slim is missing it is built from Debian's packages (debootstrap
# --variant=minbase bookworm from the apt mirror of this machine) and imported under that name, so the
# Containerfiles stay those a registry build uses. Also builds localhost/oil-trading/postgresql:15 (Debian's
# PostgreSQL), the database of check.sh and kube-play.sh.
#
# Usage: deploy/images/build.sh [--base] [--service NAME]...
#
#   --base           rebuild the Debian base image even if it exists
#   --service NAME   build only this service's image (repeatable): trading, pricefeed, risk, settlement,
#                    perf-report
#   -h, --help       this text
#
# Podman runs with runc, cgroupfs and vfs and deploy/images/containers.conf (deploy/images/images.sh).
#
# Exit codes:
#   0  every image built
#   1  a build failed, or a service has no target/quarkus-app
#   2  usage error
#   3  podman (or, for the base image, debootstrap) is missing
set -u -o pipefail
source "$(dirname "$0")/images.sh"

rebuild_base=false
option() { [ "$1" = --base ] && rebuild_base=true; }
parse_service_args "$@"
require_tools podman tar

# The first mirror of this machine's apt sources (one-line or deb822 format) for a suite, deb.debian.org if none.
apt_mirror() {  # security|main
  local uri
  uri=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null \
    | awk -v want="$1" '
        $1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^https?:/) { print $i; break } }
        $1 == "URIs:" { print $2 }' \
    | awk -v want="$1" '(want == "security") == ($0 ~ /-security\/?$/) { print; exit }')
  if [ -n "$uri" ]; then printf '%s\n' "${uri%/}"
  elif [ "$1" = security ]; then echo http://deb.debian.org/debian-security
  else echo http://deb.debian.org/debian
  fi
}

build_debian_base() {
  require_tools debootstrap
  local rootfs=$WORK/rootfs mirror security
  mirror=$(apt_mirror main) security=$(apt_mirror security)
  echo "Building $DEBIAN_IMAGE: debootstrap --variant=minbase bookworm from $mirror"
  rm -rf "$rootfs" && mkdir -p "$WORK" || return 1
  debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >"$WORK/debootstrap.log" 2>&1 \
    || { echo "debootstrap failed, see $WORK/debootstrap.log" >&2; return 1; }
  cat >"$rootfs/etc/apt/sources.list" <<SOURCES
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb $security bookworm-security main
SOURCES
  # What the slim image leaves out: downloaded packages, package lists, documentation, translations.
  printf '%s\n' 'APT::Install-Recommends "false";' 'Acquire::Languages "none";' >"$rootfs/etc/apt/apt.conf.d/90slim"
  printf '%s\n' 'path-exclude /usr/share/doc/*' 'path-include /usr/share/doc/*/copyright' 'path-exclude /usr/share/man/*' \
    'path-exclude /usr/share/locale/*' 'path-exclude /usr/share/info/*' >"$rootfs/etc/dpkg/dpkg.cfg.d/90slim"
  rm -rf "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* \
    "$rootfs"/var/log/* "$rootfs"/usr/share/locale/* "$rootfs"/usr/share/info/*
  # The man folders stay: update-alternatives links man pages into them (openjdk's postinst fails without).
  find "$rootfs/usr/share/doc" "$rootfs/usr/share/man" -type f ! -name copyright -delete
  tar -C "$rootfs" --numeric-owner -cf - . \
    | "${PODMAN[@]}" import --quiet --change 'CMD ["bash"]' \
      --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' --message "debootstrap --variant=minbase bookworm $mirror" - "$DEBIAN_IMAGE" >/dev/null \
    || return 1
  rm -rf "$rootfs"
}

build_image() {  # tag context [containerfile]
  local started=$SECONDS log
  log=$WORK/build-$(basename "$2").log
  mkdir -p "$WORK" || return 1
  if ! "${PODMAN[@]}" build --pull=never -t "$1" ${3:+-f "$3"} "$2" >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    return 1
  fi
  printf '%-56s %4d s  %s\n' "$1" $((SECONDS - started)) "$(image_size_mb "$1") MB"
}

started=$SECONDS
if $rebuild_base || ! image_exists "$DEBIAN_IMAGE"; then
  base_started=$SECONDS
  build_debian_base || { echo "$SCRIPT: the Debian base image was not built" >&2; exit 1; }
  printf '%-56s %4d s  %s\n' "$DEBIAN_IMAGE" $((SECONDS - base_started)) "$(image_size_mb "$DEBIAN_IMAGE") MB"
fi
status=0
build_image "$POSTGRES_IMAGE" "$IMAGES/postgresql" || { echo "$SCRIPT: $POSTGRES_IMAGE failed" >&2; status=1; }
for entry in "${SERVICES[@]}"; do
  read -r name module _ _ <<<"$entry"
  selected "$name" || continue
  if [ ! -f "$ROOT/$module/target/quarkus-app/quarkus-run.jar" ]; then
    echo "$SCRIPT: $module has no target/quarkus-app: ./mvnw package -DskipTests -pl $module -am" >&2
    status=1
    continue
  fi
  build_image "$(service_image "$module")" "$ROOT/$module" "$ROOT/$module/src/main/docker/Dockerfile.jvm" \
    || { echo "$SCRIPT: the image of $module failed" >&2; status=1; }
done
echo "Built in $((SECONDS - started)) s"
exit $status
