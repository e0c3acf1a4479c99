package io.oiltrading.pricefeed.quote;

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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Quotes held back by validation, and the operator's decisions on them. */
@Authenticated
@Path("/api/quotes")
@Tag(name = "Quarantine")
@Produces(MediaType.APPLICATION_JSON)
public class QuarantineResource {

    @Inject
    QuoteService quotes;

    @Inject
    ActingUser user;

    /** Why the operator decided so. */
    public record Decision(@NotBlank @Size(max = 200) String reason) {
    }

    @GET
    @Path("/quarantine")
    @Operation(summary = "Quarantined quotes waiting for a decision, with the reason each was held")
    public List<QuoteView> quarantined() {
        return quotes.quarantined().stream().map(QuoteView::of).toList();
    }

    @POST
    @Path("/{id}/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Accept a quarantined quote: it becomes the day's effective quote")
    @RolesAllowed({Roles.PRICE_ADMIN})
    public QuoteView accept(@PathParam("id") Long id, @Valid @NotNull Decision decision) {
        return QuoteView.of(quotes.decide(id, true, decision.reason(), user.name()));
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reject a quarantined quote: it stays in the history, never effective")
    @RolesAllowed({Roles.PRICE_ADMIN})
    public QuoteView reject(@PathParam("id") Long id, @Valid @NotNull Decision decision) {
        return QuoteView.of(quotes.decide(id, false, decision.reason(), user.name()));
    }
}
