package io.oiltrading.risk.stress;

import io.oiltrading.platform.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** User-defined stress scenarios; every risk calculation applies them next to the built-in ones. */
@Authenticated
@Path("/api/risk/scenarios")
@Tag(name = "Stress scenarios")
@Produces(MediaType.APPLICATION_JSON)
public class StressScenarioResource {

    @Inject
    StressScenarios scenarios;

    /** A scenario: a shock per factor (benchmark code), in USD/bbl or percent (−1000 to +1000). */
    public record ScenarioRequest(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9_.-]{2,60}", message = "2 to 60 letters, digits, _ . or -") String name,
            @NotBlank @Size(max = 200) String description,
            @NotNull StressScenario.ShockType shockType,
            @NotEmpty @Size(max = 50) Map<@Pattern(regexp = "[A-Z0-9_]{2,20}") String,
                    @NotNull @DecimalMin("-1000") @DecimalMax("1000") BigDecimal> shocks) {
    }

    @GET
    @Operation(summary = "User-defined stress scenarios")
    public List<StressScenarios.Scenario> list() {
        return scenarios.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a stress scenario; its name must be new")
    @RolesAllowed({Roles.RISK_MANAGER})
    public Response create(@Valid @NotNull ScenarioRequest r) {
        var created = scenarios.create(new StressScenarios.Scenario(r.name(), r.description(), r.shockType(), r.shocks()));
        return Response.status(Response.Status.CREATED).entity(created).build();
    }
}
