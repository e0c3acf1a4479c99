package io.oiltrading.pricefeed.benchmark;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/benchmarks")
@Tag(name = "Benchmarks")
@Produces(MediaType.APPLICATION_JSON)
public class BenchmarkResource {

    @Inject
    BenchmarkService benchmarks;

    @GET
    @Operation(summary = "All benchmarks, by code")
    public List<BenchmarkResponse> list() {
        return benchmarks.list().stream().map(BenchmarkResponse::of).toList();
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One benchmark")
    public BenchmarkResponse get(@PathParam("code") String code) {
        return BenchmarkResponse.of(benchmarks.get(code));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a benchmark; its code must be new")
    public Response create(@Valid @NotNull BenchmarkRequest request) {
        Benchmark benchmark = benchmarks.create(request);
        return Response.created(URI.create("/api/benchmarks/" + benchmark.code))
                .entity(BenchmarkResponse.of(benchmark)).build();
    }
}
