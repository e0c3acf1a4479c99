package io.oiltrading.perfreport.report;

import io.oiltrading.perfreport.analysis.AlertsView;
import io.oiltrading.perfreport.analysis.Bottlenecks;
import io.oiltrading.perfreport.analysis.Summary;
import io.oiltrading.perfreport.analysis.Trends;
import io.oiltrading.perfreport.cluster.ClusterView;
import java.time.Instant;
import java.util.Map;

/**
 * A performance report over a period: the summary over the whole period, the trends within it, the bottlenecks
 * at its end, the alerts and the Kubernetes view when it was made. A part whose source could not be read is null,
 * and {@code sources} says why.
 */
public record Report(String kind, Instant from, Instant to, Instant generatedAt, Map<String, String> sources,
                     Summary summary, Trends trends, Bottlenecks bottlenecks, AlertsView alerts,
                     ClusterView.Snapshot kubernetes) {
}
