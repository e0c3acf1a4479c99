package io.oiltrading.settlement.client;

import io.oiltrading.settlement.pricing.MissingQuoteRule;
import io.oiltrading.settlement.pricing.PriceUnit;
import io.oiltrading.settlement.pricing.WindowRule;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** What settlement-service reads from trading-service. The DTOs are settlement's own; tests run the real service. */
// Every call carries this service's own identity (docs/access-control.md, "Service identity").
@ClientHeaderParam(name = "Authorization", value = "{io.oiltrading.platform.security.ServiceIdentity.bearer}")
@RegisterRestClient(configKey = "trading")
@Path("/api")
public interface TradingClient {

    record Pricing(String type, BigDecimal fixedPrice, PriceUnit priceUnit, String benchmark, WindowRule windowRule,
                   Integer windowQuotes, MissingQuoteRule missingQuoteRule, BigDecimal premium, PriceUnit premiumUnit) {
    }

    /** Payment is due {@code days} calendar or business days after the event (BL, NOR, DELIVERY). */
    record PaymentTerms(String event, int days, String dayType) {
    }

    record Contract(long id, String status, int version, String direction, String product, String counterparty,
                    BigDecimal quantity, String quantityUnit, BigDecimal tolerancePercent, Pricing pricing,
                    PaymentTerms paymentTerms, String book, LocalDate blDate, BigDecimal blQuantity) {
    }

    record ContractPage(List<Contract> items, int page, int size, long total) {
    }

    /** A product and its own barrels-per-tonne factor (from its density or API gravity). */
    record Product(String code, BigDecimal barrelsPerTonne) {
    }

    @GET
    @Path("/contracts")
    ContractPage contracts(@QueryParam("status") String status, @QueryParam("page") int page,
                           @QueryParam("size") int size);

    @GET
    @Path("/contracts/{id}")
    Contract contract(@PathParam("id") long id);

    @GET
    @Path("/products/{code}")
    Product product(@PathParam("code") String code);
}
