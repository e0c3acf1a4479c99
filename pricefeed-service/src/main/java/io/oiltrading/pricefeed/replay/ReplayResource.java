package io.oiltrading.pricefeed.replay;

import io.oiltrading.platform.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Authenticated
@Path("/api/replay")
@Tag(name = "Replay feed")
@Produces(MediaType.APPLICATION_JSON)
public class ReplayResource {

    @Inject
    ReplayFeed feed;

    @GET
    @Operation(summary = "Whether the replay feed runs, and the next day it publishes per benchmark")
    public ReplayFeed.Status status() {
        return feed.status();
    }

    @POST
    @Path("/pause")
    @Operation(summary = "Stop publishing (prices go stale, as with a real feed outage)")
    @RolesAllowed({Roles.PRICE_ADMIN})
    public ReplayFeed.Status pause() {
        feed.pause();
        return feed.status();
    }

    @POST
    @Path("/resume")
    @Operation(summary = "Publish again from where the feed stopped")
    @RolesAllowed({Roles.PRICE_ADMIN})
    public ReplayFeed.Status resume() {
        feed.resume();
        return feed.status();
    }

    @POST
    @Path("/step")
    @Operation(summary = "Publish the next trading day of every series now")
    @RolesAllowed({Roles.PRICE_ADMIN})
    public List<ReplayFeed.Published> step() {
        return feed.step();
    }
}
