# Shared by backup.sh and restore.sh: the PostgreSQL server and client tools, the databases, the backup folder.
# shellcheck shell=bash
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# The local platform's PostgreSQL unless DB_HOST says otherwise (platform.sh sets PG_BIN, PG_PORT and BACKUPS).
DB_HOST=${DB_HOST:-127.0.0.1}
DB_PORT=${DB_PORT:-$PG_PORT}
DB_USER=${DB_USER:-postgres}
DB_PASSWORD=${DB_PASSWORD:-}

# A PostgreSQL client tool of PG_BIN, else of the PATH.
pg_tool() {
  if [ -x "${PG_BIN:-}/$1" ]; then printf '%s\n' "$PG_BIN/$1"; else command -v "$1"; fi
}

# Runs a client tool against the server: pg psql -d trading -c '...'.
pg() {
  local tool=$1
  shift
  PGPASSWORD=$DB_PASSWORD PGCONNECT_TIMEOUT=5 PGOPTIONS="-c client_min_messages=warning" "$(pg_tool "$tool")" -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" "$@"
}

# DATABASES: "service database" of the named services, or of all five.
select_databases() {  # [service...]
  local entry name db wanted
  DATABASES=()
  for wanted in "$@"; do
    printf '%s\n' "${SERVICES[@]}" | awk -v n="$wanted" '$1 == n { found = 1 } END { exit !found }' \
      || usage_error "unknown service: $wanted (trading, pricefeed, risk, settlement or perf-report)"
  done
  for entry in "${SERVICES[@]}"; do
    read -r name _ _ db <<<"$entry"
    if [ $# -eq 0 ] || printf '%s\n' "$@" | grep -qx "$name"; then DATABASES+=("$name $db"); fi
  done
}

major_of() { sed -E 's/^[^0-9]*([0-9]+).*/\1/'; }

# Exit 3 unless the client tools are there, the server answers, and the tools are not older than the server
# (pg_dump and pg_basebackup refuse a newer server).
require_server() {
  local tool server client
  for tool in psql pg_dump pg_restore pg_basebackup pg_verifybackup; do
    pg_tool "$tool" >/dev/null || { echo "$SCRIPT: $tool is required but not installed (apt-get install postgresql-client, or set PG_BIN)" >&2; exit 3; }
  done
  server=$(pg psql -d postgres -qtAXc 'show server_version' 2>&1) \
    || { echo "$SCRIPT: PostgreSQL at $DB_HOST:$DB_PORT cannot be reached: $server" >&2; exit 3; }
  client=$("$(pg_tool pg_dump)" --version)
  if [ "$(major_of <<<"$client")" -lt "$(major_of <<<"$server")" ]; then
    echo "$SCRIPT: the server is PostgreSQL $server and the client tools are older ($client): set PG_BIN to PostgreSQL $(major_of <<<"$server")'s" >&2
    exit 3
  fi
}

server_version() { pg psql -d postgres -qtAXc 'show server_version'; }

git_commit() { git -C "$ROOT" rev-parse HEAD 2>/dev/null || echo unknown; }

elapsed_since() { awk -v now="$(date +%s.%N)" -v then="$1" 'BEGIN { printf "%.3f\n", now - then }'; }

# shellcheck disable=SC2034  # the SQL texts are used by backup.sh and restore.sh
# Rows of every table, read inside the dump's snapshot: "schema.table|count" lines.
ROW_COUNTS_SQL="select format('%s.%s', table_schema, table_name) || '|' ||
  (xpath('/row/n/text()', query_to_xml(format('select count(*) as n from %I.%I', table_schema, table_name), false, true, '')))[1]::text
  from information_schema.tables
  where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
  order by 1;"
# shellcheck disable=SC2034
# The Flyway version the schema is at: "schema_version|<version>" (empty when the database has no migrations).
SCHEMA_VERSION_SQL="select 'schema_version|' || coalesce((select version from flyway_schema_history
  where success and version is not null order by installed_rank desc limit 1), '');"

# Rewrites BACKUPS/oil_trading_backup.prom from the manifests of the complete backups, newest per database
# (kind="dump") and of the whole server (database="all", kind="base"): node_exporter's textfile collector format.
write_backup_metrics() {
  local file=$BACKUPS/oil_trading_backup.prom
  find "$BACKUPS" -mindepth 2 -maxdepth 2 -name manifest.json -path "$BACKUPS/[0-9b]*" -print0 \
    | xargs -0 -r cat | jq -rs '
      [ .[] | (.created | fromdateiso8601) as $t
        | if .kind == "base" then {database: "all", kind: "base", time: $t, seconds, bytes}
          else .databases[] | {database, kind: "dump", time: $t, seconds, bytes} end ]
      | group_by(.database + .kind) | map(max_by(.time))
      | [map("oil_trading_backup_last_success_timestamp_seconds{database=\"\(.database)\",kind=\"\(.kind)\"} \(.time)"),
         map("oil_trading_backup_last_duration_seconds{database=\"\(.database)\",kind=\"\(.kind)\"} \(.seconds)"),
         map("oil_trading_backup_last_size_bytes{database=\"\(.database)\",kind=\"\(.kind)\"} \(.bytes)")]
      | ["# HELP oil_trading_backup_last_success_timestamp_seconds Completion time of the newest complete backup.",
         "# TYPE oil_trading_backup_last_success_timestamp_seconds gauge"] + .[0]
        + ["# HELP oil_trading_backup_last_duration_seconds How long the newest complete backup took.",
           "# TYPE oil_trading_backup_last_duration_seconds gauge"] + .[1]
        + ["# HELP oil_trading_backup_last_size_bytes Size of the newest complete backup.",
           "# TYPE oil_trading_backup_last_size_bytes gauge"] + .[2]
      | .[]' >"$file.tmp" && mv "$file.tmp" "$file"
}
