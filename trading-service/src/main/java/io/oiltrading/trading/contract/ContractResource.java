package io.oiltrading.trading.contract;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.oiltrading.platform.api.ActingUser;
import io.oiltrading.platform.api.Page;
import io.oiltrading.platform.api.QueryParams;
import io.oiltrading.platform.problem.ProblemException;
import io.oiltrading.platform.security.Roles;
import io.oiltrading.trading.audit.AuditEntry;
import io.oiltrading.trading.audit.AuditResponse;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Physical contracts. Reads carry the optimistic-lock version as an ETag; an amendment must send it back in
 * If-Match (a lifecycle step may), and a stale one is refused with 409.
 */
@Authenticated
@Path("/api/contracts")
@Tag(name = "Contracts")
@Produces(MediaType.APPLICATION_JSON)
public class ContractResource {

    @Inject
    ContractService contracts;

    @Inject
    ActingUser user;

    /** The loading of a cargo. */
    public record DeliveryRequest(@NotNull LocalDate blDate,
                                  @NotNull @Positive @Digits(integer = 11, fraction = 3) BigDecimal blQuantity) {
    }

    /** A corrected B/L date and quantity, and why (the documents that show it). */
    public record DeliveryCorrectionRequest(@NotNull LocalDate blDate,
                                            @NotNull @Positive @Digits(integer = 11, fraction = 3) BigDecimal blQuantity,
                                            @NotBlank @Size(max = 200) String reason) {
    }

    /** Why a contract is cancelled, or a correction rejected. */
    public record CancelRequest(@NotBlank @Size(max = 200) String reason) {
    }

    /** One immutable version of a contract's terms. */
    public record VersionResponse(int version, String createdBy, Instant createdAt, @JsonRawValue String terms) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Capture a contract as DRAFT; a retry with the same Idempotency-Key gets the first answer")
    @RolesAllowed({Roles.TRADER})
    public Response capture(@HeaderParam("Idempotency-Key") @Size(min = 1, max = 100) String idempotencyKey,
                            @Valid @NotNull ContractTerms terms) {
        ContractService.Captured captured = contracts.capture(terms, idempotencyKey, user.name());
        return Response.status(captured.status()).type(MediaType.APPLICATION_JSON).entity(captured.body()).build();
    }

