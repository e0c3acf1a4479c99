package io.oiltrading.perfreport.analysis;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Pending and firing alerts as Prometheus evaluates them, and the alerts Alertmanager holds (with the receivers
 * they were routed to). {@code sources} says, per source, "ok" or why it could not be read.
 */
public record AlertsView(Instant readAt, List<Entry> prometheus, List<Entry> alertmanager, Map<String, String> sources) {

    public record Entry(String name, String state, String severity, String category, String service, String summary,
                        String since, List<String> receivers) {
    }
}
