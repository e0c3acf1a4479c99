package io.oiltrading.settlement.client;

import io.oiltrading.platform.problem.DependencyUnavailable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The calls to trading-service and pricefeed-service, each with a timeout, retries and a circuit breaker. A 404 is
 * an answer (empty); a dependency that does not answer, or answers 5xx, surfaces as {@link DependencyUnavailable}.
 */
@ApplicationScoped
public class Sources {

    static final String TRADING = "trading-service";
    static final String PRICEFEED = "pricefeed-service";
    private static final String CONSEQUENCE = "the contract is not settled in this run and is retried in the next";
    private static final int PAGE_SIZE = 200;

    @Inject
    Calls calls;

    public List<TradingClient.Contract> deliveredContracts() {
        List<TradingClient.Contract> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            int p = page;
            TradingClient.ContractPage batch = guarded(TRADING, () -> calls.contracts("DELIVERED", p, PAGE_SIZE));
            all.addAll(batch.items());
            if (batch.items().size() < PAGE_SIZE) {
                return all;
            }
        }
    }

    public Optional<TradingClient.Contract> contract(long id) {
        return found(TRADING, () -> calls.contract(id));
    }

    public Optional<TradingClient.Product> product(String code) {
        return found(TRADING, () -> calls.product(code));
    }

    public Optional<PricefeedClient.Benchmark> benchmark(String code) {
        return found(PRICEFEED, () -> calls.benchmark(code));
    }

    public Optional<PricefeedClient.Quote> latestQuote(String code) {
        return found(PRICEFEED, () -> calls.latest(code));
    }

    public PricefeedClient.History history(String code, LocalDate from, LocalDate to) {
        return guarded(PRICEFEED, () -> calls.history(code, from, to));
    }

    private static <T> Optional<T> found(String service, Supplier<T> call) {
        try {
            return Optional.of(guarded(service, call));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static <T> T guarded(String service, Supplier<T> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() >= 500) {
                throw new DependencyUnavailable(service, e, CONSEQUENCE);
            }
            throw e;
        } catch (RuntimeException e) {
            throw new DependencyUnavailable(service, e, CONSEQUENCE);
        }
    }

    /**
     * The REST calls themselves, each method with its own timeout, retries and circuit breaker; 4xx answers are
     * neither retried nor counted as failures.
     */
    @ApplicationScoped
    @Timeout(value = 4, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, abortOn = WebApplicationException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = WebApplicationException.class)
    public static class Calls {

        @Inject
        @RestClient
        TradingClient trading;

        @Inject
        @RestClient
        PricefeedClient pricefeed;

        public TradingClient.ContractPage contracts(String status, int page, int size) {
            return trading.contracts(status, page, size);
        }

        public TradingClient.Contract contract(long id) {
            return trading.contract(id);
        }

        public TradingClient.Product product(String code) {
            return trading.product(code);
        }

        public PricefeedClient.Benchmark benchmark(String code) {
            return pricefeed.benchmark(code);
        }

        public PricefeedClient.Quote latest(String code) {
            return pricefeed.latest(code);
        }

        public PricefeedClient.History history(String code, LocalDate from, LocalDate to) {
            return pricefeed.history(code, from, to);
        }
    }
}
