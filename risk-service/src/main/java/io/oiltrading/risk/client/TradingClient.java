package io.oiltrading.risk.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** What risk-service reads from trading-service. The DTOs are risk's own; a contract test keeps them honest. */
// Every call carries this service's own identity (docs/access-control.md, "Service identity").
@ClientHeaderParam(name = "Authorization", value = "{io.oiltrading.platform.security.ServiceIdentity.bearer}")
@RegisterRestClient(configKey = "trading")
@Path("/api")
public interface TradingClient {

    /** Net barrels of one product in one delivery month. */
    record Position(String product, YearMonth deliveryMonth, BigDecimal physicalBbl, BigDecimal paperBbl,
                    BigDecimal netBbl) {
    }

    /** A product and its own barrels per tonne (from its density at 15 °C or API gravity). */
    record Product(String code, BigDecimal barrelsPerTonne) {
    }

    @GET
    @Path("/positions")
    List<Position> positions();

    @GET
    @Path("/products")
    List<Product> products();
}
