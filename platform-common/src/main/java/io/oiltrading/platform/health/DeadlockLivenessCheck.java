package io.oiltrading.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness: the process is alive unless its threads are deadlocked, the one state a restart cures.
 * Cheap and self-only: it never touches the database or another service.
 */
@Liveness
@ApplicationScoped
public class DeadlockLivenessCheck implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        long[] deadlocked = ManagementFactory.getThreadMXBean().findDeadlockedThreads();
        if (deadlocked == null) {
            return HealthCheckResponse.up("Thread deadlocks");
        }
        return HealthCheckResponse.named("Thread deadlocks").down()
                .withData("error", deadlocked.length + " threads are deadlocked").build();
    }
}
