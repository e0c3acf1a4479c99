package io.oiltrading.pricefeed.benchmark;

import io.oiltrading.platform.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Authenticated
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

    /** A weekday without publication. */
    public record HolidayRequest(@NotNull LocalDate date, @NotBlank @Size(max = 100) String name) {
    }

    /** A holiday as listed. */
    public record HolidayResponse(LocalDate date, String name) {
    }

    @GET
    @Path("/{code}/holidays")
    @Operation(summary = "The benchmark's publication holidays")
    public List<HolidayResponse> holidays(@PathParam("code") String code) {
        return benchmarks.holidays(code).stream().map(h -> new HolidayResponse(h.date, h.name)).toList();
    }

    @POST
    @Path("/{code}/holidays")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a publication holiday")
    @RolesAllowed({Roles.ADMIN})
    public Response addHoliday(@PathParam("code") String code, @Valid @NotNull HolidayRequest request) {
        BenchmarkHoliday h = benchmarks.addHoliday(code, request.date(), request.name());
        return Response.status(Response.Status.CREATED).entity(new HolidayResponse(h.date, h.name)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a benchmark; its code must be new")
    @RolesAllowed({Roles.ADMIN})
    public Response create(@Valid @NotNull BenchmarkRequest request) {
        Benchmark benchmark = benchmarks.create(request);
        return Response.created(URI.create("/api/benchmarks/" + benchmark.code))
                .entity(BenchmarkResponse.of(benchmark)).build();
    }
}
