package io.oiltrading.perfreport.analysis;

import io.oiltrading.perfreport.cluster.ClusterView;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The guide's performance API over the Prometheus HTTP API; every figure comes with its PromQL. */
@Authenticated
@Path("/api/performance")
@Tag(name = "Performance")
@Produces(MediaType.APPLICATION_JSON)
public class PerformanceResource {

    @Inject
    SummaryService summaries;

    @Inject
    TrendService trends;

    @Inject
    BottleneckService bottlenecks;

    @Inject
    AlertService alerts;

    @Inject
    ClusterView cluster;

    @Inject
    Clock clock;

    @GET
    @Path("/metrics/summary")
    @Operation(summary = "Per service and endpoint: request rate, p50/p95/p99 latency, error ratio, CPU, heap, DB pool usage")
    public Summary summary(@QueryParam("window") @DefaultValue("5m") String window) {
        return summaries.summary(now(), Window.parse(window, "window").text());
    }

    @GET
    @Path("/trends")
    @Operation(summary = "The same figures over time per service, with least-squares slope, direction and the previous period")
    public Trends trends(@QueryParam("window") @DefaultValue("1h") String window) {
        Instant to = now();
        return trends.trends(to.minus(Window.parse(window, "window").duration()), to);
    }

    @GET
    @Path("/bottlenecks")
    @Operation(summary = "Ranked findings: restarts, error hot spots, saturated pools, slow endpoints weighted by volume")
    public Bottlenecks bottlenecks(@QueryParam("window") @DefaultValue("15m") String window) {
        return bottlenecks.find(now(), Window.parse(window, "window").text(), cluster.snapshot());
    }

    @GET
    @Path("/alerts")
    @Operation(summary = "Pending and firing alerts from Prometheus, and the alerts Alertmanager holds")
    public AlertsView alerts() {
        return alerts.alerts();
    }

    /** Whole seconds, so that anyone can repeat a query at exactly the evaluation time. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
