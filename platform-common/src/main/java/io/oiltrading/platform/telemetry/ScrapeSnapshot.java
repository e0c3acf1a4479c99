package io.oiltrading.platform.telemetry;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Business figures that gauges read at scrape time: read from the database in a transaction of their own at most
 * once per time-to-live, shared by every gauge of the scrape. Empty when the database could not be read, so a
 * gauge reports NaN rather than a stale figure.
 *
 * <p>A scrape never waits on the database for more than {@link #MAX_WAIT}: the read runs on a thread of its own,
 * one at a time, and a scrape that would wait longer (the database is slow to answer, gone, or a lock holds the
 * query) gets the figures of the last read, which are empty if that read failed. Prometheus so keeps every
 * other metric of the service, the database probe's among them, within its scrape timeout. Only the first read
 * (the services make it at start, to register their gauges) is waited for until it ends.
 */
public final class ScrapeSnapshot<T> {

    static final Duration MAX_WAIT = Duration.ofMillis(500);

    private static final Logger LOG = Logger.getLogger(ScrapeSnapshot.class);

    private final Duration ttl;
    private final Clock clock;
    private final Supplier<T> reader;
    private final Executor executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "scrape-snapshot");
        thread.setDaemon(true);
        return thread;
    });
    private Instant readAt;
    private Optional<T> value = Optional.empty();
    private boolean readOnce;
    private CompletableFuture<Optional<T>> reading;
    /** The read a scrape already gave up on: the other gauges of that scrape do not wait for it again. */
    private CompletableFuture<Optional<T>> givenUp;

    public ScrapeSnapshot(Duration ttl, Clock clock, Supplier<T> reader) {
        this.ttl = ttl;
        this.clock = clock;
        this.reader = reader;
    }

    public Optional<T> current() {
        CompletableFuture<Optional<T>> read;
        boolean bounded;
        synchronized (this) {
            Instant now = clock.instant();
            if (reading == null && (readAt == null || Duration.between(readAt, now).compareTo(ttl) >= 0)) {
                readAt = now;
                reading = CompletableFuture.supplyAsync(this::read, executor);
                reading.thenAccept(this::readDone);
            }
            if (reading == null || reading == givenUp) {
                return value;
            }
            read = reading;
            bounded = readOnce;
        }
        try {
            return bounded ? read.get(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS) : read.get();
        } catch (TimeoutException e) {
            synchronized (this) {
                givenUp = read;
                return value;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        }
    }

    /** Forget the figures so that the next read sees a change that just committed. */
    public synchronized void invalidate() {
        readAt = null;
    }

    private Optional<T> read() {
        try {
            return Optional.of(QuarkusTransaction.requiringNew().call(reader::get));
        } catch (RuntimeException e) {
            LOG.warnf("Business metrics could not be read, they show NaN until the next read: %s", e.toString());
            return Optional.empty();
        }
    }

    private synchronized void readDone(Optional<T> figures) {
        value = figures;
        readOnce = true;
        reading = null;
    }
}
