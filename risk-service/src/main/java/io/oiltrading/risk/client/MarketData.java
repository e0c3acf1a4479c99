package io.oiltrading.risk.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
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

    /** The forward curve of a benchmark in force on a date; empty when none was published. */
    @Timeout(value = 4, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, abortOn = WebApplicationException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = WebApplicationException.class)
    public Optional<PricefeedClient.Curve> curve(String benchmark, LocalDate date) {
        try {
            return Optional.of(pricefeed.curve(benchmark, date));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The effective quotes of a benchmark; empty when pricefeed does not know the benchmark. */
    @Timeout(value = 4, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, abortOn = WebApplicationException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = WebApplicationException.class)
    public Optional<PricefeedClient.History> history(String benchmark, LocalDate from, LocalDate to) {
        try {
            return Optional.of(pricefeed.history(benchmark, from, to));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
