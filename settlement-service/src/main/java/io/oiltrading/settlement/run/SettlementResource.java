package io.oiltrading.settlement.run;

import io.oiltrading.platform.api.Page;
import io.oiltrading.platform.problem.ProblemException;
import io.oiltrading.platform.security.Roles;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Authenticated
@Path("/api/settlement")
@Produces(MediaType.APPLICATION_JSON)
public class SettlementResource {

    @Inject
    SettlementRunner runner;

    /** Settle one contract only, or every delivered contract when contractId is absent. */
    public record RunRequest(@Min(1) Long contractId) {
    }

    @POST
    @Path("/runs")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Run settlement now over every delivered contract (or one); running it again issues nothing twice")
    @RolesAllowed({Roles.OPERATIONS})
    public Response run(@Valid RunRequest request) {
        SettlementRun run = runner.run("ON_DEMAND", request == null ? null : request.contractId());
        return Response.created(URI.create("/api/settlement/runs/" + run.id)).entity(run).build();
    }

    @GET
    @Path("/runs")
    @Operation(summary = "Settlement runs, newest first")
    @Transactional
    public Page<SettlementRun> runs(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                    @QueryParam("size") @DefaultValue("50") @Min(1) @Max(Page.MAX_SIZE) int size) {
        var all = SettlementRun.<SettlementRun>findAll(Sort.descending("id"));
        return new Page<>(all.page(page, size).list(), page, size, all.count());
    }

    @GET
    @Path("/runs/{id}")
    @Transactional
    public SettlementRun run(@PathParam("id") long id) {
        return SettlementRun.<SettlementRun>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Settlement run", id));
    }

    @GET
    @Path("/failures")
    @Operation(summary = "Settlement failures with their reason and attempts; open ones only unless open=false")
    @Transactional
    public List<SettlementFailure> failures(@QueryParam("open") @DefaultValue("true") boolean open) {
        return open ? SettlementFailure.list("resolvedAt is null", Sort.by("id"))
                : SettlementFailure.listAll(Sort.descending("id"));
    }

    @GET
    @Path("/contracts/{id}/pricing")
    @Operation(summary = "How a delivered contract prices now: its window, quotes, estimates and value; nothing is issued")
    public PricedContract pricing(@PathParam("id") @Min(1) long id) {
        return runner.preview(id);
    }
}
