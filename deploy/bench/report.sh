#!/usr/bin/env bash
# Renders a benchmark report (the JSON deploy/bench/run.sh writes) as Markdown on stdout, so that the two
# reports can never disagree.
#
#   deploy/bench/report.sh reports/bench-<timestamp>.json > reports/bench-<timestamp>.md
set -u
json=${1:?usage: deploy/bench/report.sh REPORT.json}

jq -r '
  def cell: if . == null then "—" elif . == true then "met" elif . == false then "**not met**"
            else tostring | gsub("\\|"; "\\|") | gsub("\n"; " ") end;
  def codecell: if . == null then "—" else "`" + (tostring | gsub("\\|"; "\\|")) + "`" end;
  "# Benchmarks \(.generatedAt) (\(.mode) run, \(.durationSeconds) s)",
  "",
  "| machine | |",
  "|---|---|",
  "| CPU | \(.machine.cpuModel), \(.machine.cpus) logical CPUs |",
  "| memory | \(.machine.memory) |",
  "| kernel | \(.machine.kernel) |",
  "| Java | \(.machine.java) |",
  "| PostgreSQL | \(.machine.postgresql) (the local platform'"'"'s embedded server) |",
  "| git commit | \(.machine.gitCommit)\(if .machine.uncommittedFiles > 0 then " + \(.machine.uncommittedFiles) uncommitted files" else "" end) |",
  "| load average at start | \(.machine.loadAverageAtStart) |",
  "| tools | \(.machine.wrk); \(.machine.pgbench) |",
  "",
  "\(.machine.note). Platform: \(.platform.env). Raw output: `\(.platform.raw)`.",
  "",
  (.steps[] |
    "## \(.title)",
    "",
    (if .status != "ok" then "**\(.status | ascii_upcase):** \(.note)" else .note end),
    "",
    (if .target != "" then "Target: \(.target).\n" else empty end),
    (if (.rows | length) > 0 then
      (.columns as $cols
       | ("| " + ($cols | map(.[0]) | join(" | ")) + " |"),
         ("|" + ($cols | map("---") | join("|")) + "|"),
         (.rows[] as $r | "| " + ($cols | map(if .[1] == "command" then ($r[.[1]] | codecell) else ($r[.[1]] | cell) end)
                                         | join(" | ")) + " |")),
      ""
     else empty end))
' "$json"
