{{/*
Every service's values: `defaults` overridden by the service's own keys, as YAML keyed like .Values.services.
Use: range $key, $svc := include "oil-trading.services" . | fromYaml
*/}}
{{- define "oil-trading.services" -}}
{{- $all := dict }}
{{- range $key, $own := .Values.services }}
{{- $_ := set $all $key (mergeOverwrite (deepCopy $.Values.defaults) (deepCopy $own)) }}
{{- end }}
{{- toYaml $all }}
{{- end }}

{{/* Resource name of a service. Context: dict root, svc. */}}
{{- define "oil-trading.fullname" -}}
{{- printf "%s%s" .root.Values.namePrefix .svc.name | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Name of a release-wide resource (rules, routing, dashboards). */}}
{{- define "oil-trading.releaseName" -}}
{{- printf "%s%s" .Values.namePrefix .Release.Name | trunc 50 | trimSuffix "-" }}
{{- end }}

{{/* Labels of every resource. */}}
{{- define "oil-trading.commonLabels" -}}
app.kubernetes.io/part-of: oil-trading
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/* Selector labels of a service: stable across upgrades, so never the version. Context: dict root, svc. */}}
{{- define "oil-trading.selectorLabels" -}}
app.kubernetes.io/name: {{ .svc.name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end }}

{{/* Labels of a service's resources. Context: dict root, key, svc. */}}
{{- define "oil-trading.labels" -}}
{{ include "oil-trading.selectorLabels" . }}
app.kubernetes.io/component: {{ .key | kebabcase }}
app.kubernetes.io/version: {{ include "oil-trading.tag" . | quote }}
{{ include "oil-trading.commonLabels" .root }}
{{- end }}

{{/* Image tag without the flavour suffix. Context: dict root, svc. */}}
{{- define "oil-trading.tag" -}}
{{- .svc.image.tag | default .root.Chart.AppVersion }}
{{- end }}

{{/* Image of a service in its flavour. Context: dict root, svc. */}}
{{- define "oil-trading.image" -}}
{{- $suffix := eq .svc.flavour "native" | ternary .svc.image.nativeSuffix "" }}
{{- printf "%s/%s:%s%s" .svc.image.registry .svc.name (include "oil-trading.tag" .) $suffix }}
{{- end }}

{{/* Secret holding a service's jdbc-uri, username and password. Context: dict root, svc. */}}
{{- define "oil-trading.databaseSecret" -}}
{{- if .root.Values.database.cloudnativepg.enabled }}
{{- printf "%s-app" (include "oil-trading.databaseCluster" .) }}
{{- else }}
{{- .svc.database.existingSecret | default (printf "%s-db" (include "oil-trading.fullname" .)) }}
{{- end }}
{{- end }}

{{/* CloudNativePG cluster of a service. Context: dict root, svc. */}}
{{- define "oil-trading.databaseCluster" -}}
{{- printf "%s-db" (include "oil-trading.fullname" .) | trunc 50 | trimSuffix "-" }}
{{- end }}

{{/* Labels of a CloudNativePG cluster's resources: not the service's name, the database is a workload of its own.
Context: dict root, svc. */}}
{{- define "oil-trading.databaseLabels" -}}
app.kubernetes.io/name: {{ include "oil-trading.databaseCluster" . }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: database
{{ include "oil-trading.commonLabels" .root }}
{{- end }}

{{/* The ConfigMap data of a service: its calls, tracing and own variables. Context: dict root, key, svc. */}}
{{- define "oil-trading.configData" -}}
{{- $services := include "oil-trading.services" .root | fromYaml }}
{{- range .svc.calls }}
{{- $callee := get $services . | required (printf "services.%s.calls: %q is not a service" $.key .) }}
{{ printf "%s_URL" (snakecase . | upper) }}: {{ printf "http://%s:%v" (include "oil-trading.fullname" (dict "root" $.root "svc" $callee)) $callee.port | quote }}
{{- end }}
{{- with .root.Values.tracing }}
{{- if .otlpEndpoint }}
QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: {{ .otlpEndpoint | quote }}
QUARKUS_OTEL_TRACES_SAMPLER_ARG: {{ .samplingRatio | toString | quote }}
{{- end }}
{{- end }}
{{- range $name, $value := .svc.env }}
{{ $name }}: {{ $value | toString | quote }}
{{- end }}
{{- end }}

{{/* OTel resource attributes: the pod's identity from the downward API ($(VAR) expands earlier env entries). */}}
{{- define "oil-trading.resourceAttributes" -}}
{{- $attributes := list
  "k8s.namespace.name=$(POD_NAMESPACE)"
  "k8s.pod.name=$(POD_NAME)"
  "k8s.pod.uid=$(POD_UID)"
  "k8s.node.name=$(NODE_NAME)"
  (printf "k8s.deployment.name=%s" (include "oil-trading.fullname" .))
  (printf "service.version=%s" (include "oil-trading.tag" .)) }}
{{- range $name, $value := .root.Values.tracing.resourceAttributes }}
{{- $attributes = append $attributes (printf "%s=%v" $name $value) }}
{{- end }}
{{- join "," $attributes }}
{{- end }}

{{/* "true" when an API group/version is installed or listed in extraApiVersions. Context: dict root, api. */}}
{{- define "oil-trading.hasApi" -}}
{{- if or (.root.Capabilities.APIVersions.Has .api) (has .api .root.Values.extraApiVersions) }}true{{ end }}
{{- end }}

{{/* Labels that kube-prometheus-stack selects monitoring CRs on. */}}
{{- define "oil-trading.releaseLabel" -}}
release: {{ .Values.monitoring.release | quote }}
{{- end }}

{{/* grafana-operator instanceSelector; required, as an empty one would match no Grafana or every one. */}}
{{- define "oil-trading.instanceSelector" -}}
{{- $selector := .Values.monitoring.grafana.instanceSelector }}
{{- if not (or $selector.matchLabels $selector.matchExpressions) }}
{{- fail "monitoring.grafana.instanceSelector is required: the labels of the Grafana instance(s) to receive the dashboards and datasources, e.g. matchLabels: {dashboards: grafana}" }}
{{- end }}
instanceSelector:
  {{- toYaml $selector | nindent 2 }}
allowCrossNamespaceImport: {{ .Values.monitoring.grafana.allowCrossNamespaceImport }}
{{- end }}

{{/* Fails on a Helm older than the chart's annotation oil-trading.io/helm-version (Chart.yaml). */}}
{{- define "oil-trading.requireHelm" -}}
{{- $needed := index (.Chart.Annotations | default dict) "oil-trading.io/helm-version" }}
{{- $running := .Capabilities.HelmVersion.Version }}
{{- if and $needed $running (not (semverCompare $needed $running)) }}
{{- fail (printf "the oil-trading chart needs Helm %s (its values.schema.json is JSON Schema draft 2020-12); this is Helm %s" $needed $running) }}
{{- end }}
{{- end }}
