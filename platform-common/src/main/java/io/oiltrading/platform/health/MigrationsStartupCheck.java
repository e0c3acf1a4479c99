package io.oiltrading.platform.health;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * Started once the schema migrations have run (Flyway migrates before the StartupEvent) and none is pending.
 * Evaluated once at startup, so a later database outage shows in readiness, not here.
 */
@Startup
@ApplicationScoped
public class MigrationsStartupCheck implements HealthCheck {

    @Inject
    Flyway flyway;

    private volatile HealthCheckResponse result = HealthCheckResponse.named("Schema migrations")
            .down().withData("error", "the service is still starting").build();

    void onStart(@Observes StartupEvent event) {
        try {
            int pending = flyway.info().pending().length;
            MigrationInfo current = flyway.info().current();
            var response = HealthCheckResponse.named("Schema migrations")
                    .withData("schemaVersion", current == null ? "none" : current.getVersion().toString())
                    .withData("pending", pending);
            result = pending == 0 ? response.up().build()
                    : response.down().withData("error", pending + " migrations are pending").build();
        } catch (RuntimeException e) {
            result = HealthCheckResponse.named("Schema migrations").down()
                    .withData("error", "migration state could not be read: " + e.getClass().getSimpleName()).build();
        }
    }

    @Override
    public HealthCheckResponse call() {
        return result;
    }
}
