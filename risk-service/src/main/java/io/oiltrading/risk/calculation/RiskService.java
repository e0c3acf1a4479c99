package io.oiltrading.risk.calculation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oiltrading.platform.problem.DependencyUnavailable;
import io.oiltrading.platform.problem.ProblemException;
import io.oiltrading.risk.client.MarketData;
import io.oiltrading.risk.config.RiskConfig;
import io.oiltrading.risk.telemetry.RiskMetrics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/** Runs risk calculations (on demand and on a schedule), stores each one and feeds the risk metrics. */
@ApplicationScoped
public class RiskService {

    private static final Logger LOG = Logger.getLogger(RiskService.class);

    @Inject
    RiskCalculator calculator;

    @Inject
    RiskMetrics metrics;

    @Inject
    RiskConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /** A report, and for a stored result served while a dependency is down, how old it is and why. */
    public record Answer(RiskReport report, Long snapshotId, Long ageSeconds, String servedBecause) {
    }

    public Answer calculate(RiskCalculator.Parameters parameters) {
        long start = System.nanoTime();
        try {
            RiskReport report = calculator.calculate(parameters);
            long id = store(report);
            metrics.recordDuration(Duration.ofNanos(System.nanoTime() - start));
            if (parameters.equals(calculator.defaults())) {
                metrics.show(report);
            }
            return new Answer(report, id, null, null);
        } catch (DependencyUnavailable e) {
            metrics.recordFailure("dependency_unavailable");
            if (config.serveLastResultWhenDependencyDown()) {
                var last = RiskSnapshot.latest();
                if (last.isPresent()) {
                    long age = Duration.between(last.get().calculatedAt, clock.instant()).toSeconds();
                    return new Answer(read(last.get()), last.get().id, age, e.getMessage());
                }
            }
            throw e;
        } catch (ProblemException e) {
            metrics.recordFailure(e.kind().replace('-', '_'));
            throw e;
        } catch (RuntimeException e) {
            metrics.recordFailure("internal");
            throw e;
        }
    }

    /** Keeps the risk metrics current without anybody calling the API. */
    @Scheduled(every = "${risk.refresh-interval:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refresh() {
        try {
            calculate(calculator.defaults());
        } catch (RuntimeException e) {
            LOG.warnf("Scheduled risk calculation failed: %s", e.getMessage());
        }
    }

    public List<RiskSnapshot> recent(int size) {
        return RiskSnapshot.findAll(Sort.descending("calculatedAt")).page(0, size).list();
    }

    public RiskReport read(RiskSnapshot snapshot) {
        try {
            return json.readValue(snapshot.report, RiskReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored report " + snapshot.id + " is unreadable", e);
        }
    }

    private long store(RiskReport report) {
        return QuarkusTransaction.requiringNew().call(() -> {
            RiskSnapshot s = new RiskSnapshot();
            s.calculatedAt = report.calculatedAt();
            s.grossExposureUsd = report.grossExposureUsd();
            s.var99Usd = report.var().stream().filter(v -> v.method().equals("historical")
                    && v.confidence().equals(RiskCalculator.P99)).findFirst().orElseThrow().valueUsd();
            s.es975Usd = report.expectedShortfall975Usd();
            s.report = json.writeValueAsString(report);
            s.persist();
            return s.id;
        });
    }
}
