package io.oiltrading.platform.telemetry;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Business figures that gauges read at scrape time: read from the database in a transaction of their own at most
 * once per time-to-live, shared by every gauge of the scrape. Empty when the database could not be read, so a
 * gauge reports NaN rather than a stale figure.
 */
public final class ScrapeSnapshot<T> {

    private static final Logger LOG = Logger.getLogger(ScrapeSnapshot.class);

    private final Duration ttl;
    private final Clock clock;
    private final Supplier<T> reader;
    private Instant readAt;
    private Optional<T> value = Optional.empty();

    public ScrapeSnapshot(Duration ttl, Clock clock, Supplier<T> reader) {
        this.ttl = ttl;
        this.clock = clock;
        this.reader = reader;
    }

    public synchronized Optional<T> current() {
        Instant now = clock.instant();
        if (readAt == null || Duration.between(readAt, now).compareTo(ttl) >= 0) {
            try {
                value = Optional.of(QuarkusTransaction.requiringNew().call(reader::get));
            } catch (RuntimeException e) {
                LOG.warnf("Business metrics could not be read, they show NaN until the next read: %s", e.toString());
                value = Optional.empty();
            }
            readAt = now;
        }
        return value;
    }

    /** Forget the figures so that the next read sees a change that just committed. */
    public synchronized void invalidate() {
        readAt = null;
    }
}
