package io.oiltrading.perfreport.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oiltrading.platform.api.Page;
import io.oiltrading.platform.problem.DependencyUnavailable;
import io.oiltrading.platform.problem.ProblemException;
import io.oiltrading.perfreport.analysis.AlertService;
import io.oiltrading.perfreport.analysis.AlertsView;
import io.oiltrading.perfreport.analysis.BottleneckService;
import io.oiltrading.perfreport.analysis.Bottlenecks;
import io.oiltrading.perfreport.analysis.Summary;
import io.oiltrading.perfreport.analysis.SummaryService;
import io.oiltrading.perfreport.analysis.TrendService;
import io.oiltrading.perfreport.analysis.Trends;
import io.oiltrading.perfreport.analysis.Window;
import io.oiltrading.perfreport.cluster.ClusterView;
import io.oiltrading.perfreport.config.PerfReportConfig;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.panache.common.Sort;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/** Assembles reports from the sources, stores the scheduled ones and enforces their retention. */
@ApplicationScoped
public class ReportService {

    private static final Logger LOG = Logger.getLogger(ReportService.class);
    static final Duration MAX_PERIOD = Duration.ofDays(31);

    @Inject
    SummaryService summaries;

    @Inject
    TrendService trends;

    @Inject
    BottleneckService bottlenecks;

    @Inject
    AlertService alerts;

    @Inject
    ClusterView cluster;

    @Inject
    ObjectMapper json;

    @Inject
    PerfReportConfig config;

    @Inject
    Clock clock;

    /** A stored report as listed. */
    public record ReportInfo(Long id, String kind, Instant from, Instant to, Instant createdAt, String sources) {
        static ReportInfo of(StoredReport r) {
            return new ReportInfo(r.id, r.kind, r.periodFrom, r.periodTo, r.createdAt, r.sources);
        }
    }

    @WithSpan("ReportService.assemble")
    public Report assemble(String kind, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw ProblemException.invalid("from", "must be before to");
        }
        if (Duration.between(from, to).compareTo(MAX_PERIOD) > 0) {
            throw ProblemException.invalid("from", "a period of at most 31 days");
        }
        Map<String, String> sources = new TreeMap<>();
        ClusterView.Snapshot kubernetes = cluster.snapshot();
        sources.put("kubernetes", kubernetes.available() ? "ok" : kubernetes.error());
        Summary summary = null;
        Trends trend = null;
        Bottlenecks findings = null;
        try {
            String window = Window.of(Duration.between(from, to)).text();
            summary = summaries.summary(to, window);
            trend = trends.trends(from, to);
            findings = bottlenecks.find(to, window, kubernetes);
            sources.put("prometheus", "ok");
        } catch (DependencyUnavailable e) {
            sources.put("prometheus", e.getMessage());
        }
        AlertsView alertsView = null;
        try {
            alertsView = alerts.alerts();
            sources.putAll(alertsView.sources());
        } catch (DependencyUnavailable e) {
            sources.put("alertmanager", e.getMessage());
        }
        return new Report(kind, from, to, clock.instant(), sources, summary, trend, findings, alertsView, kubernetes);
    }

    @Transactional
    public StoredReport store(Report report) {
        StoredReport r = new StoredReport();
        r.kind = report.kind();
        r.periodFrom = report.from();
        r.periodTo = report.to();
        r.createdAt = report.generatedAt();
        r.sources = truncate(report.sources().toString(), 1000);
        try {
            r.content = json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report could not be written as JSON", e);
        }
        r.persist();
        LOG.infof("Stored %s performance report %d for %s to %s (sources %s)", r.kind, r.id, r.periodFrom, r.periodTo, r.sources);
        return r;
    }

    /**
     * Makes and stores the report of the last whole hour, day (UTC) or 7 days; a period already stored is not
     * made again, so replicas running the same schedule store it once.
     */
    public StoredReport generate(String kind) {
        Instant to;
        Duration length;
        switch (kind) {
            case "HOURLY" -> { to = clock.instant().truncatedTo(ChronoUnit.HOURS); length = Duration.ofHours(1); }
            case "DAILY" -> { to = clock.instant().truncatedTo(ChronoUnit.DAYS); length = Duration.ofDays(1); }
            case "WEEKLY" -> { to = clock.instant().truncatedTo(ChronoUnit.DAYS); length = Duration.ofDays(7); }
            default -> throw ProblemException.invalid("kind", "one of HOURLY, DAILY, WEEKLY");
        }
        Instant from = to.minus(length);
        Optional<StoredReport> made = existing(kind, from, to);
        if (made.isPresent()) {
            return made.get();
        }
        try {
            return store(assemble(kind, from, to));
        } catch (PersistenceException e) {
            // Another replica stored the same period meanwhile (unique index): theirs is the report.
            return existing(kind, from, to).orElseThrow(() -> e);
        }
    }

    @Transactional
    Optional<StoredReport> existing(String kind, Instant from, Instant to) {
        return StoredReport.find("kind = ?1 and periodFrom = ?2 and periodTo = ?3", kind, from, to).firstResultOptional();
    }

    @Scheduled(cron = "${perf-report.reports.hourly-cron:0 5 * * * ?}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void hourly() {
        generate("HOURLY");
    }

    @Scheduled(cron = "${perf-report.reports.daily-cron:0 15 0 * * ?}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void daily() {
        generate("DAILY");
    }

    @Scheduled(cron = "${perf-report.reports.weekly-cron:0 30 0 ? * MON}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void weekly() {
        generate("WEEKLY");
    }

    @Scheduled(cron = "${perf-report.reports.retention-cron:0 45 0 * * ?}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void retention() {
        long deleted = deleteOlderThan(config.reports().retention());
        LOG.infof("Retention: %d performance reports older than %s deleted", deleted, config.reports().retention());
    }

    @Transactional
    public long deleteOlderThan(Duration age) {
        return StoredReport.delete("createdAt < ?1", clock.instant().minus(age));
    }

    @Transactional
    public Page<ReportInfo> list(String kind, Integer olderThanDays, int page, int size) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new TreeMap<>();
        if (kind != null) {
            where.add("kind = :kind");
            params.put("kind", kind);
        }
        if (olderThanDays != null) {
            where.add("createdAt < :before");
            params.put("before", clock.instant().minus(Duration.ofDays(olderThanDays)));
        }
        Sort newestFirst = Sort.descending("createdAt", "id");
        var found = where.isEmpty() ? StoredReport.<StoredReport>findAll(newestFirst)
                : StoredReport.<StoredReport>find(String.join(" and ", where), newestFirst, params);
        return new Page<>(found.page(page, size).list().stream().map(ReportInfo::of).toList(), page, size, found.count());
    }

    @Transactional
    public Report read(long id) {
        StoredReport r = StoredReport.<StoredReport>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Report", id));
        try {
            return json.readValue(r.content, Report.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored report " + id + " is not readable", e);
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
