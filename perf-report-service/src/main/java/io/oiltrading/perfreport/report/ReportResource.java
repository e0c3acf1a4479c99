package io.oiltrading.perfreport.report;

import io.oiltrading.platform.api.Page;
import io.oiltrading.platform.problem.ProblemException;
import io.oiltrading.platform.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Authenticated
@Path("/api/performance")
@Tag(name = "Performance")
public class ReportResource {

    private static final Set<String> KINDS = Set.of("HOURLY", "DAILY", "WEEKLY");

    @Inject
    ReportService reports;

    @Inject
    Clock clock;

    @GET
    @Path("/report")
    @Produces({MediaType.APPLICATION_JSON, "text/csv", "application/pdf"})
    @Operation(summary = "A report of a period (default: the last hour) as json, csv or pdf (with latency and throughput charts)")
    public Response report(@QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("format") @DefaultValue("json") String format) {
        Instant end = to == null ? clock.instant().truncatedTo(ChronoUnit.SECONDS) : instant(to, "to");
        Instant start = from == null ? end.minus(Duration.ofHours(1)) : instant(from, "from");
        String chosen = format(format);
        return render(reports.assemble("ON_DEMAND", start, end), chosen);
    }

    @GET
    @Path("/reports")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Stored reports, newest first; olderThanDays lists what the retention would delete")
    public Page<ReportService.ReportInfo> list(@QueryParam("kind") String kind,
                                               @QueryParam("olderThanDays") @Min(0) @Max(3650) Integer olderThanDays,
                                               @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                               @QueryParam("size") @DefaultValue("50") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return reports.list(kind == null ? null : kind(kind), olderThanDays, page, size);
    }

    @POST
    @Path("/reports")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Make and store the report of the last whole hour, day or week now")
    @RolesAllowed({Roles.ADMIN})
    public Response generate(@QueryParam("kind") @DefaultValue("HOURLY") String kind) {
        StoredReport r = reports.generate(kind(kind));
        return Response.created(URI.create("/api/performance/reports/" + r.id)).entity(ReportService.ReportInfo.of(r)).build();
    }

    @GET
    @Path("/reports/{id}")
    @Produces({MediaType.APPLICATION_JSON, "text/csv", "application/pdf"})
    @Operation(summary = "A stored report as json, csv or pdf")
    public Response stored(@PathParam("id") long id, @QueryParam("format") @DefaultValue("json") String format) {
        String chosen = format(format);
        return render(reports.read(id), chosen);
    }

    @DELETE
    @Path("/reports")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Delete stored reports older than the given number of days")
    @RolesAllowed({Roles.ADMIN})
    public Map<String, Long> delete(@QueryParam("olderThanDays") @Min(0) @Max(3650) Integer olderThanDays) {
        if (olderThanDays == null) {
            throw ProblemException.invalid("olderThanDays", "is required");
        }
        return Map.of("deleted", reports.deleteOlderThan(Duration.ofDays(olderThanDays)));
    }

    private static Response render(Report report, String format) {
        String name = "performance-" + report.from().toString().replace(':', '-') + "." + format;
        return switch (format) {
            case "csv" -> Response.ok(ReportCsv.render(report), "text/csv").header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
            case "pdf" -> Response.ok(ReportPdf.render(report), "application/pdf").header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
            default -> Response.ok(report, MediaType.APPLICATION_JSON).build();
        };
    }

    private static String format(String format) {
        if (!Set.of("json", "csv", "pdf").contains(format)) {
            throw ProblemException.invalid("format", "one of json, csv, pdf");
        }
        return format;
    }

    private static String kind(String kind) {
        if (!KINDS.contains(kind)) {
            throw ProblemException.invalid("kind", "one of HOURLY, DAILY, WEEKLY");
        }
        return kind;
    }

    private static Instant instant(String text, String parameter) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(parameter, "an ISO-8601 instant such as 2026-11-25T10:00:00Z");
        }
    }
}
