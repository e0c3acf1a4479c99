package io.oiltrading.settlement.client;

import io.oiltrading.settlement.pricing.PriceUnit;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** What settlement-service reads from pricefeed-service. */
// Every call carries this service's own identity (docs/access-control.md, "Service identity").
@ClientHeaderParam(name = "Authorization", value = "{io.oiltrading.platform.security.ServiceIdentity.bearer}")
@RegisterRestClient(configKey = "pricefeed")
@Path("/api/benchmarks")
public interface PricefeedClient {

    record Benchmark(String code, PriceUnit unit, String currency) {
    }

    /** One effective daily quote; {@code version} tells a corrected quote from the first publication. */
    record Quote(LocalDate date, BigDecimal price, int version) {
    }

    /**
     * Effective quotes of a range, the weekdays of the range that are not holidays of the benchmark and have no
     * quote (days not published yet, or not published at all), and the days whose quote is under review
     * (quarantined in pricefeed-service, with or without an earlier version in force).
     */
    record History(String benchmark, LocalDate from, LocalDate to, List<Quote> quotes,
                   List<LocalDate> missingPublicationDays, List<LocalDate> quarantinedDays) {
        /** A pricefeed-service older than this field (during a rolling upgrade) sends none. */
        public History {
            quarantinedDays = quarantinedDays == null ? List.of() : quarantinedDays;
        }
    }

    @GET
    @Path("/{code}")
    Benchmark benchmark(@PathParam("code") String code);

    @GET
    @Path("/{code}/quotes/latest")
    Quote latest(@PathParam("code") String code);

    @GET
    @Path("/{code}/quotes")
    History history(@PathParam("code") String code, @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to);
}
