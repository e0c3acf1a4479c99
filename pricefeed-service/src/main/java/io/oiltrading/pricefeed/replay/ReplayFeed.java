package io.oiltrading.pricefeed.replay;

import io.oiltrading.pricefeed.config.PricefeedConfig;
import io.oiltrading.pricefeed.quote.CsvQuotes;
import io.oiltrading.pricefeed.quote.IncomingQuote;
import io.oiltrading.pricefeed.quote.QuoteIngestor;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Plays historical daily series forward as if they were live: each step publishes every series' next trading
 * day through the same ingestion (and validation) as any other source, with source REPLAY. The same start date
 * and files always give the same quotes in the same order.
 */
@ApplicationScoped
public class ReplayFeed {

    private static final Logger LOG = Logger.getLogger(ReplayFeed.class);

    @Inject
    PricefeedConfig config;

    @Inject
    QuoteIngestor ingestor;

    private final AtomicBoolean paused = new AtomicBoolean();
    private final Map<String, NavigableMap<LocalDate, IncomingQuote>> series = new ConcurrentHashMap<>();

    /** One quote the feed published, and what validation made of it. */
    public record Published(String benchmark, LocalDate date, java.math.BigDecimal price, QuoteIngestor.Outcome outcome) {
    }

    /** Where the feed stands. */
    public record Status(boolean enabled, boolean paused, String interval, LocalDate startDate,
                         Map<String, LocalDate> nextDates) {
    }

    @Scheduled(every = "${pricefeed.replay.interval:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onSchedule() {
        if (config.replay().enabled() && !paused.get()) {
            step();
        }
    }

    /** Publishes the next trading day of every series. */
    public synchronized List<Published> step() {
        List<Published> published = new ArrayList<>();
        for (String code : new TreeMap<>(config.replay().series()).keySet()) {
            Published p = advance(code);
            if (p != null) {
                published.add(p);
            }
        }
        return published;
    }

    @Transactional
    Published advance(String code) {
        NavigableMap<LocalDate, IncomingQuote> days = series(code);
        ReplayPosition position = ReplayPosition.findById(code);
        if (position == null) {
            position = new ReplayPosition();
            position.benchmarkCode = code;
            position.nextDate = config.replay().startDate();
            position.persist();
            if (config.replay().backfill()) {
                List<IncomingQuote> history = new ArrayList<>(days.headMap(position.nextDate, false).values());
                ingestor.ingest(code, history, "EIA", false);
            }
        }
        var next = days.ceilingEntry(position.nextDate);
        if (next == null) {
            return null;
        }
        QuoteIngestor.Result result = ingestor.ingest(code, List.of(next.getValue()), "REPLAY", true);
        position.nextDate = next.getKey().plusDays(1);
        return new Published(code, next.getKey(), next.getValue().price(), result.items().get(0).outcome());
    }

    public void pause() {
        paused.set(true);
        LOG.info("Replay feed paused");
    }

    public void resume() {
        paused.set(false);
        LOG.info("Replay feed resumed");
    }

    public Status status() {
        Map<String, LocalDate> next = new TreeMap<>();
        for (String code : config.replay().series().keySet()) {
            ReplayPosition p = ReplayPosition.findById(code);
            next.put(code, p == null ? config.replay().startDate() : p.nextDate);
        }
        return new Status(config.replay().enabled(), paused.get(), config.replay().interval().toString(),
                config.replay().startDate(), next);
    }

    private NavigableMap<LocalDate, IncomingQuote> series(String code) {
        return series.computeIfAbsent(code, c -> {
            String resource = config.replay().series().get(c);
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("replay series " + resource + " is not on the classpath");
                }
                NavigableMap<LocalDate, IncomingQuote> days = new TreeMap<>();
                for (IncomingQuote q : CsvQuotes.parse(new InputStreamReader(in, StandardCharsets.UTF_8)).quotes()) {
                    days.put(q.date(), q);
                }
                return days;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
