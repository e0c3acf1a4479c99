package io.oiltrading.trading.paper;

import static io.oiltrading.trading.contract.ContractResource.lockVersion;

import io.oiltrading.platform.api.ActingUser;
import io.oiltrading.platform.security.Roles;
import io.oiltrading.trading.audit.AuditEntry;
import io.oiltrading.trading.audit.AuditResponse;
import io.oiltrading.trading.contract.ContractResource.CancelRequest;
import io.oiltrading.trading.contract.ContractStatus;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Authenticated
@Path("/api/paper-trades")
@Tag(name = "Paper trades")
@Produces(MediaType.APPLICATION_JSON)
public class PaperTradeResource {

    @Inject
    PaperTradeService trades;

    @Inject
    ActingUser user;

    @GET
    @Operation(summary = "All paper trades, by id")
    public List<PaperTradeResponse> list() {
        return trades.list().stream().map(PaperTradeResponse::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One paper trade")
    public PaperTradeResponse get(@PathParam("id") Long id) {
        return PaperTradeResponse.of(trades.get(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Capture a future or a swap as DRAFT")
    @RolesAllowed({Roles.TRADER})
    public Response create(@Valid @NotNull PaperTradeRequest request) {
        PaperTrade t = trades.create(request, user.name());
        return Response.created(URI.create("/api/paper-trades/" + t.id)).entity(PaperTradeResponse.of(t)).build();
    }

    @POST
    @Path("/{id}/submit")
    @Operation(summary = "DRAFT → PENDING_APPROVAL")
    @RolesAllowed({Roles.TRADER})
    public PaperTradeResponse submit(@PathParam("id") Long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return PaperTradeResponse.of(trades.move(id, lockVersion(ifMatch), ContractStatus.PENDING_APPROVAL, null, user.name()));
    }

    @POST
    @Path("/{id}/confirm")
    @Operation(summary = "PENDING_APPROVAL → CONFIRMED, by someone other than the creator")
    @RolesAllowed({Roles.TRADER, Roles.RISK_MANAGER, Roles.ADMIN})
    public PaperTradeResponse confirm(@PathParam("id") Long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return PaperTradeResponse.of(trades.move(id, lockVersion(ifMatch), ContractStatus.CONFIRMED, null, user.name()));
    }

    @POST
    @Path("/{id}/settle")
    @Operation(summary = "CONFIRMED → SETTLED (expiry or final swap fixing)")
    @RolesAllowed({Roles.OPERATIONS})
    public PaperTradeResponse settle(@PathParam("id") Long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return PaperTradeResponse.of(trades.move(id, lockVersion(ifMatch), ContractStatus.SETTLED, null, user.name()));
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cancel a trade that is not settled, with a reason")
    @RolesAllowed({Roles.TRADER})
    public PaperTradeResponse cancel(@PathParam("id") Long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                     @Valid @NotNull CancelRequest request) {
        return PaperTradeResponse.of(trades.move(id, lockVersion(ifMatch), ContractStatus.CANCELLED, request.reason(),
                user.name()));
    }

    @GET
    @Path("/{id}/audit")
    @Operation(summary = "Every change to a paper trade")
    public List<AuditResponse> audit(@PathParam("id") Long id) {
        trades.get(id);
        return AuditEntry.of(PaperTradeService.AUDIT_TYPE, id).stream().map(AuditResponse::of).toList();
    }
}
