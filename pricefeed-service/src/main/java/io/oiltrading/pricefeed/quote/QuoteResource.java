package io.oiltrading.pricefeed.quote;

import io.oiltrading.platform.problem.ProblemException;
import io.oiltrading.platform.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A benchmark's quotes: ingestion (JSON batches and CSV files) and the reads risk and settlement need. */
@Authenticated
@Path("/api/benchmarks/{code}/quotes")
@Tag(name = "Quotes")
@Produces(MediaType.APPLICATION_JSON)
public class QuoteResource {

    @Inject
    QuoteIngestor ingestor;

    @Inject
    QuoteService quotes;

    /** One day's price. */
    public record QuotePoint(@NotNull LocalDate date, @NotNull @Digits(integer = 8, fraction = 4) BigDecimal price) {
    }

    /** Quotes of one source for this benchmark. */
    public record QuoteBatch(@NotBlank @Size(max = 40) String source,
                             @NotNull @Size(min = 1, max = 20_000) List<@Valid @NotNull QuotePoint> quotes) {
    }

    /** What an import did, with the quarantined quotes and their reasons. */
    public record ImportResult(String benchmark, String format, int rows, int missing, Map<QuoteIngestor.Outcome, Integer> counts,
                               List<QuoteIngestor.ItemResult> quarantined, long elapsedMs) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ingest a batch: new days accepted or quarantined, changed prices become new versions")
    @RolesAllowed({Roles.PRICE_ADMIN})
    public QuoteIngestor.Result ingest(@PathParam("code") String code, @Valid @NotNull QuoteBatch batch) {
        List<IncomingQuote> incoming = batch.quotes().stream().map(q -> new IncomingQuote(q.date(), q.price())).toList();
        return ingestor.ingest(code, incoming, batch.source(), true);
    }

    @POST
    @Path("/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Import an EIA (Date,Price) or FRED (observation_date,SERIES; '.' = no quote) CSV file; "
            + "importing the same file again changes nothing")
    @RolesAllowed({Roles.PRICE_ADMIN})
    public ImportResult importCsv(@PathParam("code") String code,
                                  @QueryParam("source") @DefaultValue("CSV") @Pattern(regexp = "[A-Za-z0-9_.-]{1,40}") String source,
                                  @QueryParam("validate") @DefaultValue("true") boolean validate,
                                  String csv) {
        long start = System.nanoTime();
        CsvQuotes.Parsed parsed = CsvQuotes.parse(csv == null ? "" : csv);
        QuoteIngestor.Result result = ingestor.ingest(code, parsed.quotes(), source, validate);
        List<QuoteIngestor.ItemResult> quarantined = result.items().stream()
                .filter(i -> i.outcome() == QuoteIngestor.Outcome.QUARANTINED).toList();
        return new ImportResult(code, parsed.format(), parsed.quotes().size(), parsed.missing(), result.counts(),
                quarantined, (System.nanoTime() - start) / 1_000_000);
    }

    @GET
    @Operation(summary = "Effective quotes of a date range (every version with allVersions=true), with the "
            + "publication days that have no quote")
    public QuoteService.History history(@PathParam("code") String code, @QueryParam("from") String from,
                                        @QueryParam("to") String to,
                                        @QueryParam("allVersions") @DefaultValue("false") boolean allVersions) {
        LocalDate end = to == null ? quotes.today() : date(to, "to");
        LocalDate start = from == null ? end.minusDays(30) : date(from, "from");
        return quotes.history(code, start, end, allVersions);
    }

    @GET
    @Path("/latest")
    @Operation(summary = "The latest effective quote")
    public QuoteView latest(@PathParam("code") String code) {
        return QuoteView.of(quotes.latest(code));
    }

    @GET
    @Path("/window")
    @Operation(summary = "The effective quotes around a date: up to 'before' quote days before, the day, up to 'after' after")
    public QuoteService.Window window(@PathParam("code") String code, @QueryParam("date") String date,
                                      @QueryParam("before") @DefaultValue("2") @Min(0) @Max(31) int before,
                                      @QueryParam("after") @DefaultValue("2") @Min(0) @Max(31) int after) {
        if (date == null) {
            throw ProblemException.invalid("date", "is required");
        }
        return quotes.window(code, date(date, "date"), before, after);
    }

    static LocalDate date(String value, String parameter) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(parameter, "a date as YYYY-MM-DD");
        }
    }
}
