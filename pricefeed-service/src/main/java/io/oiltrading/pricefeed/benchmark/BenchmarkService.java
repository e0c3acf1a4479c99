package io.oiltrading.pricefeed.benchmark;

import io.oiltrading.platform.problem.ProblemException;
import io.oiltrading.pricefeed.config.PricefeedConfig;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jboss.logging.Logger;

@ApplicationScoped
public class BenchmarkService {

    private static final Logger LOG = Logger.getLogger(BenchmarkService.class);

    @Inject
    PricefeedConfig config;

    public List<Benchmark> list() {
        return Benchmark.listAll(Sort.by("code"));
    }

    public Benchmark get(String code) {
        return Benchmark.findByCode(code).orElseThrow(() -> ProblemException.notFound("Benchmark", code));
    }

    public List<BenchmarkHoliday> holidays(String code) {
        return BenchmarkHoliday.list("benchmarkId", Sort.by("date"), get(code).id);
    }

    @Transactional
    public BenchmarkHoliday addHoliday(String code, LocalDate date, String name) {
        Benchmark benchmark = get(code);
        if (BenchmarkHoliday.count("benchmarkId = ?1 and date = ?2", benchmark.id, date) > 0) {
            throw ProblemException.conflict("duplicate", date + " is already a holiday of " + code);
        }
        BenchmarkHoliday holiday = new BenchmarkHoliday();
        holiday.benchmarkId = benchmark.id;
        holiday.date = date;
        holiday.name = name;
        holiday.persist();
        return holiday;
    }

    @Transactional
    public Benchmark create(BenchmarkRequest request) {
        if (Benchmark.findByCode(request.code()).isPresent()) {
            throw ProblemException.conflict("duplicate", "Benchmark " + request.code() + " already exists");
        }
        Benchmark benchmark = new Benchmark();
        benchmark.code = request.code();
        benchmark.name = request.name();
        benchmark.unit = request.unit();
        benchmark.currency = request.currency();
        benchmark.spikeThresholdSigma = request.spikeThresholdSigma() != null ? request.spikeThresholdSigma()
                : config.validation().defaultSpikeThresholdSigma();
        benchmark.createdAt = Instant.now();
        benchmark.persist();
        LOG.infof("Benchmark %s (%s) added with spike threshold %s sigma", benchmark.code, benchmark.unit,
                benchmark.spikeThresholdSigma);
        return benchmark;
    }
}