    @GET
    @Operation(summary = "Contracts, filtered and paged, by id")
    public Page<ContractResponse> list(@QueryParam("status") String status,
                                       @QueryParam("product") String product,
                                       @QueryParam("counterparty") String counterparty,
                                       @QueryParam("deliveryMonth") @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])",
                                               message = "a month such as 2026-12") String deliveryMonth,
                                       @QueryParam("trader") String trader,
                                       @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                       @QueryParam("size") @DefaultValue("50") @Min(1) @Max(Page.MAX_SIZE) int size) {
        var filter = new ContractService.Filter(QueryParams.enumValue(ContractStatus.class, status, "status"), product, counterparty,
                deliveryMonth == null ? null : YearMonth.parse(deliveryMonth), trader);
        return contracts.list(filter, page, size).map(ContractResponse::of);
    }

    @GET
    @Path("/expiring")
    @Operation(summary = "Confirmed contracts whose delivery window ends within the horizon (late ones excluded)")
    public List<ContractResponse> expiring(@QueryParam("within") @DefaultValue("24h") String within) {
        return contracts.expiring(Horizon.parse(within, "within")).stream().map(ContractResponse::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One contract, with its version as ETag")
    public Response get(@PathParam("id") Long id) {
        return withTag(contracts.get(id));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Amend a contract: a new immutable version (If-Match required)")
    @RolesAllowed({Roles.TRADER})
    public Response amend(@PathParam("id") Long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @Valid @NotNull ContractTerms terms) {
        Long expected = lockVersion(ifMatch);
        if (expected == null) {
            throw new ProblemException(428, "if-match-required", "An amendment needs the If-Match header with the contract's ETag");
        }
        return withTag(contracts.amend(id, expected, terms, user.name()));
    }

    @GET
    @Path("/{id}/versions")
    @Operation(summary = "Every version of a contract's terms")
    public List<VersionResponse> versions(@PathParam("id") Long id) {
        return contracts.versions(id).stream()
                .map(v -> new VersionResponse(v.versionNo, v.createdBy, v.createdAt, v.terms)).toList();
    }

    @GET
    @Path("/{id}/audit")
    @Operation(summary = "Every change to a contract: who, when, what, before and after")
    public List<AuditResponse> audit(@PathParam("id") Long id) {
        contracts.get(id);
        return AuditEntry.of(ContractService.AUDIT_TYPE, id).stream().map(AuditResponse::of).toList();
    }

    @POST
    @Path("/{id}/submit")
    @Operation(summary = "DRAFT → PENDING_APPROVAL")
    @RolesAllowed({Roles.TRADER})
    public Response submit(@PathParam("id") Long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withTag(contracts.submit(id, lockVersion(ifMatch), user.name()));
    }

    @POST
    @Path("/{id}/confirm")
    @Operation(summary = "PENDING_APPROVAL → CONFIRMED, by someone other than the creator and the terms' author")
    @RolesAllowed({Roles.TRADER, Roles.RISK_MANAGER, Roles.ADMIN})
    public Response confirm(@PathParam("id") Long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withTag(contracts.confirm(id, lockVersion(ifMatch), user.name()));
    }

    @POST
    @Path("/{id}/deliver")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "CONFIRMED → DELIVERED, with B/L date and quantity")
    @RolesAllowed({Roles.OPERATIONS})
    public Response deliver(@PathParam("id") Long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @Valid @NotNull DeliveryRequest request) {
        return withTag(contracts.deliver(id, lockVersion(ifMatch), request.blDate(), request.blQuantity(), user.name()));
    }

    @POST
    @Path("/{id}/delivery-correction")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Propose a correction of a DELIVERED contract's B/L date and quantity; another operator applies it")
    @RolesAllowed({Roles.OPERATIONS})
    public Response proposeDeliveryCorrection(@PathParam("id") Long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                              @Valid @NotNull DeliveryCorrectionRequest request) {
        return withTag(contracts.proposeDeliveryCorrection(id, lockVersion(ifMatch), request.blDate(), request.blQuantity(),
                request.reason(), user.name()));
    }

    @POST
    @Path("/{id}/delivery-correction/apply")
    @Operation(summary = "Apply the pending B/L correction, by an operator other than its proposer")
    @RolesAllowed({Roles.OPERATIONS})
    public Response applyDeliveryCorrection(@PathParam("id") Long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withTag(contracts.applyDeliveryCorrection(id, lockVersion(ifMatch), user.name()));
    }

    @POST
    @Path("/{id}/delivery-correction/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reject the pending B/L correction, with a reason")
    @RolesAllowed({Roles.OPERATIONS})
    public Response rejectDeliveryCorrection(@PathParam("id") Long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                             @Valid @NotNull CancelRequest request) {
        return withTag(contracts.rejectDeliveryCorrection(id, lockVersion(ifMatch), request.reason(), user.name()));
    }

    @POST
    @Path("/{id}/settle")
    @Operation(summary = "DELIVERED → SETTLED")
    @RolesAllowed({Roles.OPERATIONS})
    public Response settle(@PathParam("id") Long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withTag(contracts.settle(id, lockVersion(ifMatch), user.name()));
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cancel a contract that is not yet delivered, with a reason")
    @RolesAllowed({Roles.TRADER})
    public Response cancel(@PathParam("id") Long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull CancelRequest request) {
        return withTag(contracts.cancel(id, lockVersion(ifMatch), request.reason(), user.name()));
    }

    private static Response withTag(PhysicalContract c) {
        return Response.ok(ContractResponse.of(c)).tag(new EntityTag(Long.toString(c.lockVersion))).build();
    }

    /** The lock version in an If-Match header ({@code "3"} or {@code 3}); null when there is none. */
    public static Long lockVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
        if (!value.matches("\\d{1,18}")) {
            throw ProblemException.invalid("If-Match", "the ETag of the contract, such as \"3\"");
        }
        return Long.parseLong(value);
    }
}
