package io.oiltrading.risk.client;

import io.oiltrading.risk.calculation.PriceUnit;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** What risk-service reads from pricefeed-service. */
// Every call carries this service's own identity (docs/access-control.md, "Service identity").
@ClientHeaderParam(name = "Authorization", value = "{io.oiltrading.platform.security.ServiceIdentity.bearer}")
@RegisterRestClient(configKey = "pricefeed")
@Path("/api/benchmarks")
public interface PricefeedClient {

    /** A benchmark: the unit and currency its prices are quoted in. */
    record Benchmark(String code, PriceUnit unit, String currency) {
    }

    /** One effective daily quote. */
    record Quote(LocalDate date, BigDecimal price) {
    }

    /** Effective quotes of a range, and the days whose quote is under review (quarantined in pricefeed-service). */
    record History(String benchmark, LocalDate from, LocalDate to, List<Quote> quotes, List<LocalDate> quarantinedDays) {
        /** A pricefeed-service older than this field (during a rolling upgrade) sends none. */
        public History {
            quarantinedDays = quarantinedDays == null ? List.of() : quarantinedDays;
        }
    }

    /** One contract month of a forward curve. */
    record CurvePoint(YearMonth month, BigDecimal price) {
    }

    /** The forward curve in force on a date. */
    record Curve(String benchmark, LocalDate asOf, List<CurvePoint> points) {
    }

    @GET
    @Path("/{code}")
    Benchmark benchmark(@PathParam("code") String benchmark);

    @GET
    @Path("/{code}/curve")
    Curve curve(@PathParam("code") String benchmark, @QueryParam("date") LocalDate date);

    @GET
    @Path("/{code}/quotes")
    History history(@PathParam("code") String benchmark, @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to);
}
