package io.oiltrading.perfreport.analysis;

import io.oiltrading.platform.problem.DependencyUnavailable;
import io.oiltrading.perfreport.source.AlertmanagerApi;
import io.oiltrading.perfreport.source.Prometheus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.rest.client.inject.RestClient;

@ApplicationScoped
public class AlertService {

    static final String ALERTMANAGER = "alertmanager";

    @Inject
    Prometheus prometheus;

    @Inject
    @RestClient
    AlertmanagerApi alertmanager;

    @Inject
    Clock clock;

    /** Both sources; one that cannot be read is named in {@code sources}; both unreadable is a 503. */
    public AlertsView alerts() {
        Map<String, String> sources = new TreeMap<>();
        List<AlertsView.Entry> fromPrometheus = List.of();
        List<AlertsView.Entry> fromAlertmanager = List.of();
        try {
            fromPrometheus = prometheus.alerts().stream().map(a -> entry(a.labels(), a.annotations(), a.state(), a.activeAt(), List.of())).toList();
            sources.put(Prometheus.NAME, "ok");
        } catch (DependencyUnavailable e) {
            sources.put(Prometheus.NAME, e.getMessage());
        }
        try {
            fromAlertmanager = alertmanager.alerts().stream().map(a -> entry(a.labels(), a.annotations(),
                    a.status() == null ? null : a.status().state(), a.startsAt(),
                    a.receivers() == null ? List.of() : a.receivers().stream().map(AlertmanagerApi.Receiver::name).toList())).toList();
            sources.put(ALERTMANAGER, "ok");
        } catch (RuntimeException e) {
            sources.put(ALERTMANAGER, new DependencyUnavailable(ALERTMANAGER, e, "its alerts cannot be shown").getMessage());
            if (!"ok".equals(sources.get(Prometheus.NAME))) {
                throw new DependencyUnavailable("prometheus and alertmanager", e, "no alert source can be read");
            }
        }
        return new AlertsView(clock.instant(), fromPrometheus, fromAlertmanager, sources);
    }

    private static AlertsView.Entry entry(Map<String, String> labels, Map<String, String> annotations, String state,
                                          String since, List<String> receivers) {
        Map<String, String> l = labels == null ? Map.of() : labels;
        Map<String, String> a = annotations == null ? Map.of() : annotations;
        return new AlertsView.Entry(l.get("alertname"), state, l.get("severity"), l.get("category"),
                l.getOrDefault("job", l.get("service")), a.get("summary"), since, receivers);
    }
}
