-- Every risk calculation is stored: its headline figures for listing and metrics, and the whole report.
create table risk_snapshot (
    id                bigserial primary key,
    calculated_at     timestamp(6) with time zone not null,
    gross_exposure_usd double precision not null,
    var_99_usd        double precision not null,
    es_975_usd        double precision not null,
    report            text not null
);
create index risk_snapshot_time on risk_snapshot (calculated_at desc);
