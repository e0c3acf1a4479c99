package io.oiltrading.perfreport.ops;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Authenticated
@Path("/api/ops/health")
@Tag(name = "Operations")
@Produces(MediaType.APPLICATION_JSON)
public class OpsHealthResource {

    @Inject
    ServiceHealth health;

    @GET
    @Operation(summary = "Whole-system health: every service's liveness and readiness, and its pods and warning events in Kubernetes")
    public ServiceHealth.SystemHealth health() {
        return health.check();
    }
}
