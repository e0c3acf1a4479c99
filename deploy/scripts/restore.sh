#!/usr/bin/env bash
# Restores what deploy/scripts/backup.sh saved: service databases from a backup, or the whole local PostgreSQL to a
# point in time from a base backup and the WAL archive. The services keep running and reconnect on their own.
#
# Usage: restore.sh --from BACKUP [--service NAME]... [--force]
#        restore.sh --base BACKUP (--to-time TIME | --latest) [--force]
#
#   --from BACKUP   a backup folder of backup.sh (DIR/<UTC time>); its checksums are verified first
#   --service NAME  restore this service's database only (repeatable; default: every database in the backup)
#   --force         replace a database that holds tables (it is kept, renamed <database>_replaced_<yyyymmdd_hhmmss>),
#                   or, with --base, the local PostgreSQL's data (kept as pgdata.replaced-<UTC time>)
#   --base BACKUP   a base backup of backup.sh --base (DIR/base-<UTC time>): point-in-time recovery of the local
#                   platform's PostgreSQL, replaying the WAL archive (deploy/local/start.sh archives it)
#   --to-time TIME  recover up to this time, e.g. '2026-12-02 09:30:00+00' (transactions committed after it are
#                   not replayed); it must lie after the base backup ended and within the archive
#   --latest        recover everything the archive holds: only writes after the last archived WAL segment are lost
#   -h, --help      this text
#
# A database is restored into a new database <database>_restoring, its row counts checked against the manifest,
# then put in place of the old one in a moment; a failed restore leaves the current database untouched.
# The server and client tools are those of backup.sh (DB_HOST, DB_PORT, DB_USER, DB_PASSWORD, PG_BIN).
#
# Exit codes:
#   0  restored
#   1  the restore failed or was refused (a database holds tables and --force was not given, a checksum differs,
#      the row counts differ, recovery did not reach its target)
#   2  usage error
#   3  a tool is missing, the server cannot be reached, or the tools are older than the server
set -u
source "$(dirname "$0")/backup-common.sh"

from=""
base=""
target=""
force=false
only=()
while [ $# -gt 0 ]; do
  case $1 in
    --from) [ $# -ge 2 ] || usage_error "--from needs a backup folder"; from=$2; shift ;;
    --from=*) from=${1#*=} ;;
    --base) [ $# -ge 2 ] || usage_error "--base needs a base backup folder"; base=$2; shift ;;
    --base=*) base=${1#*=} ;;
    --to-time) [ $# -ge 2 ] || usage_error "--to-time needs a time"; target=$2; shift ;;
    --to-time=*) target=${1#*=} ;;
    --latest) target=latest ;;
    --service) [ $# -ge 2 ] || usage_error "--service needs a value"; only+=("$2"); shift ;;
    --service=*) only+=("${1#*=}") ;;
    --force) force=true ;;
    -h|--help) print_help; exit 0 ;;
    *) usage_error "unknown argument: $1" ;;
  esac
  shift
