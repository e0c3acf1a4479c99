package io.oiltrading.platform.telemetry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Checks the service's own database every {@value #INTERVAL_SECONDS} s, for the database alerts:
 * {@code oil_trading_database_up} (1 answered, 0 did not) and
 * {@code oil_trading_database_connection_failures_total}. A background thread, so that a scrape never waits for a
 * dead database.
 */
@ApplicationScoped
public class DatabaseProbe {

    static final int INTERVAL_SECONDS = 15;
    static final int VALIDATION_TIMEOUT_SECONDS = 2;
    private static final Logger LOG = Logger.getLogger(DatabaseProbe.class);

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry registry;

    private final AtomicInteger up = new AtomicInteger();
    private Counter failures;
    private ScheduledExecutorService executor;

    void onStart(@Observes StartupEvent event) {
        // A strong reference: the gauge must not depend on the garbage collector's view of this bean.
        Gauge.builder("oil_trading.database.up", up, AtomicInteger::get).strongReference(true)
                .description("Whether the service's own database answered its last check").register(registry);
        failures = Counter.builder("oil_trading.database.connection.failures")
                .description("Checks of the service's own database that failed").register(registry);
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "database-probe");
            t.setDaemon(true);
            return t;
        });
        // The first check runs at startup, when migrations have just reached the database, so that the gauge
        // has a value from the first scrape on.
        probe();
        executor.scheduleWithFixedDelay(this::probe, INTERVAL_SECONDS, INTERVAL_SECONDS, TimeUnit.SECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    void probe() {
        boolean ok;
        try (Connection c = dataSource.getConnection()) {
            ok = c.isValid(VALIDATION_TIMEOUT_SECONDS);
        } catch (SQLException | RuntimeException e) {
            ok = false;
            LOG.debugf("Database check failed: %s", e.toString());
        }
        if (!ok) {
            failures.increment();
        }
        up.set(ok ? 1 : 0);
    }
}
