#!/usr/bin/env python3
"""Runs every Prometheus query of the chart's dashboards against a running Prometheus and lists the panels
that get no data or an error. Use it with the local platform and deploy/monitoring/prometheus.yml, after the
services have run for a few minutes:

    deploy/monitoring/check-dashboards.py [--strict] [http://localhost:9090]

Exit status 1 when a query fails; panels without data are listed but do not fail, since some metrics appear
only after their first event (a confirmed deal, a settlement failure, a risk limit). With --strict (the
end-to-end suite, after its drills) a panel without data fails too. Loki and Tempo panels are not checked.
"""
import glob
import json
import os
import sys
import urllib.parse
import urllib.request

ARGS = [a for a in sys.argv[1:] if a != "--strict"]
STRICT = "--strict" in sys.argv[1:]
PROMETHEUS = ARGS[0] if ARGS else "http://localhost:9090"
DASHBOARDS = os.path.join(os.path.dirname(__file__), "../../helm/oil-trading/files/dashboards/*.json")
# Grafana's variables, as the dashboards' defaults would set them.
VARIABLES = {"$job": "(trading|pricefeed|risk|settlement|perf-report)-service",
             "$__rate_interval": "2m", "$__range": "1h"}


def query(expr):
    for name, value in VARIABLES.items():
        expr = expr.replace(name, value)
    url = PROMETHEUS + "/api/v1/query?" + urllib.parse.urlencode({"query": expr})
    with urllib.request.urlopen(url, timeout=10) as response:
        return len(json.load(response)["data"]["result"])


failed = empty = checked = 0
for path in sorted(glob.glob(DASHBOARDS)):
    dashboard = json.load(open(path))
    for panel in dashboard["panels"]:
        for target in panel.get("targets", []):
            if target["datasource"]["type"] != "prometheus":
                continue
            checked += 1
            try:
                count = query(target["expr"])
            except Exception as e:  # a syntax error answers 400
                failed += 1
                print(f"ERROR   {dashboard['title']} / {panel['title']}: {e}")
                continue
            if count == 0:
                empty += 1
                print(f"NO DATA {dashboard['title']} / {panel['title']}")
print(f"{checked} Prometheus queries: {checked - failed - empty} with data, {empty} without, {failed} failed")
sys.exit(1 if failed or (STRICT and empty) else 0)
