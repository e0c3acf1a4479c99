package io.oiltrading.platform.health;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /health/detailed}: the build, the uptime, every health check with how long it took, and the
 * service's business counts. 200 when every check is up, 503 otherwise, like {@code /health}.
 */
@Path("/health/detailed")
@Tag(name = "Health")
public class DetailedHealthResource {

    @Inject
    BuildInfo build;

    @Inject
    @Any
    Instance<HealthCheck> checks;

    @Inject
    Instance<HealthDetails> healthDetails;

    /** One health check as it answered now. */
    public record CheckResult(String name, String kind, String status, double durationMs, Map<String, Object> data) {
    }

    /** The whole detailed view. */
    public record DetailedHealth(String service, String version, String commit, String status, Instant startedAt,
                                 long uptimeSeconds, List<CheckResult> checks, Map<String, Object> business) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Build, uptime, every health check with its duration, and business counts")
    public Response detailed() {
        List<CheckResult> results = new ArrayList<>();
        for (Instance.Handle<HealthCheck> handle : checks.handles()) {
            String kind = kind(handle.getBean().getQualifiers());
            if (kind != null) {
                results.add(run(handle.get(), kind));
            }
        }
        results.sort((a, b) -> (a.kind() + a.name()).compareTo(b.kind() + b.name()));

        Map<String, Object> business = new TreeMap<>();
        for (HealthDetails details : healthDetails) {
            try {
                business.putAll(details.details());
            } catch (RuntimeException e) {
                // The database being down already shows in the readiness checks above.
                business.clear();
                break;
            }
        }

        boolean up = results.stream().allMatch(r -> r.status().equals("UP"));
        var runtime = ManagementFactory.getRuntimeMXBean();
        var body = new DetailedHealth(build.name(), build.version(), build.commit(), up ? "UP" : "DOWN",
                Instant.ofEpochMilli(runtime.getStartTime()), Duration.ofMillis(runtime.getUptime()).toSeconds(),
                results, business);
        return Response.status(up ? 200 : 503).entity(body).build();
    }

    private static CheckResult run(HealthCheck check, String kind) {
        long start = System.nanoTime();
        HealthCheckResponse response;
        try {
            response = check.call();
        } catch (RuntimeException e) {
            response = HealthCheckResponse.named(check.getClass().getSimpleName()).down()
                    .withData("error", e.getClass().getSimpleName()).build();
        }
        double millis = (System.nanoTime() - start) / 1_000_000.0;
        Map<String, Object> data = new TreeMap<>(response.getData().orElse(Map.of()));
        return new CheckResult(response.getName(), kind, response.getStatus().name(),
                Math.round(millis * 1000) / 1000.0, data);
    }

    private static String kind(java.util.Set<Annotation> qualifiers) {
        for (Annotation q : qualifiers) {
            if (q instanceof Readiness) {
                return "readiness";
            }
            if (q instanceof Liveness) {
                return "liveness";
            }
            if (q instanceof Startup) {
                return "startup";
            }
        }
        return null;
    }
}
