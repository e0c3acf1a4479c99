package io.oiltrading.trading.position;

import io.oiltrading.platform.api.ActingUser;
import io.oiltrading.platform.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Authenticated
@Path("/api/positions")
@Tag(name = "Positions")
@Produces(MediaType.APPLICATION_JSON)
public class PositionResource {

    @Inject
    PositionService positions;

    @Inject
    ActingUser user;

    /** A product's position limit in barrels (net, long or short). */
    public record LimitRequest(@NotNull @DecimalMin(value = "0", inclusive = false)
                               @Digits(integer = 13, fraction = 3) BigDecimal maxNetBbl) {
    }

    @GET
    @Operation(summary = "Net barrels by product and delivery month, physical and paper netted")
    public List<PositionService.Position> positions(@QueryParam("product") String product) {
        return positions.positions(product);
    }

    @GET
    @Path("/limits")
    @Operation(summary = "Position limits with utilization (|net| / limit) and breaches")
    public List<PositionService.LimitUtilization> limits() {
        return positions.limits();
    }

    @PUT
    @Path("/limits/{product}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a product's position limit")
    @RolesAllowed({Roles.RISK_MANAGER})
    public PositionService.LimitUtilization setLimit(@PathParam("product") String product,
                                                     @Valid @NotNull LimitRequest request) {
        return positions.setLimit(product, request.maxNetBbl(), user.name());
    }
}
