package io.oiltrading.platform.telemetry;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.hibernate.SessionEventListener;

/**
 * Times every JDBC statement and batch Hibernate executes, waits for locks included, as the histogram
 * {@code oil_trading_database_query_seconds}: OilTradingSlowDatabaseQueries reads its P95 over a window.
 * Hibernate's own statistics only export the slowest query since start, which never goes down.
 *
 * <p>Hibernate makes one instance per session ({@code hibernate.session.events.auto}), outside CDI, so the
 * timer is handed over in a static field by {@link Registration}, which registers it at startup (so the series
 * exist before the first query).
 */
@RegisterForReflection
public class DatabaseQueryTimer implements SessionEventListener {

    /** Upper bounds of the buckets in milliseconds; 1 s is the alert's threshold. */
    static final long[] BUCKETS_MS = {1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000};

    private static volatile Timer queries;

    private long started;

    @Override
    public void jdbcExecuteStatementStart() {
        started = System.nanoTime();
    }

    @Override
    public void jdbcExecuteStatementEnd() {
        Timer timer = queries;
        if (timer != null) {
            timer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void jdbcExecuteBatchStart() {
        jdbcExecuteStatementStart();
    }

    @Override
    public void jdbcExecuteBatchEnd() {
        jdbcExecuteStatementEnd();
    }

    /** Registers the timer in the service's registry when the application starts. */
    @Startup
    @Singleton
    static class Registration {

        @Inject
        MeterRegistry registry;

        @PostConstruct
        void register() {
            queries = Timer.builder("oil_trading_database_query")
                    .description("Time of the JDBC statements and batches the service executes, waits for locks included")
                    .serviceLevelObjectives(Arrays.stream(BUCKETS_MS).mapToObj(Duration::ofMillis).toArray(Duration[]::new))
                    .register(registry);
        }
    }
}
