package io.oiltrading.perfreport.ops;

import io.oiltrading.perfreport.benchmark.PlatformService;
import io.oiltrading.perfreport.cluster.ClusterView;
import io.oiltrading.perfreport.config.PerfReportConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The whole-system health view: each service's liveness and readiness as it answers them now (with the time the
 * answer took), and the Kubernetes view of its pods when the API can be reached.
 */
@ApplicationScoped
public class ServiceHealth {

    static final Duration TIMEOUT = Duration.ofSeconds(3);

    @Inject
    PerfReportConfig config;

    @Inject
    ClusterView cluster;

    @Inject
    Clock clock;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public record Probe(int status, double seconds, String error) {
        boolean ok() {
            return status == 200;
        }
    }

    public record ServiceView(String service, String url, Probe live, Probe ready, String status) {
    }

    /** UP when every service is ready, DEGRADED when some are, DOWN when none is. */
    public record SystemHealth(Instant checkedAt, String status, List<ServiceView> services, ClusterView.Snapshot kubernetes) {
    }

    public SystemHealth check() {
        List<ServiceView> services = new ArrayList<>();
        for (PlatformService s : PlatformService.values()) {
            String url = s.baseUrl(config.services()).toString();
            Probe live = probe(url + "/health/live");
            Probe ready = probe(url + "/health/ready");
            String status = ready.ok() ? "UP" : live.ok() ? "NOT_READY" : live.status() == 0 ? "UNREACHABLE" : "DOWN";
            services.add(new ServiceView(s.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-service", url, live, ready, status));
        }
        long ready = services.stream().filter(v -> v.ready().ok()).count();
        String overall = ready == services.size() ? "UP" : ready == 0 ? "DOWN" : "DEGRADED";
        return new SystemHealth(clock.instant(), overall, services, cluster.snapshot());
    }

    private Probe probe(String url) {
        long start = System.nanoTime();
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(java.net.URI.create(url)).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return new Probe(r.statusCode(), (System.nanoTime() - start) / 1e9, null);
        } catch (IOException e) {
            return new Probe(0, (System.nanoTime() - start) / 1e9, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Probe(0, (System.nanoTime() - start) / 1e9, "interrupted");
        }
    }
}
