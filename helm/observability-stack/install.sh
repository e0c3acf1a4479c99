#!/usr/bin/env bash
# Installs the observability stack the oil-trading chart runs next to, in namespace monitoring, with pinned
# chart versions and the values in values/ that wire it to the chart's defaults (see README.md):
#   kube-prometheus-stack (Prometheus, Alertmanager, the Prometheus Operator), grafana-operator and a Grafana,
#   Loki, Tempo, and Grafana Alloy as the node agent that ships the pods' stdout to Loki.
# Usage: helm/observability-stack/install.sh            (needs Helm 3.18 or later and kubectl on a cluster)
# The namespace and the grafana-admin Secret come first: README.md lists every step in its order.
set -euo pipefail

NAMESPACE=${NAMESPACE:-monitoring}
KUBE_PROMETHEUS_STACK_VERSION=75.15.0
GRAFANA_OPERATOR_VERSION=v5.18.0
LOKI_VERSION=6.30.1
TEMPO_VERSION=1.23.2
ALLOY_VERSION=1.1.2

here=$(cd "$(dirname "$0")" && pwd)

# The oil-trading chart's values.schema.json is JSON Schema draft 2020-12, which Helm validates from 3.18 on.
HELM_MINIMUM=3.18.0
helm_version=$(helm version --template '{{.Version}}') || { echo "install.sh: helm does not answer" >&2; exit 1; }
helm_version=${helm_version#v}
if ! [[ $helm_version =~ ^[0-9]+\.[0-9]+\.[0-9]+ ]] || [ "$(printf '%s\n%s\n' "$HELM_MINIMUM" "${helm_version%%[-+]*}" | sort -V | head -1)" != "$HELM_MINIMUM" ]; then
  echo "install.sh: Helm $helm_version found; Helm $HELM_MINIMUM or later is needed" >&2
  exit 1
fi

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

echo "Observability stack installed in $NAMESPACE. Next: the namespace oil-trading, its Secrets, then helm install (helm/observability-stack/README.md, step 3)"
