-- Results of bounded load runs against one endpoint of a platform service, kept for comparison over time.
create table benchmark_run (
    id                  bigserial primary key,
    service             varchar(20)   not null,
    path                varchar(200)  not null,
    requested           integer       not null,
    concurrency         integer       not null,
    completed           integer       not null,
    failed              integer       not null,
    elapsed_seconds     double precision not null,
    throughput_per_sec  double precision not null,
    latency_p50_ms      double precision,
    latency_p95_ms      double precision,
    latency_p99_ms      double precision,
    latency_max_ms      double precision,
    started_at          timestamp(6) with time zone not null
);
create index benchmark_run_started on benchmark_run (started_at desc);