done
[ -n "$from" ] || [ -n "$base" ] || usage_error "say what to restore: --from BACKUP or --base BACKUP"
[ -n "$from" ] && [ -n "$base" ] && usage_error "--from and --base exclude each other"
[ -n "$base" ] && [ -z "$target" ] && usage_error "--base needs --to-time TIME or --latest"
[ -n "$base" ] && [ ${#only[@]} -gt 0 ] && usage_error "--base restores the whole server: it takes no --service"
[ -n "$from" ] && [ -n "$target" ] && usage_error "--to-time and --latest go with --base"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
replaced_suffix=_replaced_$(date -u +%Y%m%d_%H%M%S)  # lower case: database names are folded to it

# --- Point-in-time recovery of the local PostgreSQL --------------------------------------------------------------
if [ -n "$base" ]; then
  require_tools jq
  [ "$(jq -r .kind "$base/manifest.json" 2>/dev/null)" = base ] && [ -f "$base/data/PG_VERSION" ] \
    || { echo "$SCRIPT: $base is not a base backup of backup.sh --base" >&2; exit 1; }
  [ -x "$PG_BIN/postgres" ] || { echo "$SCRIPT: no PostgreSQL server in ${PG_BIN:-PG_BIN} to recover with" >&2; exit 3; }
  if [ -e "$PG_DATA" ] && ! $force; then
    echo "$SCRIPT: $PG_DATA exists: --force replaces it (it is kept as $PG_DATA.replaced-$stamp)" >&2
    exit 1
  fi
  started=$(date +%s.%N)
  if pid_alive "$RUN/postgres.pid"; then
    echo "Stopping PostgreSQL..."
    kill -INT "$(cat "$RUN/postgres.pid")"
    while pid_alive "$RUN/postgres.pid"; do sleep 0.2; done
  fi
  [ -e "$PG_DATA" ] && { mv "$PG_DATA" "$PG_DATA.replaced-$stamp" || exit 1; }
  cp -a "$base/data" "$PG_DATA" || exit 1
  chmod 700 "$PG_DATA"
  {
    echo "restore_command = 'cp \"$WAL_ARCHIVE/%f\" \"%p\"'"
    [ "$target" = latest ] || echo "recovery_target_time = '$target'"
    echo "recovery_target_action = 'promote'"
  } >>"$PG_DATA/postgresql.auto.conf"
  touch "$PG_DATA/recovery.signal"
  mkdir -p "$LOGS"
  log=$LOGS/postgres-$(date +%Y%m%d).log
  lines_before=$(wc -l <"$log" 2>/dev/null || echo 0)
  echo "Recovering from $base to ${target/latest/the latest archived WAL}..."
  start_postgres
  deadline=$((SECONDS + ${RECOVERY_TIMEOUT:-600}))
  until [ "$(pg psql -d postgres -qtAXc 'select pg_is_in_recovery()' 2>/dev/null)" = f ]; do
    if ! pid_alive "$RUN/postgres.pid" || [ $SECONDS -ge $deadline ]; then
      echo "$SCRIPT: recovery did not finish:" >&2
      tail -n +"$((lines_before + 1))" "$log" | grep -E 'FATAL|ERROR|LOG:  (redo|recovery|last)' | tail -5 >&2
      exit 1
    fi
    sleep 0.5
  done
  # The recovery settings have done their job; a later restart must not try to recover again.
  pg psql -d postgres -qtAX -c 'alter system reset restore_command' -c 'alter system reset recovery_target_time' \
    -c 'alter system reset recovery_target_action' -c 'select pg_reload_conf()' >/dev/null
  recovered=$(tail -n +"$((lines_before + 1))" "$log" | sed -n 's/.*last completed transaction was at log time //p' | tail -1)
  printf 'Recovered in %s s; last transaction replayed: %s\n' "$(elapsed_since "$started")" "${recovered:-none after the base backup}"
  [ -e "$PG_DATA.replaced-$stamp" ] && echo "The data it replaced: $PG_DATA.replaced-$stamp (remove it when no longer needed)"
  exit 0
fi

# --- Databases from a backup --------------------------------------------------------------------------------------
require_tools jq sha256sum
manifest=$from/manifest.json
[ "$(jq -r .kind "$manifest" 2>/dev/null)" = dump ] || { echo "$SCRIPT: $from is not a backup of backup.sh" >&2; exit 1; }
select_databases ${only[@]+"${only[@]}"}
require_server

sql() { pg psql -d "$1" -qtAX -v ON_ERROR_STOP=1 -c "$2"; }
literal() { printf "'%s'" "${1//\'/\'\'}"; }

# Databases to restore: those selected that the backup holds; a named service missing from the backup is an error.
restore=()
for entry in "${DATABASES[@]}"; do
  read -r name db <<<"$entry"
  if jq -e --arg db "$db" '.databases[] | select(.database == $db)' "$manifest" >/dev/null; then
    restore+=("$db")
  elif [ ${#only[@]} -gt 0 ]; then
    echo "$SCRIPT: $from holds no database of $name" >&2
    exit 1
  fi
done

# Checked before anything changes: the files are those the backup wrote, and nothing is replaced unasked.
for db in "${restore[@]}"; do
  expected=$(jq -r --arg db "$db" '.databases[] | select(.database == $db) | .sha256' "$manifest")
  [ "$(sha256sum "$from/$db.dump" 2>/dev/null | cut -d' ' -f1)" = "$expected" ] \
    || { echo "$SCRIPT: $from/$db.dump is missing or does not match its checksum" >&2; exit 1; }
  exists=$(sql postgres "select count(*) from pg_database where datname = $(literal "$db")") || exit 1
  if [ "$exists" = 1 ] && ! $force; then
    tables=$(sql "$db" "select count(*) from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')") || exit 1
    [ "$tables" = 0 ] || { echo "$SCRIPT: database $db holds $tables tables: --force replaces it (kept as $db$replaced_suffix)" >&2; exit 1; }
  fi
done

for db in "${restore[@]}"; do
  started=$(date +%s.%N)
  staging=${db}_restoring
  echo "Restoring $db..."
  sql postgres "drop database if exists $staging" && sql postgres "create database $staging" || exit 1
  if ! pg pg_restore -d "$staging" --single-transaction --exit-on-error "$from/$db.dump"; then
    sql postgres "drop database if exists $staging"
    echo "$SCRIPT: pg_restore of $db failed; $db is untouched" >&2
    exit 1
  fi
  expected=$(jq -r --arg db "$db" '.databases[] | select(.database == $db) | .rows | to_entries[] | "\(.key)|\(.value)"' "$manifest")
  actual=$(sql "$staging" "$ROW_COUNTS_SQL") || exit 1
  if [ "$(sort <<<"$expected")" != "$(sort <<<"$actual")" ]; then
    diff <(sort <<<"$expected") <(sort <<<"$actual") >&2
    sql postgres "drop database if exists $staging"
    echo "$SCRIPT: the restored rows of $db differ from the manifest (above: < backup, > restored); $db is untouched" >&2
    exit 1
  fi
  # The swap: no new connection to the old database, its sessions ended, then the two renames. The services'
  # connection pools reconnect to the restored database.
  if [ "$(sql postgres "select count(*) from pg_database where datname = $(literal "$db")")" = 1 ]; then
    sql postgres "alter database $db allow_connections false" || exit 1
    for _ in $(seq 1 50); do
      sql postgres "select pg_terminate_backend(pid) from pg_stat_activity where datname = $(literal "$db")" >/dev/null
      sql postgres "alter database $db rename to $db$replaced_suffix" 2>/dev/null && break
      sleep 0.2
    done
    [ "$(sql postgres "select count(*) from pg_database where datname = $(literal "$db")")" = 0 ] \
      || { sql postgres "alter database $db allow_connections true"
           echo "$SCRIPT: $db is still in use; the restored copy is $staging" >&2; exit 1; }
  fi
  sql postgres "alter database $staging rename to $db" || exit 1
  printf '%s: restored in %s s (%s rows, schema version %s)\n' "$db" "$(elapsed_since "$started")" \
    "$(jq -r --arg db "$db" '.databases[] | select(.database == $db) | .rows | add // 0' "$manifest")" \
    "$(jq -r --arg db "$db" '.databases[] | select(.database == $db) | .schema_version' "$manifest")"
done
replaced=$(sql postgres "select string_agg(datname, ' ') from pg_database where datname like '%$replaced_suffix'")
[ -n "$replaced" ] && echo "The databases it replaced: $replaced (dropdb them when no longer needed)"
exit 0
