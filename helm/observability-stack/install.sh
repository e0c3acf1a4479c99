#!/usr/bin/env bash
# Installs the observability stack the oil-trading chart runs next to, in namespace monitoring, with pinned
# chart versions and the values in values/ that wire it to the chart's defaults (see README.md):
#   kube-prometheus-stack (Prometheus, Alertmanager, the Prometheus Operator), grafana-operator and a Grafana,
#   Loki, Tempo, and Grafana Alloy as the node agent that ships the pods' stdout to Loki.
# Usage: helm/observability-stack/install.sh            (needs helm 3.8+ and kubectl on a cluster)
set -euo pipefail

NAMESPACE=${NAMESPACE:-monitoring}
KUBE_PROMETHEUS_STACK_VERSION=75.15.0
GRAFANA_OPERATOR_VERSION=v5.18.0
LOKI_VERSION=6.30.1
TEMPO_VERSION=1.23.2
ALLOY_VERSION=1.1.2

here=$(cd "$(dirname "$0")" && pwd)

helm repo add prometheus-community https://prometheus-community.github.io/helm-charts >/dev/null
helm repo add grafana https://grafana.github.io/helm-charts >/dev/null
helm repo update prometheus-community grafana >/dev/null

# The release name is the `release` label the oil-trading chart puts on its ServiceMonitors and rules.
helm upgrade --install kube-prometheus-stack prometheus-community/kube-prometheus-stack \
  --version "$KUBE_PROMETHEUS_STACK_VERSION" -n "$NAMESPACE" --create-namespace \
  -f "$here/values/kube-prometheus-stack.yaml"

helm upgrade --install grafana-operator oci://ghcr.io/grafana/helm-charts/grafana-operator \
  --version "$GRAFANA_OPERATOR_VERSION" -n "$NAMESPACE" -f "$here/values/grafana-operator.yaml"

helm upgrade --install loki grafana/loki --version "$LOKI_VERSION" -n "$NAMESPACE" -f "$here/values/loki.yaml"
helm upgrade --install tempo grafana/tempo --version "$TEMPO_VERSION" -n "$NAMESPACE" -f "$here/values/tempo.yaml"
helm upgrade --install alloy grafana/alloy --version "$ALLOY_VERSION" -n "$NAMESPACE" -f "$here/values/alloy.yaml"

# The Grafana instance the chart's dashboards and datasources select (label dashboards: grafana).
kubectl -n "$NAMESPACE" wait --for=condition=Established crd/grafanas.grafana.integreatly.org --timeout=120s
kubectl -n "$NAMESPACE" apply -f "$here/grafana.yaml"

echo "Observability stack installed in $NAMESPACE. Next: helm install oil-trading helm/oil-trading -n oil-trading --create-namespace"
