package io.oiltrading.helm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Alertmanager configuration the Prometheus Operator generates from a base configuration and the chart's
 * AlertmanagerConfig, with the matcher strategy OnNamespace (helm/observability-stack), written here to test what a
 * cluster really routes:
 * <ul>
 * <li>the AlertmanagerConfig's route becomes the first route under the base root, with {@code continue: true} and a
 * {@code namespace="<its namespace>"} matcher added (its child routes keep their own matchers only);</li>
 * <li>every receiver, and every receiver a route names, is renamed {@code <namespace>/<name>/<receiver>};</li>
 * <li>fields go from the CRD's camelCase to the configuration's snake_case. The operator copies a Secret's value
 * into the field; here a Secret reference becomes the field's {@code _file} form reading {@code secrets/<key>}, the
 * local Alertmanager's folder (deploy/monitoring/README.md).</li>
 * </ul>
 */
final class OperatorAlertmanagerConfig {

    private OperatorAlertmanagerConfig() {
    }

    /**
     * The generated configuration: the base with every AlertmanagerConfig merged in, in the given order; one without
     * metadata.namespace is in the namespace it is installed into.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> generate(Map<String, Object> base, List<Map<String, Object>> alertmanagerConfigs,
            String installNamespace) {
        Map<String, Object> config = deepCopy(base);
        Map<String, Object> root = (Map<String, Object>) config.get("route");
        List<Object> firstRoutes = new ArrayList<>();
        List<Object> receivers = new ArrayList<>((List<Object>) config.getOrDefault("receivers", List.of()));
        for (Map<String, Object> amc : alertmanagerConfigs) {
            String namespace = Optional.ofNullable(Yamls.string(amc, "metadata.namespace")).orElse(installNamespace);
            String prefix = namespace + "/" + Yamls.string(amc, "metadata.name") + "/";
            Map<String, Object> route = route(Yamls.map(amc, "spec.route"), prefix);
            List<Object> matchers = new ArrayList<>((List<Object>) route.getOrDefault("matchers", List.of()));
            matchers.add("namespace=\"" + namespace + "\"");
            route.put("matchers", matchers);
            route.put("continue", true);
            firstRoutes.add(route);
            for (Map<String, Object> receiver : Yamls.list(amc, "spec.receivers")) {
                Map<String, Object> converted = (Map<String, Object>) fields(receiver);
                converted.put("name", prefix + receiver.get("name"));
                receivers.add(converted);
            }
        }
        firstRoutes.addAll((List<Object>) root.getOrDefault("routes", List.of()));
        root.put("routes", firstRoutes);
        config.put("receivers", receivers);
        return config;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> route(Map<String, Object> in, String prefix) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> field : in.entrySet()) {
            Object value = field.getValue();
            switch (field.getKey()) {
                case "receiver" -> out.put("receiver", prefix + value);
                case "matchers" -> out.put("matchers", ((List<Map<String, Object>>) value).stream()
                        .map(m -> m.get("name") + String.valueOf(m.getOrDefault("matchType", "=")) + "\"" + m.get("value") + "\"")
                        .toList());
                case "routes" -> out.put("routes", ((List<Map<String, Object>>) value).stream()
                        .map(r -> route(r, prefix)).toList());
                case "muteTimeIntervals", "activeTimeIntervals" -> out.put(snake(field.getKey()),
                        ((List<Object>) value).stream().map(name -> prefix + name).toList());
                default -> out.put(snake(field.getKey()), value);
            }
        }
        return out;
    }

    /** A receiver's integrations: snake_case keys, Secret references as files. */
    @SuppressWarnings("unchecked")
    private static Object fields(Object node) {
        if (node instanceof List<?> list) {
            return list.stream().map(OperatorAlertmanagerConfig::fields).toList();
        }
        if (!(node instanceof Map<?, ?> map)) {
            return node;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> field : ((Map<String, Object>) map).entrySet()) {
            if (isSecretReference(field.getValue())) {
                out.put(snake(field.getKey()) + "_file", "secrets/" + ((Map<?, ?>) field.getValue()).get("key"));
            } else {
                out.put(snake(field.getKey()), fields(field.getValue()));
            }
        }
        return out;
    }

    private static boolean isSecretReference(Object value) {
        return value instanceof Map<?, ?> map && map.size() == 2 && map.containsKey("name") && map.containsKey("key");
    }

    /** sendResolved -> send_resolved, apiURL -> api_url, requireTLS -> require_tls. */
    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }

    @SuppressWarnings("unchecked")
    private static <T> T deepCopy(T node) {
        if (node instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, deepCopy(v)));
            return (T) copy;
        }
        if (node instanceof List<?> list) {
            return (T) new ArrayList<>(list.stream().map(OperatorAlertmanagerConfig::deepCopy).toList());
        }
        return node;
    }
}
