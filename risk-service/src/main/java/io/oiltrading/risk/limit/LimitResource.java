package io.oiltrading.risk.limit;

import io.oiltrading.platform.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
@Path("/api/risk/limits")
@Tag(name = "Risk limits")
@Produces(MediaType.APPLICATION_JSON)
public class LimitResource {

    @Inject
    LimitService limits;

    @GET
    @Operation(summary = "All risk limits, by name")
    public List<LimitResponse> list() {
        return limits.list().stream().map(LimitResponse::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a limit; its name must be new")
    @RolesAllowed({Roles.RISK_MANAGER})
    public Response create(@Valid @NotNull LimitRequest request) {
        RiskLimit limit = limits.create(request);
        return Response.created(URI.create("/api/risk/limits/" + limit.name)).entity(LimitResponse.of(limit)).build();
    }

    @PUT
    @Path("/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a limit")
    @RolesAllowed({Roles.RISK_MANAGER})
    public LimitResponse update(@PathParam("name") String name, @Valid @NotNull LimitRequest request) {
        return LimitResponse.of(limits.update(name, request));
    }
}
