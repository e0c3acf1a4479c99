#!/usr/bin/env python3
"""Writes the end-to-end suite's monitoring configuration into OUTDIR, made from the project's own files:

  rules.yaml        helm/oil-trading/files/rules/oil-trading.rules.yaml with every `for:` and range window
                    divided by TIME_SCALE (never below 4 scrape intervals); expressions and thresholds unchanged
  prometheus.yml    deploy/monitoring/prometheus.yml scraping and evaluating every SCRAPE_INTERVAL, loading rules.yaml
  alertmanager.yml  deploy/monitoring/alertmanager.yml (generated as the Prometheus Operator would, see its header)
                    with the same route tree and receiver names, grouping waits of ALERT_GROUP_WAIT, each receiver a
                    webhook to http://127.0.0.1:ALERT_SINK_PORT/<receiver> so the suite sees who was notified

    TIME_SCALE=10 SCRAPE_INTERVAL=1s ALERT_GROUP_WAIT=1s ALERT_SINK_PORT=19194 test-monitoring.py OUTDIR
"""
import os
import re
import sys

import yaml

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
RULES = os.path.join(ROOT, "helm/oil-trading/files/rules/oil-trading.rules.yaml")
PROMETHEUS = os.path.join(ROOT, "deploy/monitoring/prometheus.yml")
ALERTMANAGER = os.path.join(ROOT, "deploy/monitoring/alertmanager.yml")
UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def seconds(duration):
    match = re.fullmatch(r"(\d+)([smhd])", duration)
    if not match:
        raise ValueError(f"unsupported duration {duration!r}")
    return int(match.group(1)) * UNITS[match.group(2)]


def scaled(duration, scale, floor):
    return f"{max(seconds(duration) // scale, floor)}s"


def faster(route, wait, root=True):
    """group_wait and group_interval become `wait` on the root route and on every route that sets its own."""
    for key in ("group_wait", "group_interval"):
        if root or key in route:
            route[key] = wait
    for child in route.get("routes", []):
        faster(child, wait, root=False)


def main():
    out = sys.argv[1]
    scale = int(os.environ["TIME_SCALE"])
    interval = os.environ["SCRAPE_INTERVAL"]
    floor = 4 * seconds(interval)  # a range window needs a few samples
    os.makedirs(out, exist_ok=True)

    rules = yaml.safe_load(open(RULES))
    for group in rules["groups"]:
        for rule in group["rules"]:
            if "for" in rule:
                rule["for"] = scaled(rule["for"], scale, seconds(interval))
            rule["expr"] = re.sub(r"\[(\d+[smhd])\]", lambda m: f"[{scaled(m.group(1), scale, floor)}]", rule["expr"])
    rules_file = os.path.join(out, "rules.yaml")
    yaml.safe_dump(rules, open(rules_file, "w"), sort_keys=False)

    prometheus = yaml.safe_load(open(PROMETHEUS))
    prometheus["global"]["scrape_interval"] = interval
    prometheus["global"]["evaluation_interval"] = interval
    prometheus["rule_files"] = [rules_file]
    yaml.safe_dump(prometheus, open(os.path.join(out, "prometheus.yml"), "w"), sort_keys=False)

    alertmanager = yaml.safe_load(open(ALERTMANAGER))
    sink = f"http://127.0.0.1:{os.environ['ALERT_SINK_PORT']}"
    faster(alertmanager["route"], os.environ["ALERT_GROUP_WAIT"])
    alertmanager["global"] = {"resolve_timeout": alertmanager["global"].get("resolve_timeout", "5m")}
    alertmanager["receivers"] = [
        {"name": r["name"], "webhook_configs": [{"url": f"{sink}/{r['name']}", "send_resolved": True}]}
        for r in alertmanager["receivers"]]
    yaml.safe_dump(alertmanager, open(os.path.join(out, "alertmanager.yml"), "w"), sort_keys=False)


if __name__ == "__main__":
    main()
