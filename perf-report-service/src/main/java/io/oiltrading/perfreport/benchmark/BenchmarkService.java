package io.oiltrading.perfreport.benchmark;

import io.oiltrading.perfreport.config.PerfReportConfig;
import io.oiltrading.platform.problem.ProblemException;
import io.oiltrading.platform.security.ServiceIdentity;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

@ApplicationScoped
public class BenchmarkService {

    private static final Logger LOG = Logger.getLogger(BenchmarkService.class);

    @Inject
    PerfReportConfig config;

    /** What a run measured, as the API returns it. */
    public record BenchmarkResult(Long id, PlatformService service, String path, URI target, int requested,
                                  int concurrency, int completed, int failed, java.util.Map<String, Long> statusCounts,
                                  double elapsedSeconds, double throughputPerSecond, LatencyDistribution latency,
                                  boolean stoppedAtDeadline, Instant startedAt) {
    }

    public List<BenchmarkRun> recent(int limit) {
        return BenchmarkRun.findAll(Sort.descending("startedAt")).page(0, limit).list();
    }

    @WithSpan("BenchmarkService.run")
    public BenchmarkResult run(@SpanAttribute("service") PlatformService service, @SpanAttribute("path") String path,
                               int requests, int concurrency) {
        var bounds = config.benchmark();
        if (requests > bounds.maxRequests() || concurrency > bounds.maxConcurrency()) {
            throw ProblemException.unprocessable("benchmark-too-large", "A run may send at most "
                    + bounds.maxRequests() + " requests, " + bounds.maxConcurrency() + " at a time");
        }
        if (path.contains("..") || path.contains("//")) {
            throw ProblemException.badRequest("benchmark-target", "The path must stay inside the service");
        }
        URI target = URI.create(service.baseUrl(config.services()).toString().replaceFirst("/$", "") + path);
        Instant startedAt = Instant.now();
        LoadRunner.Measurement m;
        try {
            m = LoadRunner.run(target, ServiceIdentity.bearer(), requests, Math.min(concurrency, requests), bounds.maxDuration(),
                    bounds.requestTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(503, "benchmark-interrupted", "The run was interrupted");
        }
        LatencyDistribution latency = LatencyDistribution.of(m.latencyNanos(), m.completed());
        double throughput = m.elapsedSeconds() > 0 ? m.completed() / m.elapsedSeconds() : 0;
        Long id = store(service, path, requests, concurrency, m, throughput, latency, startedAt);
        LOG.infof("Benchmark of %s %s: %d requests, %d failed, %.1f req/s", service, path, m.completed(), m.failed(),
                throughput);
        return new BenchmarkResult(id, service, path, target, requests, concurrency, m.completed(), m.failed(),
                m.statusCounts(), m.elapsedSeconds(), throughput, latency, m.stoppedAtDeadline(), startedAt);
    }

    @Transactional
    Long store(PlatformService service, String path, int requests, int concurrency, LoadRunner.Measurement m,
               double throughput, LatencyDistribution latency, Instant startedAt) {
        BenchmarkRun run = new BenchmarkRun();
        run.service = service;
        run.path = path;
        run.requested = requests;
        run.concurrency = concurrency;
        run.completed = m.completed();
        run.failed = m.failed();
        run.elapsedSeconds = m.elapsedSeconds();
        run.throughputPerSecond = throughput;
        if (latency != null) {
            run.latencyP50Ms = latency.p50Ms();
            run.latencyP95Ms = latency.p95Ms();
            run.latencyP99Ms = latency.p99Ms();
            run.latencyMaxMs = latency.maxMs();
        }
        run.startedAt = startedAt;
        run.persist();
        return run.id;
    }
}
