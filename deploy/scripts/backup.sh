#!/usr/bin/env bash
# Backs up the platform: every service database, the monitoring configuration and the alert rules and dashboards,
# with a manifest (time, commit, server and schema versions, row counts, sizes, SHA-256 checksums).
#
# Usage: backup.sh [--service NAME]... [--dir DIR]
#        backup.sh --base [--dir DIR]
#
#   --service NAME  back up this service's database only (repeatable): trading, pricefeed, risk, settlement,
#                   perf-report (default: all five)
#   --dir DIR       the folder backups are kept in (default: $OIL_TRADING_STATE/backups); each backup is a folder
#                   DIR/<UTC time>, which appears only once complete
#   --base          a base backup of the whole local PostgreSQL instead (pg_basebackup, checked with
#                   pg_verifybackup): with the WAL archive of deploy/local/start.sh, restore.sh --base recovers any
#                   point in time after it
#   -h, --help      this text
#
# Each database is dumped (pg_dump custom format) from one snapshot that its row counts in the manifest are read
# in too, so that the counts are those of the dump even while the services write. Databases are consistent each
# in itself; a point in time common to all of them is what a base backup and the WAL archive give.
# DIR/oil_trading_backup.prom, rewritten after every backup, holds the newest successful backup's time, duration
# and size per database (oil_trading_backup_last_success_timestamp_seconds...) for node_exporter's textfile
# collector, which the OilTradingBackupTooOld alert reads.
#
# The server: the local platform's PostgreSQL, or DB_HOST, DB_PORT, DB_USER and DB_PASSWORD. The client tools of
# the server's major version: PG_BIN (default: the newest /usr/lib/postgresql/*/bin).
#
# Exit codes:
#   0  backed up
#   1  the backup failed (nothing incomplete is left in DIR)
#   2  usage error
#   3  a tool is missing, the server cannot be reached, or the tools are older than the server
set -u
source "$(dirname "$0")/backup-common.sh"

base=false
only=()
while [ $# -gt 0 ]; do
  case $1 in
    --service) [ $# -ge 2 ] || usage_error "--service needs a value"; only+=("$2"); shift ;;
    --service=*) only+=("${1#*=}") ;;
    --dir) [ $# -ge 2 ] || usage_error "--dir needs a value"; BACKUPS=$2; shift ;;
    --dir=*) BACKUPS=${1#*=} ;;
    --base) base=true ;;
    -h|--help) print_help; exit 0 ;;
    *) usage_error "unknown argument: $1" ;;
  esac
  shift
