package io.oiltrading.pricefeed.curve;

import io.oiltrading.platform.problem.ProblemException;
import io.oiltrading.platform.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Authenticated
@Path("/api/benchmarks/{code}")
@Tag(name = "Forward curves")
@Produces(MediaType.APPLICATION_JSON)
public class CurveResource {

    @Inject
    CurveService curves;

    /** One contract month's price. */
    public record PointRequest(@NotNull YearMonth month, @NotNull @Digits(integer = 8, fraction = 4) BigDecimal price) {
    }

    /** A curve as published on asOf. */
    public record CurveRequest(@NotNull LocalDate asOf,
                               @NotNull @Size(min = 1, max = 240) List<@Valid @NotNull PointRequest> points) {
    }

    @POST
    @Path("/curves")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish a forward curve as of a date")
    @RolesAllowed({Roles.PRICE_ADMIN})
    public Response publish(@PathParam("code") String code, @Valid @NotNull CurveRequest request) {
        List<CurveService.Point> points = request.points().stream()
                .map(p -> new CurveService.Point(p.month(), p.price())).toList();
        return Response.status(Response.Status.CREATED).entity(curves.publish(code, request.asOf(), points)).build();
    }

    @POST
    @Path("/curves")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Publish a forward curve from CSV (month,price; month as YYYY-MM) as of the asOf parameter")
    @RolesAllowed({Roles.PRICE_ADMIN})
    public Response publishCsv(@PathParam("code") String code, @QueryParam("asOf") String asOf, String csv) {
        if (asOf == null) {
            throw ProblemException.invalid("asOf", "is required");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("asOf", "a date as YYYY-MM-DD");
        }
        return Response.status(Response.Status.CREATED).entity(curves.publish(code, date, parse(csv))).build();
    }

    @GET
    @Path("/curve")
    @Operation(summary = "The curve in force on a date (today by default): the latest published on or before it")
    public CurveService.Curve inForce(@PathParam("code") String code, @QueryParam("date") String date) {
        try {
            return curves.inForce(code, date == null ? LocalDate.now() : LocalDate.parse(date));
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("date", "a date as YYYY-MM-DD");
        }
    }

    private static List<CurveService.Point> parse(String csv) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        List<CurveService.Point> points = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(csv == null ? "" : csv), format)) {
            for (CSVRecord r : parser) {
                String line = "line " + (r.getRecordNumber() + 1);
                try {
                    points.add(new CurveService.Point(YearMonth.parse(r.get("month")), new BigDecimal(r.get("price"))));
                } catch (DateTimeParseException | IllegalArgumentException e) {
                    throw ProblemException.invalid(line, "expected month (YYYY-MM) and price columns");
                }
            }
        } catch (IOException | IllegalStateException e) {
            throw ProblemException.invalid("body", "not a readable CSV file with a month,price header");
        }
        if (points.isEmpty()) {
            throw ProblemException.invalid("body", "no curve points");
        }
        return points;
    }
}
