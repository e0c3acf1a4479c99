package io.oiltrading.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oiltrading.helm.Chart.Rendered;
import io.oiltrading.helm.Chart.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The NetworkPolicies allow exactly the calls that exist between the services (risk and settlement call trading
 * and pricefeed; perf-report calls every service), plus scrapes from the monitoring namespace, DNS and the database.
 */
class NetworkPolicyTest {

    /** Who calls whom, as the services' configuration says (risk, settlement and perf-report clients). */
    static final Map<String, Set<String>> CALLS = Map.of(
            "trading-service", Set.of(),
            "pricefeed-service", Set.of(),
            "risk-service", Set.of("trading-service", "pricefeed-service"),
            "settlement-service", Set.of("trading-service", "pricefeed-service"),
            "perf-report-service", Set.of("trading-service", "pricefeed-service", "risk-service", "settlement-service",
                    "perf-report-service"));

    final Rendered rendered = Chart.render();

    @Test
    void everyServicePodIsSelectedForIngressAndEgress() {
        for (Service service : Chart.SERVICES) {
            Map<String, Object> policy = rendered.get("NetworkPolicy", service.name());
            assertEquals(List.of("Ingress", "Egress"), Yamls.at(policy, "spec.policyTypes"));
            assertEquals(service.name(), Yamls.map(policy, "spec.podSelector.matchLabels").get("app.kubernetes.io/name"));
        }
    }

    @Test
    void ingressComesFromTheCallersOnly() {
        for (Service service : Chart.SERVICES) {
            Set<String> expected = new TreeSet<>();
            CALLS.forEach((caller, callees) -> {
                if (callees.contains(service.name())) {
                    expected.add(caller);
                }
            });
            assertEquals(expected, podPeers(Yamls.list(rendered.get("NetworkPolicy", service.name()), "spec.ingress"),
                    "from"), service.name() + " callers");
        }
    }

    @Test
    void egressGoesToTheCalleesOnly() {
        for (Service service : Chart.SERVICES) {
            assertEquals(new TreeSet<>(CALLS.get(service.name())),
                    podPeers(Yamls.list(rendered.get("NetworkPolicy", service.name()), "spec.egress"), "to"),
                    service.name() + " callees");
        }
    }

    @Test
    void prometheusInTheMonitoringNamespaceMayScrape() {
        for (Service service : Chart.SERVICES) {
            assertTrue(Yamls.list(rendered.get("NetworkPolicy", service.name()), "spec.ingress").stream()
                    .anyMatch(rule -> monitoringNamespace(rule, "from") && ports(rule).equals(List.of("http"))),
                    service.name());
        }
    }

    @Test
    void dnsDatabaseAndTempoAreReachable() {
        for (Service service : Chart.SERVICES) {
            List<Map<String, Object>> egress = Yamls.list(rendered.get("NetworkPolicy", service.name()), "spec.egress");
            assertTrue(egress.stream().anyMatch(rule -> ports(rule).equals(List.of("53", "53"))), "DNS");
            assertTrue(egress.stream().anyMatch(rule -> ports(rule).equals(List.of("5432"))), "database");
            assertTrue(egress.stream().anyMatch(rule -> monitoringNamespace(rule, "to") && ports(rule).contains("4317")),
                    "OTLP to Tempo");
        }
        List<Map<String, Object>> perfReport = Yamls.list(rendered.get("NetworkPolicy", "perf-report-service"), "spec.egress");
        assertTrue(perfReport.stream().anyMatch(rule -> monitoringNamespace(rule, "to")
                && ports(rule).containsAll(List.of("9090", "9093"))), "perf-report reads Prometheus and Alertmanager");
        assertTrue(perfReport.stream().anyMatch(rule -> ports(rule).equals(List.of("443", "6443"))), "Kubernetes API");
    }

    @Test
    void cloudNativePgDatabasesAreReachedByTheirPods() {
        Rendered everything = Chart.render("everything-on");
        for (Service service : Chart.SERVICES) {
            List<Map<String, Object>> egress = Yamls.list(everything.get("NetworkPolicy", service.name()), "spec.egress");
            assertTrue(egress.stream().anyMatch(rule -> rule.containsKey("to") && Yamls.list(rule, "to").stream()
                    .anyMatch(peer -> (service.name() + "-db").equals(Yamls.map(peer, "podSelector.matchLabels")
                            .get("cnpg.io/cluster")))), service.name());
        }
    }

    /** Services named by the pod selectors of the rules (ingress "from" or egress "to"). */
    private static Set<String> podPeers(List<Map<String, Object>> rules, String direction) {
        Set<String> names = new TreeSet<>();
        for (Map<String, Object> rule : rules) {
            if (!rule.containsKey(direction)) {
                continue;
            }
            for (Map<String, Object> peer : Yamls.list(rule, direction)) {
                Object labels = Yamls.at(peer, "podSelector.matchLabels");
                if (labels instanceof Map<?, ?> map && map.get("app.kubernetes.io/name") != null
                        && !peer.containsKey("namespaceSelector")) {
                    names.add((String) map.get("app.kubernetes.io/name"));
                }
            }
        }
        return names;
    }

    private static boolean monitoringNamespace(Map<String, Object> rule, String direction) {
        return rule.containsKey(direction) && Yamls.list(rule, direction).stream().anyMatch(peer ->
                Yamls.at(peer, "namespaceSelector.matchLabels") instanceof Map<?, ?> labels
                        && "monitoring".equals(labels.get("kubernetes.io/metadata.name")));
    }

    private static List<String> ports(Map<String, Object> rule) {
        List<String> ports = new ArrayList<>();
        for (Map<String, Object> port : Yamls.list(rule, "ports")) {
            ports.add(String.valueOf(port.get("port")));
        }
        return ports;
    }
}