done
$base && [ ${#only[@]} -gt 0 ] && usage_error "--base backs up the whole server: it takes no --service"
select_databases ${only[@]+"${only[@]}"}
require_tools jq sha256sum tar
require_server

started=$(date +%s.%N)
stamp=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$BACKUPS" || exit 1
# Written in a hidden folder and renamed at the end: a folder without a dot is always a complete backup.
work=$(mktemp -d "$BACKUPS/.incomplete-$stamp.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT

if $base; then
  echo "Base backup of $DB_HOST:$DB_PORT into $BACKUPS/base-$stamp..."
  pg pg_basebackup -D "$work/data" -X stream --checkpoint=fast --label "oil-trading $stamp" \
    || { echo "$SCRIPT: pg_basebackup failed" >&2; exit 1; }
  "$(pg_tool pg_verifybackup)" -q "$work/data" || { echo "$SCRIPT: the base backup does not verify" >&2; exit 1; }
  jq -n --arg created "$(utc_now)" --arg commit "$(git_commit)" --arg server "$(server_version)" \
        --arg start_lsn "$(grep '^START WAL LOCATION' "$work/data/backup_label" | awk '{print $4}')" \
        --argjson bytes "$(du -sb "$work/data" | cut -f1)" --argjson seconds "$(elapsed_since "$started")" \
    '{kind: "base", created: $created, commit: $commit, server_version: $server, start_lsn: $start_lsn,
      bytes: $bytes, seconds: $seconds}' >"$work/manifest.json" || exit 1
  mv "$work" "$BACKUPS/base-$stamp" || exit 1
  trap - EXIT
  write_backup_metrics
  echo "Base backup $BACKUPS/base-$stamp: $(jq -r '"\(.bytes) bytes in \(.seconds) s"' "$BACKUPS/base-$stamp/manifest.json")"
  exit 0
fi

# Dumps one database from an exported snapshot and prints its manifest entry. A psql session holds the snapshot
# open (a repeatable-read transaction) while pg_dump reads it and while the same session counts the rows.
dump_database() {  # service database
  local name=$1 db=$2 snapshot line counts version db_started
  db_started=$(date +%s.%N)
  coproc SNAPSHOT { pg psql -d "$db" -qtAX -v ON_ERROR_STOP=1 2>&1; }
  echo "begin isolation level repeatable read read only; select pg_export_snapshot();" >&"${SNAPSHOT[1]}"
  IFS= read -r -t 30 snapshot <&"${SNAPSHOT[0]}"
  [[ $snapshot =~ ^[0-9A-F-]+$ ]] || { echo "$SCRIPT: $db: no snapshot: $snapshot" >&2; return 1; }
  pg pg_dump -d "$db" --snapshot="$snapshot" -Fc -f "$work/$db.dump" \
    || { echo "$SCRIPT: pg_dump of $db failed" >&2; return 1; }
  printf '%s\n' "$ROW_COUNTS_SQL" "$SCHEMA_VERSION_SQL" "select 'end-of-manifest';" >&"${SNAPSHOT[1]}"
  counts=""
  while IFS= read -r -t 60 line <&"${SNAPSHOT[0]}"; do
    [ "$line" = end-of-manifest ] && break
    counts+="$line"$'\n'
  done
  printf '%s\n' "commit;" '\q' >&"${SNAPSHOT[1]}"
  wait "$SNAPSHOT_PID" || { echo "$SCRIPT: $db: the snapshot session failed: $counts" >&2; return 1; }
  version=$(printf '%s' "$counts" | sed -n 's/^schema_version|//p')
  printf '%s' "$counts" | grep -v '^schema_version|' | jq -Rn \
    --arg service "$name" --arg db "$db" --arg file "$db.dump" --arg version "$version" \
    --arg sha256 "$(sha256sum "$work/$db.dump" | cut -d' ' -f1)" --argjson bytes "$(stat -c %s "$work/$db.dump")" \
    --argjson seconds "$(elapsed_since "$db_started")" \
    '{service: $service, database: $db, file: $file, bytes: $bytes, sha256: $sha256, seconds: $seconds,
      schema_version: $version,
      rows: ([inputs | select(length > 0) | split("|") | {(.[0]): (.[1] | tonumber)}] | add // {})}'
}

entries=()
for entry in "${DATABASES[@]}"; do
  read -r name db <<<"$entry"
  echo "Dumping $db..."
  json=$(dump_database "$name" "$db") || exit 1
  entries+=("$json")
done

# The configuration Prometheus, Alertmanager and Grafana run with: local files, rules and dashboards.
tar -czf "$work/monitoring.tar.gz" -C "$ROOT" deploy/monitoring helm/oil-trading/files || exit 1

printf '%s\n' "${entries[@]}" | jq -s --arg created "$(utc_now)" --arg commit "$(git_commit)" \
    --arg server "$(server_version)" --arg sha256 "$(sha256sum "$work/monitoring.tar.gz" | cut -d' ' -f1)" \
    --argjson seconds "$(elapsed_since "$started")" \
  '{kind: "dump", created: $created, commit: $commit, server_version: $server, seconds: $seconds,
    databases: ., monitoring: {file: "monitoring.tar.gz", sha256: $sha256}}' >"$work/manifest.json" || exit 1
mv "$work" "$BACKUPS/$stamp" || exit 1
trap - EXIT
write_backup_metrics
jq -r '.databases[] | "\(.database): \(.bytes) bytes, \(.rows | add // 0) rows, schema version \(.schema_version), \(.seconds) s"' \
  "$BACKUPS/$stamp/manifest.json"
echo "Backup $BACKUPS/$stamp ($(jq -r .seconds "$BACKUPS/$stamp/manifest.json") s)"
