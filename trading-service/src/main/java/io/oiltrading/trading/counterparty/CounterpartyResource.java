package io.oiltrading.trading.counterparty;

import io.oiltrading.platform.api.ActingUser;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Authenticated
@Path("/api/counterparties")
@Tag(name = "Counterparties")
@Produces(MediaType.APPLICATION_JSON)
public class CounterpartyResource {

    @Inject
    CounterpartyService counterparties;

    @Inject
    ActingUser user;

    /** Why a counterparty is blocked. */
    public record BlockRequest(@NotBlank @Size(max = 200) String reason) {
    }

    @GET
    @Operation(summary = "All counterparties, by code")
    public List<CounterpartyResponse> list() {
        return counterparties.list().stream().map(CounterpartyResponse::of).toList();
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One counterparty")
    public CounterpartyResponse get(@PathParam("code") String code) {
        return CounterpartyResponse.of(counterparties.get(code));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a counterparty; its code must be new")
    @RolesAllowed({Roles.ADMIN})
    public Response create(@Valid @NotNull CounterpartyRequest request) {
        Counterparty c = counterparties.create(request, user.name());
        return Response.created(URI.create("/api/counterparties/" + c.code)).entity(CounterpartyResponse.of(c)).build();
    }

    @POST
    @Path("/{code}/block")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Block a counterparty: no new contracts with it")
    @RolesAllowed({Roles.ADMIN, Roles.RISK_MANAGER})
    public CounterpartyResponse block(@PathParam("code") String code, @Valid @NotNull BlockRequest request) {
        return CounterpartyResponse.of(counterparties.setBlocked(code, true, request.reason(), user.name()));
    }

    @POST
    @Path("/{code}/unblock")
    @Operation(summary = "Unblock a counterparty")
    @RolesAllowed({Roles.ADMIN, Roles.RISK_MANAGER})
    public CounterpartyResponse unblock(@PathParam("code") String code) {
        return CounterpartyResponse.of(counterparties.setBlocked(code, false, null, user.name()));
    }
}
