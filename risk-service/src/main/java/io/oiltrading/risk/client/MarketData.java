package io.oiltrading.risk.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The calls to trading-service and pricefeed-service, each with a timeout, retries and a circuit breaker. A
 * dependency that does not answer surfaces as {@link io.oiltrading.platform.problem.DependencyUnavailable}, naming it; never as an empty book.
 */
@ApplicationScoped
public class MarketData {

    @Inject
    @RestClient
    TradingClient trading;

    @Inject
    @RestClient
    PricefeedClient pricefeed;

    @Timeout(value = 4, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, abortOn = WebApplicationException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    public List<TradingClient.Position> positions() {
        return trading.positions();
    }

    /** Every product with its barrels per tonne, for positions measured on a factor quoted per tonne. */
    @Timeout(value = 4, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, abortOn = WebApplicationException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    public List<TradingClient.Product> products() {
        return trading.products();
    }

    /** A benchmark's unit and currency; empty when pricefeed does not know the benchmark. */
    @Timeout(value = 4, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, abortOn = WebApplicationException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = WebApplicationException.class)
    public Optional<PricefeedClient.Benchmark> benchmark(String code) {
        return unlessNotFound(() -> pricefeed.benchmark(code));
    }

    /** The forward curve of a benchmark in force on a date; empty when none was published. */
    @Timeout(value = 4, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, abortOn = WebApplicationException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = WebApplicationException.class)
    public Optional<PricefeedClient.Curve> curve(String benchmark, LocalDate date) {
        return unlessNotFound(() -> pricefeed.curve(benchmark, date));
    }

    /** The effective quotes of a benchmark; empty when pricefeed does not know the benchmark. */
    @Timeout(value = 4, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, abortOn = WebApplicationException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = WebApplicationException.class)
    public Optional<PricefeedClient.History> history(String benchmark, LocalDate from, LocalDate to) {
        return unlessNotFound(() -> pricefeed.history(benchmark, from, to));
    }

    /** A 404 is an answer (pricefeed has nothing for that code), not a failure of the dependency. */
    private static <T> Optional<T> unlessNotFound(Supplier<T> call) {
        try {
            return Optional.of(call.get());
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
