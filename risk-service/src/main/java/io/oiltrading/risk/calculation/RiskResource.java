package io.oiltrading.risk.calculation;

import io.oiltrading.platform.api.QueryParams;
import io.oiltrading.platform.problem.ProblemException;
import io.oiltrading.platform.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Authenticated
@Path("/api/risk")
@Tag(name = "Risk")
@Produces(MediaType.APPLICATION_JSON)
public class RiskResource {

    @Inject
    RiskService risk;

    @Inject
    RiskCalculator calculator;

    /** A stored calculation, as listed. */
    public record SnapshotSummary(Long id, Instant calculatedAt, double grossExposureUsd, double var99Usd, double es975Usd) {
    }

    @GET
    @Path("/calculate")
    @Operation(summary = "Exposure, VaR (historical, parametric, Monte Carlo), ES, contributions, stress, backtest "
            + "and limits for the current book, with the as-of dates and conventions used; stored as a snapshot")
    @RolesAllowed({Roles.RISK_MANAGER})
    public RiskService.Answer calculate(@QueryParam("lookbackDays") @Min(20) @Max(2500) Integer lookbackDays,
                                       @QueryParam("horizonDays") @DefaultValue("1") @Min(1) @Max(250) int horizonDays,
                                       @QueryParam("changes") String changes,
                                       @QueryParam("alignment") String alignment) {
        RiskCalculator.Parameters defaults = calculator.defaults();
        ChangeType changeType = QueryParams.enumValue(ChangeType.class, changes, "changes");
        PriceAlignment align = QueryParams.enumValue(PriceAlignment.class, alignment, "alignment");
        return risk.calculate(new RiskCalculator.Parameters(lookbackDays == null ? defaults.lookbackDays() : lookbackDays,
                horizonDays, changeType == null ? defaults.changes() : changeType, align == null ? defaults.alignment() : align));
    }

    @GET
    @Path("/snapshots")
    @Operation(summary = "Stored calculations, newest first")
    public List<SnapshotSummary> snapshots(@QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return risk.recent(size).stream()
                .map(s -> new SnapshotSummary(s.id, s.calculatedAt, s.grossExposureUsd, s.var99Usd, s.es975Usd)).toList();
    }

    @GET
    @Path("/snapshots/{id}")
    @Operation(summary = "One stored calculation in full")
    public RiskReport snapshot(@PathParam("id") Long id) {
        RiskSnapshot s = RiskSnapshot.findById(id);
        if (s == null) {
            throw ProblemException.notFound("Risk snapshot", id);
        }
        return risk.read(s);
    }
}
