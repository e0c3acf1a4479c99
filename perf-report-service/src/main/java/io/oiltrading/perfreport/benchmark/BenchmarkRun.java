package io.oiltrading.perfreport.benchmark;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One stored benchmark run: its target, its bounds and what was measured. */
@Entity
@Table(name = "benchmark_run")
public class BenchmarkRun extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(length = 20, nullable = false)
    public PlatformService service;

    @Column(length = 200, nullable = false)
    public String path;

    @Column(nullable = false)
    public int requested;

    @Column(nullable = false)
    public int concurrency;

    @Column(nullable = false)
    public int completed;

    @Column(nullable = false)
    public int failed;

    @Column(name = "elapsed_seconds", nullable = false)
    public double elapsedSeconds;

    @Column(name = "throughput_per_sec", nullable = false)
    public double throughputPerSecond;

    @Column(name = "latency_p50_ms")
    public Double latencyP50Ms;

    @Column(name = "latency_p95_ms")
    public Double latencyP95Ms;

    @Column(name = "latency_p99_ms")
    public Double latencyP99Ms;

    @Column(name = "latency_max_ms")
    public Double latencyMaxMs;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;
}
