package io.oiltrading.settlement.invoice;

import io.oiltrading.platform.api.ActingUser;
import io.oiltrading.platform.api.Page;
import io.oiltrading.platform.api.QueryParams;
import io.oiltrading.platform.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Authenticated
@Path("/api/invoices")
@Produces(MediaType.APPLICATION_JSON)
public class InvoiceResource {

    @Inject
    InvoiceService invoices;

    @Inject
    ActingUser user;

    @GET
    @Operation(summary = "Invoices, filtered by contract, type (PROVISIONAL, FINAL, DIFFERENCE) and status (ISSUED, PARTIALLY_PAID, PAID), paged")
    public Page<InvoiceView> list(@QueryParam("contractId") @Min(1) Long contractId,
                                  @QueryParam("type") String type,
                                  @QueryParam("status") String status,
                                  @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                  @QueryParam("size") @DefaultValue("50") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return invoices.list(new InvoiceService.Filter(contractId, QueryParams.enumValue(InvoiceType.class, type, "type"),
                QueryParams.enumValue(InvoiceStatus.class, status, "status")), page, size);
    }

    @GET
    @Path("/overdue")
    @Operation(summary = "Invoices past their due date with an amount outstanding, oldest due first; owedBy=COUNTERPARTY"
            + " gives the overdue receivables, owedBy=US what the desk is late paying (credits included)")
    public List<InvoiceView> overdue(@QueryParam("owedBy") String owedBy) {
        return invoices.overdue(QueryParams.enumValue(OwedBy.class, owedBy, "owedBy"));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One invoice with the quotes it was priced on and its payments")
    public InvoiceDetail get(@PathParam("id") long id) {
        return invoices.detail(id);
    }

    @GET
    @Path("/{id}/pdf")
    @Produces("application/pdf")
    @Operation(summary = "The invoice as a PDF document")
    public Response pdf(@PathParam("id") long id) {
        InvoiceDetail detail = invoices.detail(id);
        return Response.ok(InvoicePdf.render(detail), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + detail.invoice().number() + ".pdf\"").build();
    }

    @POST
    @Path("/{id}/payments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a payment against the invoice; more than the outstanding amount is refused")
    @RolesAllowed({Roles.OPERATIONS})
    public Response pay(@PathParam("id") long id, @Valid @NotNull PaymentRequest request) {
        return Response.status(Response.Status.CREATED).entity(invoices.pay(id, request, user.name())).build();
    }
}
