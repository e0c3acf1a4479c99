package io.oiltrading.perfreport.benchmark;

import io.oiltrading.platform.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Authenticated
@Path("/api/performance/benchmark")
@Tag(name = "Performance")
@Produces(MediaType.APPLICATION_JSON)
public class BenchmarkResource {

    @Inject
    BenchmarkService benchmarks;

    /** A stored run, as listed. */
    public record RunSummary(Long id, PlatformService service, String path, int requested, int concurrency,
                             int completed, int failed, double elapsedSeconds, double throughputPerSecond,
                             Double latencyP50Ms, Double latencyP95Ms, Double latencyP99Ms, Double latencyMaxMs,
                             Instant startedAt) {

        static RunSummary of(BenchmarkRun r) {
            return new RunSummary(r.id, r.service, r.path, r.requested, r.concurrency, r.completed, r.failed,
                    r.elapsedSeconds, r.throughputPerSecond, r.latencyP50Ms, r.latencyP95Ms, r.latencyP99Ms,
                    r.latencyMaxMs, r.startedAt);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send a bounded load to one endpoint of a platform service and measure it")
    @RolesAllowed({Roles.ADMIN})
    public BenchmarkService.BenchmarkResult run(@Valid @NotNull BenchmarkRequest request) {
        return benchmarks.run(request.service(), request.path(), request.requests(), request.concurrency());
    }

    @GET
    @Operation(summary = "Recent benchmark runs, newest first")
    public List<RunSummary> recent(@QueryParam("size") @DefaultValue("50") @Min(1) @Max(1000) int size) {
        return benchmarks.recent(size).stream().map(RunSummary::of).toList();
    }
}
